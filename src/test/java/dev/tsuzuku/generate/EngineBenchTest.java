package dev.tsuzuku.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine bench's arithmetic, and that a small run drives every shot through without breaking the limit. */
class EngineBenchTest {
    @TempDir
    Path dir;

    @Test
    void ideal_ratio_and_overhead_follow_from_the_counts() {
        EngineBench.Result r = new EngineBench.Result(EngineBench.Mode.CALLBACK, 1000, 50, Duration.ofSeconds(2), Duration.ofSeconds(42), 1000, 1000,
                50, 0);
        assertThat(r.ideal()).isEqualTo(Duration.ofSeconds(40));
        assertThat(r.ratio()).isEqualTo(1.05);
        assertThat(r.overheadPerTask()).isEqualTo(Duration.ofMillis(100));
        assertThat(r.lines(0.05)).anyMatch(l -> l.contains("ratio") && l.contains("within"))
                .anyMatch(l -> l.contains("100.0 ms per task"));
        EngineBench.Result uneven = new EngineBench.Result(EngineBench.Mode.POLL, 101, 50, Duration.ofSeconds(2), Duration.ofSeconds(7), 101, 101,
                50, 0);
        assertThat(uneven.ideal()).as("a last partial round still takes a latency").isEqualTo(Duration.ofSeconds(6));
        assertThat(uneven.lines(0.05)).anyMatch(l -> l.contains("OVER"));
    }

    @Test
    void a_small_run_verifies_every_shot_once_and_never_exceeds_the_stub_limit() {
        AtomicLong ticks = new AtomicLong();
        try (Database db = Database.open("jdbc:h2:mem:bench-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH")) {
            EngineBench.Result r = EngineBench.run(db, dir, EngineBench.Mode.CALLBACK, 24, 4, Duration.ofMillis(20), 4, Clock.systemUTC(),
                    () -> ticks.addAndGet(1_000_000));
            assertThat(r.verified()).isEqualTo(24);
            assertThat(r.submissions()).isEqualTo(24);
            assertThat(r.maxInFlight()).isLessThanOrEqualTo(4);
            assertThat(r.refusals()).isZero();
            assertThat(r.makespan()).as("measured with the given stopwatch").isEqualTo(Duration.ofMillis(1));
        }
    }
}
