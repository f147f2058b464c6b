package dev.tsuzuku.generate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to poll a provider's task (decision 0032): at the account's expected latency, learnt from
 * the tasks it finished, then in short steps growing ×1.5. A task found done at the first poll
 * says only that the expectation was long enough, so it is shortened a little (2%); a task found
 * done after a miss, or woken early by a callback, measured the latency to within a step, and
 * that becomes the expectation. So polls land just after the task ends instead of on a fixed
 * grid, and a callback-less provider is picked up about a step after it finishes.
 *
 * <p>Before the first finished task the expectation is unknown: the first poll comes after
 * {@code coldFirst} and the steps grow from there (a slow provider costs a few extra polls once).
 */
final class Latencies {
    private static final double SHORTEN = 0.98;
    private static final double STEP_SHARE = 0.02;
    private static final Duration MIN_STEP = Duration.ofMillis(10);

    private final Duration coldFirst;
    private final Duration max;
    private final Map<String, Duration> hints;
    private final Map<String, Duration> expected = new ConcurrentHashMap<>();

    Latencies(Duration coldFirst, Duration max, Map<String, Duration> hints) {
        this.coldFirst = coldFirst;
        this.max = max;
        this.hints = Map.copyOf(hints);
    }

    /** The account's expected latency: learnt, else its configured hint, else unknown (null). */
    Duration expected(String account) {
        Duration learnt = expected.get(account);
        return learnt != null ? learnt : hints.get(account);
    }

    /** How long after the submit the first poll comes. */
    Duration first(String account) {
        Duration e = expected(account);
        return e == null ? coldFirst : e;
    }

    /** How long after the {@code misses}-th poll that found the task unfinished the next one comes (misses ≥ 1). */
    Duration after(String account, int misses) {
        Duration e = expected(account);
        double base = e == null ? coldFirst.toMillis() : Math.max(MIN_STEP.toMillis(), e.toMillis() * STEP_SHARE);
        double ms = base * Math.pow(1.5, Math.min(Math.max(misses - 1, 0), 40));
        return Duration.ofMillis((long) Math.min(ms, max.toMillis()));
    }

    /**
     * A task of the account finished {@code elapsed} after its submit; {@code tight} when that was
     * seen after a miss or through a callback (a measurement), false when the first poll found it
     * done (only an upper bound).
     */
    void finished(String account, Duration elapsed, boolean tight) {
        if (elapsed.isNegative() || elapsed.isZero()) {
            return;
        }
        expected.compute(account, (a, old) -> {
            if (old == null || tight) {
                return elapsed;
            }
            long shorter = (long) (Math.min(old.toMillis(), elapsed.toMillis()) * SHORTEN);
            return Duration.ofMillis(Math.max(MIN_STEP.toMillis(), shorter));
        });
    }
}
