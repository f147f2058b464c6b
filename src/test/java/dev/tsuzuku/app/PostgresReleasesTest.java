package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.release.SettableClock;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.ReleaseRepository;
import dev.tsuzuku.store.TestDatabases;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop on a shared PostgreSQL: two servers at the same drop release one episode, once; a restart is late once. */
class PostgresReleasesTest {
    @TempDir
    Path dir;

    @Test
    void two_servers_sharing_a_database_release_once_per_drop() throws Exception {
        Workspace ws = new Workspace(dir);
        Bible b = FakeStudio.bible();
        AtomicFiles.write(ws.bible(), BibleFile.render(new Bible(b.id(), b.title(), b.logline(), b.language(), b.genre(),
                b.style(), b.cast(), b.places(), b.episodeSeconds(), new DropSchedule(LocalTime.of(18, 0),
                ZoneId.of("America/New_York"), List.of(), List.of(), 2, LocalDate.of(2026, 2, 2)), b.monetization(), b.routing())));
        Json.writeFile(ws.seasonJson(), new Season("peach-boy", IntStream.rangeClosed(1, 4).mapToObj(FakeStudio::plan).toList()));
        SettableClock clock = new SettableClock(Instant.parse("2026-02-02T23:00:01Z"));
        try (TestDatabases.Scratch pg = TestDatabases.postgres();
                Studio one = Studio.open(ws, clock, Progress.silent(), pg.url());
                Studio two = Studio.open(ws, clock, Progress.silent(), pg.url())) {
            one.episodes().status();
            for (int n = 1; n <= 4; n++) {
                one.episodes().repository().saveEpisode("peach-boy", n, "Episode " + n, EpisodeStatus.APPROVED);
            }
            for (int day = 0; day < 3; day++) {
                CompletableFuture<Optional<ReleaseRepository.Drop>> a = CompletableFuture.supplyAsync(() -> one.releases().tick().drop());
                CompletableFuture<Optional<ReleaseRepository.Drop>> c = CompletableFuture.supplyAsync(() -> two.releases().tick().drop());
                assertThat(List.of(a.get(), c.get())).as("day %d", day).filteredOn(Optional::isPresent).hasSize(1);
                clock.advance(Duration.ofDays(1));
            }
            clock.advance(Duration.ofHours(3)); // both were down over the fourth drop
            assertThat(two.releases().tick().drop()).hasValueSatisfying(d -> assertThat(d.late()).isTrue());
            assertThat(one.releases().tick().drop()).isEmpty();
            List<ReleaseRepository.Drop> drops = new ReleaseRepository(one.database(), clock).drops("peach-boy");
            assertThat(drops).extracting(ReleaseRepository.Drop::episode).containsExactly(1, 2, 3, 4);
            assertThat(new ReleaseRepository(one.database(), clock).releasedAt("peach-boy")).hasSize(4);
        }
    }
}
