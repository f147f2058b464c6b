package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.TestDatabases;
import dev.tsuzuku.studio.SeriesDesk.RegenerationJob;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's regeneration jobs in a database that holds two series (a shared {@code --db}): a
 * server starting again interrupts the leftovers of the series it serves, never another's, which
 * its own server may still be running.
 */
class StoredRegenerationsTest {
    private static final Instant STOPPED = Instant.parse("2026-11-25T01:00:00Z");
    private static final Instant RESTARTED = Instant.parse("2026-11-25T01:05:00Z");

    @TempDir
    Path dir;

    @Test
    void a_restart_interrupts_only_the_served_series_leftovers() {
        try (Database db = Database.open(new Workspace(dir))) {
            interruptsOnlyTheServedSeries(db);
        }
    }

    @Test
    void a_restart_interrupts_only_the_served_series_leftovers_on_postgresql() {
        try (TestDatabases.Scratch pg = TestDatabases.postgres()) {
            interruptsOnlyTheServedSeries(pg.db());
        }
    }

    private static void interruptsOnlyTheServedSeries(Database db) {
        StoredRegenerations jobs = new StoredRegenerations(db);
        RegenerationJob done = jobs.add("peach-boy", 1, 1, "runway", "queued", STOPPED);
        jobs.update("peach-boy", done.id(), "done", null, STOPPED);
        RegenerationJob running = jobs.add("peach-boy", 1, 2, "kling", "queued", STOPPED);
        jobs.update("peach-boy", running.id(), "running", null, STOPPED);
        jobs.add("peach-boy", 1, 3, "runway", "queued", STOPPED);
        RegenerationJob elsewhere = jobs.add("moon-princess", 1, 2, "kling", "queued", STOPPED);
        jobs.update("moon-princess", elsewhere.id(), "running", null, STOPPED);
        jobs.add("moon-princess", 1, 3, "runway", "queued", STOPPED);

        int interrupted = jobs.interruptLeftovers("peach-boy", RESTARTED);

        assertThat(interrupted).isEqualTo(2);
        assertThat(jobs.of("peach-boy", 1)).extracting(RegenerationJob::shot, RegenerationJob::state, RegenerationJob::at)
                .containsExactly(tuple(1, "done", STOPPED), tuple(2, StoredRegenerations.INTERRUPTED, RESTARTED),
                        tuple(3, StoredRegenerations.INTERRUPTED, RESTARTED));
        assertThat(jobs.of("moon-princess", 1))
                .extracting(RegenerationJob::shot, RegenerationJob::state, RegenerationJob::error, RegenerationJob::at)
                .containsExactly(tuple(2, "running", null, STOPPED), tuple(3, "queued", null, STOPPED));
    }
}
