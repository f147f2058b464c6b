package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.release.SettableClock;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.ReleaseRepository.Drop;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily drop through the app, on the workspace's own database, with a clock the test moves. */
class ReleasesTest {
    static final ZoneId NY = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    SettableClock clock = new SettableClock(Instant.parse("2026-02-01T00:00:00Z"));
    Workspace ws;

    /** A series of {@code episodes} episodes dropping daily at 18:00 New York time from {@code start}. */
    void series(int episodes, LocalDate start, List<DayOfWeek> skip, int buffer) {
        ws = new Workspace(dir);
        Bible b = FakeStudio.bible();
        Bible bible = new Bible(b.id(), b.title(), b.logline(), b.language(), b.genre(), b.style(), b.cast(), b.places(),
                b.episodeSeconds(), new DropSchedule(LocalTime.of(18, 0), NY, skip, List.of(), buffer, start),
                b.monetization(), b.routing());
        AtomicFiles.write(ws.bible(), BibleFile.render(bible));
        Json.writeFile(ws.seasonJson(), new Season("peach-boy", IntStream.rangeClosed(1, episodes).mapToObj(FakeStudio::plan).toList()));
        try (Studio s = studio()) {
            s.episodes().status(); // records the season's episodes as planned
        }
    }

    Studio studio() {
        return Studio.open(ws, clock, Progress.silent());
    }

    void set(Studio s, EpisodeStatus status, int... episodes) {
        for (int n : episodes) {
            s.episodes().repository().saveEpisode("peach-boy", n, "Episode " + n, status);
        }
    }

    static Instant drop(int year, int month, int day) {
        return ZonedDateTime.of(year, month, day, 18, 0, 0, 0, NY).toInstant();
    }

    List<Integer> released(Studio s) {
        return s.episodes().repository().episodes("peach-boy").stream().filter(e -> e.status() == EpisodeStatus.RELEASED)
                .map(e -> e.number()).toList();
    }

    @Test
    void a_week_of_daily_drops_releases_one_episode_a_day_each_once() {
        series(10, LocalDate.of(2026, 2, 2), List.of(), 3);
        try (Studio s = studio()) {
            set(s, EpisodeStatus.APPROVED, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            clock.set(drop(2026, 2, 2).minusSeconds(1));
            assertThat(s.releases().tick().drop()).as("before the first drop time nothing drops").isEmpty();
            for (int day = 0; day < 7; day++) {
                Instant slot = drop(2026, 2, 2 + day);
                clock.set(slot.plusSeconds(5));
                Releases.Tick t = s.releases().tick();
                assertThat(t.drop()).hasValueSatisfying(d -> {
                    assertThat(d.slot()).isEqualTo(slot);
                    assertThat(d.outcome()).isEqualTo("released");
                    assertThat(d.late()).isFalse();
                });
                assertThat(t.drop().get().episode()).isEqualTo(day + 1);
                clock.advance(Duration.ofHours(1));
                assertThat(s.releases().tick().drop()).as("a second tick for the same drop does nothing").isEmpty();
            }
            assertThat(released(s)).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(s.releases().schedule().drops()).hasSize(7);
        }
        try (Studio s = studio()) {
            var at = new dev.tsuzuku.store.ReleaseRepository(s.database(), clock).releasedAt("peach-boy");
            assertThat(at.get(3)).isEqualTo(drop(2026, 2, 4).plusSeconds(5));
        }
    }

    @Test
    void a_drop_missed_while_the_server_was_down_happens_on_start_once_and_late() {
        series(5, LocalDate.of(2026, 2, 2), List.of(), 3);
        try (Studio s = studio()) {
            set(s, EpisodeStatus.APPROVED, 1, 2, 3, 4, 5);
            clock.set(drop(2026, 2, 2).plusSeconds(3));
            assertThat(s.releases().tick().drop().get().episode()).isEqualTo(1);
        } // the server stops before the next drop ...
        clock.set(drop(2026, 2, 4).plus(Duration.ofHours(2))); // ... and starts two drops later
        try (Studio s = studio()) {
            Releases.Tick t = s.releases().tick();
            // every missed drop time is handled, oldest first, each releasing the next episode, late
            assertThat(t.drops()).extracting(Drop::slot).containsExactly(drop(2026, 2, 3), drop(2026, 2, 4));
            assertThat(t.drops()).extracting(Drop::episode).containsExactly(2, 3);
            assertThat(t.drops()).allSatisfy(d -> assertThat(d.late()).isTrue());
        }
        try (Studio s = studio()) { // a second restart: nothing more
            assertThat(s.releases().tick().drops()).isEmpty();
            assertThat(released(s)).containsExactly(1, 2, 3);
            List<Drop> drops = s.releases().schedule().drops();
            assertThat(drops).extracting(Drop::late).containsExactly(false, true, true);
        }
    }

    @Test
    void after_a_week_down_each_missed_drop_releases_one_approved_episode_and_never_one_that_is_not() {
        series(8, LocalDate.of(2026, 2, 2), List.of(DayOfWeek.SUNDAY), 3);
        try (Studio s = studio()) {
            set(s, EpisodeStatus.APPROVED, 1, 2, 3);
            set(s, EpisodeStatus.PRODUCED, 4); // finished, not approved: it holds the line
            set(s, EpisodeStatus.APPROVED, 5, 6);
            clock.set(drop(2026, 2, 2).plusSeconds(3));
            assertThat(s.releases().tick().drop().get().episode()).isEqualTo(1);
        }
        clock.set(drop(2026, 2, 9).plus(Duration.ofMinutes(30))); // down from Monday night to the next Monday
        try (Studio s = studio()) {
            Releases.Tick t = s.releases().tick();
            // Tuesday to Monday, without Sunday the 8th (a skip day): six drop times
            assertThat(t.drops()).extracting(Drop::slot).containsExactly(drop(2026, 2, 3), drop(2026, 2, 4), drop(2026, 2, 5),
                    drop(2026, 2, 6), drop(2026, 2, 7), drop(2026, 2, 9));
            assertThat(t.drops()).extracting(Drop::outcome).containsExactly("released", "released", "missed", "missed", "missed", "missed");
            assertThat(t.drops()).extracting(Drop::episode).containsExactly(2, 3, 4, 4, 4, 4);
            assertThat(t.drops()).allSatisfy(d -> assertThat(d.late()).isTrue());
            assertThat(released(s)).containsExactly(1, 2, 3);
            assertThat(s.releases().tick().drops()).as("each drop time once").isEmpty();

            set(s, EpisodeStatus.APPROVED, 4);
            clock.set(drop(2026, 2, 10).plusSeconds(1));
            assertThat(s.releases().tick().drops()).extracting(Drop::episode).containsExactly(4);
        }
    }

    @Test
    void a_buffer_running_out_warns_with_the_date_names_what_to_produce_and_then_misses_the_drop() {
        series(6, LocalDate.of(2026, 2, 2), List.of(), 3);
        try (Studio s = studio()) {
            set(s, EpisodeStatus.APPROVED, 1, 2);
            set(s, EpisodeStatus.WRITTEN, 3, 4, 5, 6);
            clock.set(drop(2026, 2, 2).plusSeconds(1));
            Releases.Tick t = s.releases().tick();
            assertThat(t.drop().get().episode()).isEqualTo(1);
            assertThat(t.plan().bufferLow()).isTrue();
            assertThat(t.plan().finishedAhead()).isEqualTo(1);
            assertThat(t.plan().toProduce()).containsExactly(3, 4);
            assertThat(t.plan().warning()).hasValueSatisfying(w -> {
                assertThat(w.episode()).isEqualTo(3);
                assertThat(w.drop().toInstant()).isEqualTo(drop(2026, 2, 4));
                assertThat(w.message()).contains("Wed 2026-02-04 18:00 EST");
            });
            clock.set(drop(2026, 2, 3).plusSeconds(1));
            assertThat(s.releases().tick().drop().get().episode()).isEqualTo(2);
            clock.set(drop(2026, 2, 4).plusSeconds(1));
            Drop missed = s.releases().tick().drop().orElseThrow();
            assertThat(missed.outcome()).isEqualTo("missed");
            assertThat(missed.episode()).isEqualTo(3);
            assertThat(missed.note()).contains("episode 3 is only written, not produced");
            assertThat(released(s)).containsExactly(1, 2);
            // approved later, episode 3 goes out at the next drop: the calendar never skips an episode
            set(s, EpisodeStatus.APPROVED, 3);
            clock.set(drop(2026, 2, 5).plusSeconds(1));
            assertThat(s.releases().tick().drop().get().episode()).isEqualTo(3);
        }
    }

    @Test
    void nothing_drops_on_a_skip_day() {
        // 2026-02-07 is a Saturday, the 8th a Sunday
        series(5, LocalDate.of(2026, 2, 6), List.of(DayOfWeek.SUNDAY), 3);
        try (Studio s = studio()) {
            set(s, EpisodeStatus.APPROVED, 1, 2, 3, 4, 5);
            List<Integer> order = new ArrayList<>();
            for (int day = 6; day <= 9; day++) {
                clock.set(drop(2026, 2, day).plusSeconds(1));
                s.releases().tick().drop().ifPresent(d -> order.add(d.episode()));
            }
            assertThat(order).containsExactly(1, 2, 3); // Fri, Sat, (Sun: none), Mon
            assertThat(s.releases().schedule().drops()).extracting(d -> d.slot().atZone(NY).getDayOfWeek())
                    .containsExactly(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.MONDAY);
            assertThat(s.releases().schedule().plan().upcoming().get(0).drop().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 10));
        }
    }

    @Test
    void across_the_dst_changes_in_new_york_the_drops_stay_at_six_pm_local() {
        series(6, LocalDate.of(2026, 3, 7), List.of(), 3);
        try (Studio s = studio()) {
            set(s, EpisodeStatus.APPROVED, 1, 2, 3, 4, 5, 6);
            clock.set(Instant.parse("2026-03-07T23:00:01Z")); // 18:00 EST
            assertThat(s.releases().tick().drop().get().episode()).isEqualTo(1);
            clock.set(Instant.parse("2026-03-08T22:00:01Z")); // 18:00 EDT on the change day: an hour earlier in UTC
            assertThat(s.releases().tick().drop()).hasValueSatisfying(d -> {
                assertThat(d.episode()).isEqualTo(2);
                assertThat(d.late()).isFalse();
            });
            assertThat(s.releases().nextDrop().toInstant()).isEqualTo(Instant.parse("2026-03-09T22:00:00Z"));
        }
    }

    @Test
    void in_november_the_drop_after_the_fall_back_is_an_hour_later_in_utc() {
        series(3, LocalDate.of(2026, 10, 31), List.of(), 3);
        try (Studio s = studio()) {
            set(s, EpisodeStatus.APPROVED, 1, 2, 3);
            clock.set(Instant.parse("2026-10-31T22:00:01Z")); // 18:00 EDT
            assertThat(s.releases().tick().drop().get().episode()).isEqualTo(1);
            clock.set(Instant.parse("2026-11-01T22:00:01Z")); // 17:00 EST: not yet
            assertThat(s.releases().tick().drop()).isEmpty();
            clock.set(Instant.parse("2026-11-01T23:00:01Z")); // 18:00 EST
            assertThat(s.releases().tick().drop().get().episode()).isEqualTo(2);
        }
    }

    @Test
    void a_person_releases_an_approved_episode_now_or_orders_it_for_later_with_the_drops_rules() {
        series(4, LocalDate.of(2026, 3, 1), List.of(), 3);
        clock.set(Instant.parse("2026-02-10T12:00:00Z"));
        try (Studio s = studio()) {
            set(s, EpisodeStatus.APPROVED, 1, 2);
            set(s, EpisodeStatus.PRODUCED, 3);
            assertThatThrownBy(() -> s.releases().release(2, (Instant) null)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("episode 1 is not released yet");
            assertThat(s.releases().release(1, (Instant) null).what()).isEqualTo("released");
            assertThat(s.releases().release(1, (Instant) null).what()).isEqualTo("already released");
            assertThatThrownBy(() -> s.releases().release(3, (Instant) null)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("episode 3 is produced but not approved");
            Instant later = Instant.parse("2026-02-11T09:00:00Z");
            assertThat(s.releases().release(2, later).what()).isEqualTo("ordered");
            assertThat(s.releases().tick().ordered()).isEmpty();
            clock.set(later);
            assertThat(s.releases().tick().ordered()).containsExactly(2);
            assertThat(s.releases().schedule().orders()).isEmpty();
            assertThat(released(s)).containsExactly(1, 2);
        }
    }
}
