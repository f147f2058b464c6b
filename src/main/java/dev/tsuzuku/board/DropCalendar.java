package dev.tsuzuku.board;

import dev.tsuzuku.model.DropSchedule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * When each episode drops: episode 1 on the first drop date, episode N on N−1 days later, always
 * at the schedule's wall-clock time in its zone (so across a DST change the drops stay at 18:00
 * local and the gap between them is 23 or 25 hours). A time that does not exist on a spring-forward
 * day moves forward by the length of the gap, as {@link ZonedDateTime#of} does.
 */
public final class DropCalendar {
    private final DropSchedule schedule;
    private final LocalDate firstDropDate;

    public DropCalendar(DropSchedule schedule, LocalDate firstDropDate) {
        this.schedule = schedule;
        this.firstDropDate = firstDropDate;
    }

    /** The first drop is the schedule's next HH:MM strictly after {@code origin} (e.g. the workspace's creation). */
    public static DropCalendar startingAfter(DropSchedule schedule, Instant origin) {
        ZonedDateTime local = origin.atZone(schedule.zone());
        ZonedDateTime sameDay = ZonedDateTime.of(local.toLocalDate(), schedule.time(), schedule.zone());
        LocalDate first = sameDay.toInstant().isAfter(origin) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return new DropCalendar(schedule, first);
    }

    /** The first drop is the next HH:MM after the clock's now. */
    public static DropCalendar startingNow(DropSchedule schedule, Clock clock) {
        return startingAfter(schedule, clock.instant());
    }

    public LocalDate firstDropDate() {
        return firstDropDate;
    }

    /** When episode {@code number} (1-based) drops. */
    public ZonedDateTime drop(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("episode numbers start at 1, was " + number);
        }
        return ZonedDateTime.of(firstDropDate.plusDays(number - 1L), schedule.time(), schedule.zone());
    }
}
