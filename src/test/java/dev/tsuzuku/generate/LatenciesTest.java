package dev.tsuzuku.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The poll schedule against tasks of a known latency, in simulated milliseconds: each task is
 * polled where {@link Latencies} plans, every poll running a set lateness after its plan (a
 * loaded machine), and what the polls found is fed back. No clock, no threads.
 */
class LatenciesTest {
    private static final String ACCOUNT = "acct";

    /** One simulated task: where its polls ran (ms after submit), and the bracket they left. */
    private record Polled(List<Long> polls, long lo, long hi) {
        long found() {
            return hi;
        }
    }

    /** Polls one task of latency {@code latency} as planned, each poll {@code late} ms after its plan, and reports it. */
    private static Polled run(Latencies l, long id, long latency, long late) {
        List<Long> polls = new ArrayList<>();
        long t = l.first(ACCOUNT, id).toMillis() + late;
        long lo = 0;
        int misses = 0;
        while (t < latency) {
            polls.add(t);
            misses++;
            lo = t;
            t += l.next(ACCOUNT, id, misses, Duration.ofMillis(t)).toMillis() + late;
        }
        polls.add(t);
        l.bracket(ACCOUNT, Duration.ofMillis(lo), Duration.ofMillis(t));
        return new Polled(polls, lo, t);
    }

    /** Rounds of {@code batch} tasks submitted together: all of a round are polled before any of them reports. */
    private static List<Polled> rounds(Latencies l, int rounds, int batch, long latency, long late) {
        List<Polled> all = new ArrayList<>();
        long id = 1;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < batch; i++) {
                all.add(run(l, id++, latency, late));
            }
        }
        return all;
    }

    private static Latencies cold() {
        return new Latencies(Duration.ofMillis(250), Duration.ofSeconds(30), Map.of());
    }

    @Test
    void from_a_cold_start_the_estimate_settles_on_the_true_latency_and_stays_there() {
        Latencies l = cold();
        long latency = 10_000;
        List<Polled> all = rounds(l, 40, 25, latency, 7);

        assertThat(l.expected(ACCOUNT).toMillis()).as("settled within 1%% of the latency")
                .isCloseTo(latency, within(100L));
        // the old rule learnt "found done at" and only ever rose; here nothing settles above the latency
        List<Polled> settled = all.subList(250, all.size());
        assertThat(settled).allSatisfy(p -> assertThat(p.found() - latency).as("found within 2%% plus the lateness")
                .isLessThanOrEqualTo(200 + 7));
        double meanLate = settled.stream().mapToLong(p -> p.found() - latency).average().orElseThrow();
        assertThat(meanLate).as("found on average within 1%% of its end").isLessThan(100);
        double polls = settled.stream().mapToInt(p -> p.polls().size()).average().orElseThrow();
        assertThat(polls).as("a probe, the estimate, a step or two").isBetween(1.5, 4.0);
    }

    @Test
    void a_lateness_in_every_poll_does_not_make_the_estimate_drift_upward() {
        Latencies l = cold();
        long latency = 2_000;
        long late = 60; // 3% of the latency, every single poll
        List<Long> estimates = new ArrayList<>();
        long id = 1;
        for (int r = 0; r < 60; r++) {
            for (int i = 0; i < 20; i++) {
                run(l, id++, latency, late);
            }
            estimates.add(l.expected(ACCOUNT).toMillis());
        }
        List<Long> later = estimates.subList(10, estimates.size());
        assertThat(later).allSatisfy(e -> assertThat(e).as("each bracket holds the latency, so their middle does too")
                .isBetween(latency - 60, latency + 60));
        assertThat(later.get(later.size() - 1) - later.get(0)).as("no drift").isBetween(-40L, 40L);
    }

    @Test
    void an_estimate_too_high_comes_down_and_one_too_low_goes_up() {
        for (long hint : new long[] {20_000, 5_000}) {
            Latencies l = new Latencies(Duration.ofMillis(250), Duration.ofSeconds(30), Map.of(ACCOUNT, Duration.ofMillis(hint)));
            rounds(l, 20, 10, 10_000, 0);
            assertThat(l.expected(ACCOUNT).toMillis()).as("from a hint of %d ms", hint).isCloseTo(10_000L, within(150L));
        }
    }

    @Test
    void the_probe_comes_before_the_estimate_and_the_next_poll_at_it() {
        Latencies l = new Latencies(Duration.ofMillis(250), Duration.ofSeconds(30), Map.of());
        l.measured(ACCOUNT, Duration.ofSeconds(100));
        assertThat(l.expected(ACCOUNT)).isEqualTo(Duration.ofSeconds(100));
        assertThat(l.first(ACCOUNT, 1)).as("2%% before").isEqualTo(Duration.ofSeconds(98));
        assertThat(l.next(ACCOUNT, 1, 1, Duration.ofSeconds(98))).as("then at the estimate").isEqualTo(Duration.ofSeconds(2));
        assertThat(l.next(ACCOUNT, 1, 2, Duration.ofSeconds(100))).as("then 1%% steps").isEqualTo(Duration.ofSeconds(1));
        assertThat(l.next(ACCOUNT, 1, 3, Duration.ofSeconds(101))).as("growing ×1.5").isEqualTo(Duration.ofMillis(1500));
        assertThat(l.next(ACCOUNT, 1, 30, Duration.ofSeconds(500))).as("capped").isEqualTo(Duration.ofSeconds(30));
        for (int i = 0; i < 50; i++) {
            l.measured(ACCOUNT, Duration.ofSeconds(100));
        }
        assertThat(l.expected(ACCOUNT)).as("the vendor's own times are the latency").isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void a_scattered_provider_is_probed_earlier() {
        Latencies l = new Latencies(Duration.ofMillis(250), Duration.ofSeconds(30), Map.of());
        long[] took = {60, 140, 80, 120, 100, 60, 140, 90, 110, 100};
        for (long s : took) {
            l.measured(ACCOUNT, Duration.ofSeconds(s));
        }
        long est = l.expected(ACCOUNT).toMillis();
        long spread = l.spread(ACCOUNT).toMillis();
        assertThat(spread).isGreaterThan(10_000);
        assertThat(l.first(ACCOUNT, 1).toMillis()).as("two spreads before the estimate").isCloseTo(Math.max(est / 2,
                est - 2 * spread), within(2L));
    }

    @Test
    void cold_polls_of_a_batch_are_spread_and_the_first_finished_bracket_is_narrowed_by_the_others() {
        Latencies l = cold();
        List<Long> firsts = new ArrayList<>();
        for (long id = 1; id <= 100; id++) {
            long f = l.first(ACCOUNT, id).toMillis();
            assertThat(f).isBetween(250L, 374L);
            firsts.add(f);
        }
        assertThat(firsts.stream().distinct().count()).as("a batch polls at different moments").isGreaterThan(90);

        // tasks still running at 9.9 s and 9.95 s; another one is found done at 10.02 s after a miss at 6.7 s
        assertThat(l.next(ACCOUNT, 5, 7, Duration.ofMillis(9_900)).toMillis()).isPositive();
        assertThat(l.next(ACCOUNT, 6, 7, Duration.ofMillis(9_950)).toMillis()).isPositive();
        assertThat(l.bracket(ACCOUNT, Duration.ofMillis(6_700), Duration.ofMillis(10_020))).as("now known").isTrue();
        assertThat(l.expected(ACCOUNT).toMillis()).as("middle of 9950..10020, not of 6700..10020").isEqualTo(9_985);
        assertThat(l.bracket(ACCOUNT, Duration.ofMillis(9_990), Duration.ofMillis(10_010))).as("known already").isFalse();
    }

    @Test
    void polls_of_one_task_are_never_closer_than_the_floor_nor_further_apart_than_the_cap() {
        Latencies l = new Latencies(Duration.ofMillis(5), Duration.ofSeconds(30), Map.of());
        l.measured(ACCOUNT, Duration.ofMillis(100));
        for (int misses = 1; misses < 60; misses++) {
            long gap = l.next(ACCOUNT, 1, misses, Duration.ofMillis(100 + misses)).toMillis();
            assertThat(gap).isBetween(Latencies.MIN_STEP_MS, 30_000L);
        }
        Latencies coldOnly = new Latencies(Duration.ofMillis(5), Duration.ofSeconds(30), Map.of());
        assertThat(coldOnly.first(ACCOUNT, 1).toMillis()).isGreaterThanOrEqualTo(Latencies.MIN_STEP_MS);
        assertThat(coldOnly.next(ACCOUNT, 1, 1, Duration.ofMillis(5_000)).toMillis()).as("a late poll: the floor")
                .isEqualTo(Latencies.MIN_STEP_MS);
    }
}
