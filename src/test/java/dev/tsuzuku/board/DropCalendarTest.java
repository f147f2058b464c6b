package dev.tsuzuku.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.DropSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropCalendarTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void the_first_drop_is_the_same_day_when_the_workspace_was_made_before_the_drop_time() {
        DropCalendar cal = DropCalendar.startingAfter(new DropSchedule(LocalTime.of(18, 0), TOKYO),
                at("2026-11-25T09:30", TOKYO));
        assertThat(cal.firstDropDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(cal.drop(1)).isEqualTo(ZonedDateTime.of(2026, 11, 25, 18, 0, 0, 0, TOKYO));
    }

    @Test
    void the_end_card_announces_the_next_episodes_drop_and_the_last_episode_announces_none() {
        DropCalendar cal = DropCalendar.startingAfter(new DropSchedule(LocalTime.of(18, 0), TOKYO),
                at("2026-11-25T09:30", TOKYO));
        java.util.List<dev.tsuzuku.model.EpisodePlan> episodes = new java.util.ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            episodes.add(new dev.tsuzuku.model.EpisodePlan(n, "E" + n, "", 150, new dev.tsuzuku.model.SourceSpan(0, 1),
                    java.util.List.of(), "", new dev.tsuzuku.model.Hook("h", dev.tsuzuku.model.HookKind.TURN), null,
                    new dev.tsuzuku.model.CutScore(0, 0, 0, java.util.List.of())));
        }
        dev.tsuzuku.model.Season season = new dev.tsuzuku.model.Season("s", episodes);

        assertThat(cal.nextDrop(season, 1)).isEqualTo(ZonedDateTime.of(2026, 11, 26, 18, 0, 0, 0, TOKYO));
        assertThat(cal.nextDrop(season, 3)).isNull();
    }

    @Test
    void the_first_drop_is_the_next_day_when_the_workspace_was_made_at_or_after_the_drop_time() {
        DropSchedule six = new DropSchedule(LocalTime.of(18, 0), TOKYO);
        assertThat(DropCalendar.startingAfter(six, at("2026-11-25T18:00", TOKYO)).firstDropDate())
                .isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(DropCalendar.startingAfter(six, at("2026-11-25T23:59", TOKYO)).firstDropDate())
                .isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void the_day_is_the_day_in_the_schedules_zone_not_in_utc() {
        // 20:00 UTC on the 24th is already 05:00 on the 25th in Tokyo
        DropCalendar cal = DropCalendar.startingAfter(new DropSchedule(LocalTime.of(18, 0), TOKYO),
                Instant.parse("2026-11-24T20:00:00Z"));
        assertThat(cal.firstDropDate()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void skip_days_and_dates_have_no_drop_and_a_start_date_is_the_first_drop_as_in_the_release_calendar() {
        // from Friday 2026-11-27, not on Sundays nor on 2026-12-01
        DropSchedule s = new DropSchedule(LocalTime.of(18, 0), TOKYO, List.of(java.time.DayOfWeek.SUNDAY),
                List.of(LocalDate.of(2026, 12, 1)), 3, LocalDate.of(2026, 11, 27));
        DropCalendar cal = DropCalendar.startingAfter(s, Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(cal.firstDropDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(n -> cal.drop(n).toLocalDate()).toList()).containsExactly(
                LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 2),
                LocalDate.of(2026, 12, 3));
    }

    @Test
    void episode_n_drops_n_minus_one_days_after_the_first() {
        DropCalendar cal = new DropCalendar(new DropSchedule(LocalTime.of(18, 0), TOKYO), LocalDate.of(2026, 11, 25));
        assertThat(cal.drop(3)).isEqualTo(ZonedDateTime.of(2026, 11, 27, 18, 0, 0, 0, TOKYO));
        assertThat(cal.drop(100).toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThatThrownBy(() -> cal.drop(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void across_the_autumn_dst_change_drops_stay_at_local_drop_time_and_are_25_hours_apart() {
        // Berlin leaves summer time on Sunday 2026-10-25
        DropCalendar cal = new DropCalendar(new DropSchedule(LocalTime.of(18, 0), BERLIN), LocalDate.of(2026, 10, 24));
        assertThat(cal.drop(1).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        assertThat(cal.drop(2).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        assertThat(cal.drop(1).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(cal.drop(2).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(Duration.between(cal.drop(1), cal.drop(2))).isEqualTo(Duration.ofHours(25));
        assertThat(Storyboarder.endCardText(cal.drop(1))).endsWith("Next episode: Sat 18:00 CEST");
        assertThat(Storyboarder.endCardText(cal.drop(2))).endsWith("Next episode: Sun 18:00 CET");
    }

    @Test
    void across_the_spring_dst_change_drops_are_23_hours_apart() {
        // New York springs forward on Sunday 2026-03-08
        DropCalendar cal = new DropCalendar(new DropSchedule(LocalTime.of(9, 0), NEW_YORK), LocalDate.of(2026, 3, 7));
        assertThat(Duration.between(cal.drop(1), cal.drop(2))).isEqualTo(Duration.ofHours(23));
        assertThat(cal.drop(2).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void a_drop_time_inside_the_spring_gap_moves_forward_by_the_gap() {
        DropCalendar cal = new DropCalendar(new DropSchedule(LocalTime.of(2, 30), NEW_YORK), LocalDate.of(2026, 3, 7));
        assertThat(cal.drop(1).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(cal.drop(2).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(cal.drop(3).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void starting_now_takes_today_from_the_injected_clock() {
        Clock clock = Clock.fixed(at("2026-11-25T19:00", TOKYO), TOKYO);
        DropCalendar cal = DropCalendar.startingNow(new DropSchedule(LocalTime.of(18, 0), TOKYO), clock);
        assertThat(cal.drop(1)).isEqualTo(ZonedDateTime.of(2026, 11, 26, 18, 0, 0, 0, TOKYO));
        assertThat(Storyboarder.endCardText(cal.drop(1))).isEqualTo("つづく — To be continued\nNext episode: Thu 18:00 JST");
    }

    @Test
    void a_workspace_starts_dropping_at_the_next_drop_time_after_it_was_made(@TempDir Path dir) throws Exception {
        Workspace ws = new Workspace(dir);
        Files.createDirectories(ws.sourceDir());
        Path book = Files.writeString(ws.sourceDir().resolve("book.txt"), "Once upon a time");
        Files.writeString(ws.bible(), "title: x\n");
        Files.setLastModifiedTime(book, FileTime.from(at("2026-11-20T10:00", TOKYO)));
        Clock later = Clock.fixed(at("2026-11-25T20:00", TOKYO), TOKYO);

        assertThat(DropCalendar.createdAt(ws, later)).isEqualTo(at("2026-11-20T10:00", TOKYO));
        DropCalendar cal = DropCalendar.forWorkspace(new DropSchedule(LocalTime.of(18, 0), TOKYO), ws, later);
        assertThat(cal.firstDropDate()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void an_empty_folder_takes_now_from_the_clock(@TempDir Path dir) {
        Clock clock = Clock.fixed(at("2026-11-25T20:00", TOKYO), TOKYO);
        assertThat(DropCalendar.createdAt(new Workspace(dir), clock)).isEqualTo(clock.instant());
    }
}
