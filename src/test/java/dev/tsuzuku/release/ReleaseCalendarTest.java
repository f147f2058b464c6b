package dev.tsuzuku.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.DropSchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseCalendarTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static DropSchedule daily(int h, int m, ZoneId zone, LocalDate start, List<DayOfWeek> skipDays, List<LocalDate> skipDates) {
        return new DropSchedule(LocalTime.of(h, m), zone, skipDays, skipDates, null, start);
    }

    @Test
    void drops_are_daily_at_the_local_time_from_the_start_date() {
        ReleaseCalendar cal = new ReleaseCalendar(daily(18, 0, TOKYO, null, List.of(), List.of()), LocalDate.of(2026, 12, 1));
        assertThat(cal.next(at("2026-11-30T12:00", TOKYO), 3)).containsExactly(
                ZonedDateTime.of(2026, 12, 1, 18, 0, 0, 0, TOKYO),
                ZonedDateTime.of(2026, 12, 2, 18, 0, 0, 0, TOKYO),
                ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, TOKYO));
        assertThat(cal.latestAtOrBefore(at("2026-12-01T17:59", TOKYO))).isEmpty();
        assertThat(cal.latestAtOrBefore(at("2026-12-01T18:00", TOKYO))).contains(ZonedDateTime.of(2026, 12, 1, 18, 0, 0, 0, TOKYO));
        assertThat(cal.latestAtOrBefore(at("2026-12-03T09:00", TOKYO))).contains(ZonedDateTime.of(2026, 12, 2, 18, 0, 0, 0, TOKYO));
        assertThat(cal.nextAfter(at("2026-12-02T18:00", TOKYO))).isEqualTo(ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, TOKYO));
    }

    @Test
    void a_late_evening_slot_in_a_zone_ahead_of_utc_is_found_from_the_utc_day_before() {
        // 00:30 in Tokyo is 15:30 UTC of the day before: the slot's local date is ahead of the UTC date
        ReleaseCalendar cal = new ReleaseCalendar(daily(0, 30, TOKYO, null, List.of(), List.of()), LocalDate.of(2026, 12, 1));
        Instant justAfter = Instant.parse("2026-12-01T15:31:00Z"); // 2026-12-02 00:31 Tokyo
        assertThat(cal.latestAtOrBefore(justAfter)).contains(ZonedDateTime.of(2026, 12, 2, 0, 30, 0, 0, TOKYO));
    }

    @Test
    void skip_weekdays_and_skip_dates_have_no_drop() {
        ReleaseCalendar cal = new ReleaseCalendar(daily(18, 0, TOKYO, null, List.of(DayOfWeek.SUNDAY),
                List.of(LocalDate.of(2026, 12, 25))), LocalDate.of(2026, 12, 24)); // a Thursday
        List<LocalDate> days = cal.next(at("2026-12-24T00:00", TOKYO), 4).stream().map(ZonedDateTime::toLocalDate).toList();
        assertThat(days).containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 28),
                LocalDate.of(2026, 12, 29));
        // on the skipped Sunday evening the latest drop is still Saturday's
        assertThat(cal.latestAtOrBefore(at("2026-12-27T20:00", TOKYO))).contains(ZonedDateTime.of(2026, 12, 26, 18, 0, 0, 0, TOKYO));
    }

    @Test
    void across_the_march_change_drops_stay_at_six_pm_local_and_are_23_hours_apart() {
        ReleaseCalendar cal = new ReleaseCalendar(daily(18, 0, NEW_YORK, null, List.of(), List.of()), LocalDate.of(2026, 3, 6));
        List<ZonedDateTime> d = cal.next(at("2026-03-07T12:00", NEW_YORK), 2); // 7th (EST) and 8th (EDT, the change day)
        assertThat(d.get(0).toOffsetDateTime().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(d.get(1).toOffsetDateTime().getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
        assertThat(d).allSatisfy(z -> assertThat(z.toLocalTime()).isEqualTo(LocalTime.of(18, 0)));
        assertThat(Duration.between(d.get(0), d.get(1))).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void a_drop_time_that_does_not_exist_on_the_spring_forward_day_moves_forward_by_the_gap() {
        ReleaseCalendar cal = new ReleaseCalendar(daily(2, 30, NEW_YORK, null, List.of(), List.of()), LocalDate.of(2026, 3, 1));
        ZonedDateTime changeDay = cal.nextAfter(at("2026-03-07T12:00", NEW_YORK));
        assertThat(changeDay.toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(changeDay.toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(changeDay.toInstant()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        // and the next day it is 02:30 again
        assertThat(cal.nextAfter(changeDay.toInstant()).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void a_drop_time_that_exists_twice_on_the_fall_back_day_drops_once_at_the_first() {
        ReleaseCalendar cal = new ReleaseCalendar(daily(1, 30, NEW_YORK, null, List.of(), List.of()), LocalDate.of(2026, 10, 30));
        List<ZonedDateTime> d = cal.between(at("2026-10-31T12:00", NEW_YORK), at("2026-11-02T12:00", NEW_YORK));
        assertThat(d).hasSize(2);
        assertThat(d.get(0).toInstant()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT, the first of two
        assertThat(Duration.between(d.get(0), d.get(1))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void without_a_start_date_the_first_drop_is_the_next_drop_time_after_the_series_was_made() {
        DropSchedule s = daily(18, 0, TOKYO, null, List.of(), List.of());
        assertThat(ReleaseCalendar.of(s, at("2026-11-25T09:30", TOKYO)).firstDropDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(ReleaseCalendar.of(s, at("2026-11-25T18:00", TOKYO)).firstDropDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        DropSchedule started = daily(18, 0, TOKYO, LocalDate.of(2027, 1, 4), List.of(), List.of());
        assertThat(ReleaseCalendar.of(started, at("2026-11-25T09:30", TOKYO)).firstDropDate()).isEqualTo(LocalDate.of(2027, 1, 4));
    }
}
