package dev.tsuzuku.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.store.Database;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job engine in manual mode on the embedded database: scheduling, rescheduling, recurring jobs, restarts. */
class JobEngineTest {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    record Count(int n) {}

    static final JobType<Count> COUNTDOWN = JobType.of("countdown", Count.class);

    @TempDir
    Path dir;
    Database db;
    final List<String> ran = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(new Workspace(dir));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JobEngine engine() {
        return JobEngine.on(db, CLOCK)
                .oneTime(COUNTDOWN, (id, data) -> {
                    ran.add(id + ":" + data.n());
                    return data.n() == 0 ? Next.done() : Next.at(CLOCK.instant().plusSeconds(1000), new Count(data.n() - 1));
                })
                .recurring("tick", Duration.ofMinutes(10), at -> ran.add("tick@" + at))
                .startManual();
    }

    @Test
    void a_job_reschedules_itself_with_new_data_until_done_and_runs_only_when_due() {
        JobEngine jobs = engine();
        assertThat(jobs.schedule(COUNTDOWN, "a", new Count(2), T0)).isTrue();
        assertThat(jobs.schedule(COUNTDOWN, "a", new Count(9), T0)).as("scheduling is idempotent by id").isFalse();

        jobs.runDue();
        assertThat(ran).contains("a:2").doesNotContain("a:1");
        jobs.advance(Duration.ofSeconds(999));
        jobs.runDue();
        assertThat(ran).doesNotContain("a:1");
        jobs.advance(Duration.ofSeconds(1));
        jobs.runDue();
        assertThat(ran).contains("a:1");
        jobs.advance(Duration.ofSeconds(1000));
        jobs.runDue();
        assertThat(ran).contains("a:0");
        assertThat(jobs.scheduled(COUNTDOWN, "a")).as("done jobs are removed").isFalse();
        jobs.stop();
    }

    @Test
    void a_job_scheduled_before_a_restart_runs_after_it() {
        JobEngine first = engine();
        first.schedule(COUNTDOWN, "b", new Count(0), T0.plusSeconds(60));
        first.stop();

        JobEngine second = engine();
        second.runDue();
        assertThat(ran).doesNotContain("b:0");
        second.advance(Duration.ofMinutes(1));
        second.runDue();
        assertThat(ran).contains("b:0");
        second.stop();
    }

    @Test
    void wake_brings_a_later_job_forward_and_recurring_jobs_run_on_their_schedule() {
        JobEngine jobs = engine();
        jobs.schedule(COUNTDOWN, "c", new Count(0), T0.plus(Duration.ofHours(5)));
        assertThat(jobs.wake(COUNTDOWN, "c")).isTrue();
        jobs.runDue();
        assertThat(ran).contains("c:0");
        assertThat(jobs.wake(COUNTDOWN, "nobody")).isFalse();

        long ticks = ran.stream().filter(r -> r.startsWith("tick@")).count();
        jobs.advance(Duration.ofMinutes(11));
        jobs.runDue();
        assertThat(ran.stream().filter(r -> r.startsWith("tick@")).count()).isGreaterThan(ticks);
        jobs.stop();
    }

    @Test
    void an_unregistered_type_or_a_late_registration_is_refused() {
        JobEngine.Builder builder = JobEngine.on(db, CLOCK).oneTime(COUNTDOWN, (id, data) -> Next.done());
        JobEngine jobs = builder.startManual();
        assertThatThrownBy(() -> jobs.schedule(JobType.of("nope", Count.class), "x", new Count(1), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not registered");
        assertThatThrownBy(() -> builder.oneTime(JobType.of("late", Count.class), (id, data) -> Next.done()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before start");
        jobs.stop();
    }
}
