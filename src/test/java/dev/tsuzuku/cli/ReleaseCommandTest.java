package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tsuzuku release and tsuzuku schedule on a workspace whose drops start in 2099 (so the real clock never reaches them). */
class ReleaseCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void a_series_with_two_approved_episodes_one_produced_and_two_written() {
        Workspace ws = new Workspace(dir);
        Bible b = FakeStudio.bible();
        AtomicFiles.write(ws.bible(), BibleFile.render(new Bible(b.id(), b.title(), b.logline(), b.language(), b.genre(),
                b.style(), b.cast(), b.places(), b.episodeSeconds(), new DropSchedule(LocalTime.of(18, 0),
                ZoneId.of("America/New_York"), List.of(DayOfWeek.SUNDAY), List.of(), 3, LocalDate.of(2099, 1, 2)),
                b.monetization(), b.routing())));
        Json.writeFile(ws.seasonJson(), new Season("peach-boy", IntStream.rangeClosed(1, 5).mapToObj(FakeStudio::plan).toList()));
        try (Database db = Database.open(ws)) {
            EpisodeTracker t = new EpisodeTracker(db, ws, Clock.systemUTC());
            t.status();
            t.repository().saveEpisode("peach-boy", 1, "Episode 1", EpisodeStatus.APPROVED);
            t.repository().saveEpisode("peach-boy", 2, "Episode 2", EpisodeStatus.APPROVED);
            t.repository().saveEpisode("peach-boy", 3, "Episode 3", EpisodeStatus.PRODUCED);
            t.repository().saveEpisode("peach-boy", 4, "Episode 4", EpisodeStatus.WRITTEN);
            t.repository().saveEpisode("peach-boy", 5, "Episode 5", EpisodeStatus.WRITTEN);
        }
    }

    @Test
    void the_schedule_shows_which_episode_drops_when_which_are_ready_and_the_buffer() {
        StatusCommandTest.Result r = StatusCommandTest.tsuzuku("schedule", dir.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("peach-boy: daily at 18:00 America/New_York, not on sunday, from 2099-01-02; buffer 3")
                .contains("001  Episode 1                    Fri 2099-01-02 18:00 EST  ready")
                .contains("003  Episode 3                    Mon 2099-01-05 18:00 EST  needs approval") // Sunday the 4th is skipped
                .contains("004  Episode 4                    Tue 2099-01-06 18:00 EST  not produced (written)")
                .contains("buffer: 3 of 3 finished episodes ahead")
                .contains("warning: the drop on Mon 2099-01-05 18:00 EST will be missed unless episode 3 is ready by then");
    }

    @Test
    void release_follows_the_drops_rules_and_says_what_is_wrong_with_exit_2() {
        StatusCommandTest.Result early = StatusCommandTest.tsuzuku("release", dir.toString(), "--episode", "2");
        assertThat(early.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(early.out()).contains("episode 1 is not released yet").doesNotContain("Exception");

        StatusCommandTest.Result one = StatusCommandTest.tsuzuku("release", dir.toString(), "--episode", "1");
        assertThat(one.exitCode()).as(one.out()).isZero();
        assertThat(one.out()).contains("episode 1 released at");
        assertThat(StatusCommandTest.tsuzuku("release", dir.toString(), "--episode", "1").out()).contains("already released");

        StatusCommandTest.Result unapproved = StatusCommandTest.tsuzuku("release", dir.toString(), "--episode", "3");
        assertThat(unapproved.exitCode()).isEqualTo(Main.BAD_INPUT);

        StatusCommandTest.Result badTime = StatusCommandTest.tsuzuku("release", dir.toString(), "--episode", "2", "--at", "tomorrow");
        assertThat(badTime.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(badTime.out()).contains("--at").contains("2026-12-08T18:00");

        StatusCommandTest.Result later = StatusCommandTest.tsuzuku("release", dir.toString(), "--episode", "2", "--at", "2099-01-01T09:00");
        assertThat(later.exitCode()).as(later.out()).isZero();
        assertThat(later.out()).contains("episode 2 will be released at 2099-01-01T14:00:00Z");

        StatusCommandTest.Result schedule = StatusCommandTest.tsuzuku("schedule", dir.toString());
        assertThat(schedule.out()).contains("released:").contains("001  Episode 1").contains("(by hand)")
                .contains("ordered: episode 2 at Thu 2099-01-01 09:00 EST");
    }
}
