package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.jobs.JobEngine;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.release.SettableClock;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.ReleaseRepository;
import dev.tsuzuku.store.ReleaseRepository.Drop;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop through the durable job engine (db-scheduler on the workspace's H2 file), in manual
 * mode: the test moves the engine's clock and the studio's together and runs what is due.
 */
class DropJobsTest {
    static final ZoneId NY = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    Workspace ws;
    SettableClock clock = new SettableClock(Instant.parse("2026-02-02T23:00:05Z")); // 18:00:05 EST, the first drop
    List<DropJobs.ProduceJob> produced = new ArrayList<>();

    @BeforeEach
    void a_series_of_six_episodes_three_approved() {
        ws = new Workspace(dir);
        Bible b = FakeStudio.bible();
        AtomicFiles.write(ws.bible(), BibleFile.render(new Bible(b.id(), b.title(), b.logline(), b.language(), b.genre(),
                b.style(), b.cast(), b.places(), b.episodeSeconds(),
                new DropSchedule(LocalTime.of(18, 0), NY, List.of(), List.of(), 2, LocalDate.of(2026, 2, 2)),
                b.monetization(), b.routing())));
        Json.writeFile(ws.seasonJson(), new Season("peach-boy", IntStream.rangeClosed(1, 6).mapToObj(FakeStudio::plan).toList()));
        try (Studio s = Studio.open(ws, clock, Progress.silent())) {
            s.episodes().status();
            for (int n = 1; n <= 6; n++) {
                s.episodes().repository().saveEpisode("peach-boy", n, "Episode " + n, n <= 3 ? EpisodeStatus.APPROVED : EpisodeStatus.WRITTEN);
            }
        }
    }

    void advance(JobEngine engine, Duration d) {
        clock.advance(d);
        engine.advance(d);
    }

    @Test
    void drops_run_as_jobs_survive_a_restart_with_every_missed_drop_late_and_a_low_buffer_schedules_production() {
        try (Studio s = Studio.open(ws, clock, Progress.silent());
                DropJobs jobs = DropJobs.start(s, true, produced::add).orElseThrow()) {
            jobs.engine().runDue();
            assertThat(drops(s)).extracting(Drop::episode).containsExactly(1);
            advance(jobs.engine(), Duration.ofDays(1));
            jobs.engine().runDue();
            assertThat(drops(s)).extracting(Drop::episode).containsExactly(1, 2);
            assertThat(drops(s)).extracting(Drop::late).containsExactly(false, false);
            // only episode 3 is finished ahead, the buffer wants 2: episode 4 is produced by a job
            jobs.engine().runDue();
            assertThat(produced).extracting(DropJobs.ProduceJob::episodes).contains(List.of(4));
        } // the server stops ...
        clock.advance(Duration.ofDays(2).plusHours(2)); // ... over two drops, and starts again
        try (Studio s = Studio.open(ws, clock, Progress.silent());
                DropJobs jobs = DropJobs.start(s, true, produced::add).orElseThrow()) {
            jobs.engine().runDue();
            jobs.engine().runDue();
            // both missed drop times are handled on start, late: episode 3 goes out, episode 4 is not ready
            List<Drop> drops = drops(s);
            assertThat(drops).hasSize(4);
            assertThat(drops.subList(2, 4)).extracting(Drop::slot)
                    .containsExactly(Instant.parse("2026-02-04T23:00:00Z"), Instant.parse("2026-02-05T23:00:00Z"));
            assertThat(drops.subList(2, 4)).extracting(Drop::outcome).containsExactly("released", "missed");
            assertThat(drops.get(2).episode()).isEqualTo(3);
            assertThat(drops.subList(2, 4)).allSatisfy(d -> assertThat(d.late()).isTrue());
            advance(jobs.engine(), Duration.ofMinutes(5));
            jobs.engine().runDue();
            assertThat(drops(s)).as("the late drops happened once").hasSize(4);
        }
    }

    static List<Drop> drops(Studio s) {
        return new ReleaseRepository(s.database(), s.clock()).drops("peach-boy");
    }
}
