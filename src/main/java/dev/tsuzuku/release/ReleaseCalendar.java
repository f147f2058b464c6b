package dev.tsuzuku.release;

import dev.tsuzuku.model.DropSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The drop slots of a series: every day from the first drop date at the schedule's wall-clock
 * time in its zone, except the skip days and dates. Pure: the caller says what "now" is.
 *
 * <p>Daylight saving: a slot stays at the same local time, so across a change the gap between two
 * drops is 23 or 25 hours. A time that does not exist on a spring-forward day (02:30 in
 * America/New_York on the second Sunday of March) moves forward by the length of the gap (03:30);
 * a time that exists twice on a fall-back day (01:30 on the first Sunday of November) is the first
 * of the two (the earlier offset, still daylight time). Both are what {@link ZonedDateTime#of} does.
 */
public final class ReleaseCalendar {
    private final DropSchedule schedule;
    private final LocalDate first;

    public ReleaseCalendar(DropSchedule schedule, LocalDate firstDropDate) {
        this.schedule = schedule;
        this.first = firstDropDate;
    }

    /**
     * The calendar of a schedule: from its {@code start} date when the bible names one, otherwise
     * from the first drop time strictly after {@code origin} (when the series was made).
     */
    public static ReleaseCalendar of(DropSchedule schedule, Instant origin) {
        if (schedule.start() != null) {
            return new ReleaseCalendar(schedule, schedule.start());
        }
        LocalDate day = origin.atZone(schedule.zone()).toLocalDate();
        LocalDate first = ZonedDateTime.of(day, schedule.time(), schedule.zone()).toInstant().isAfter(origin) ? day : day.plusDays(1);
        return new ReleaseCalendar(schedule, first);
    }

    public DropSchedule schedule() {
        return schedule;
    }

    /** The first day a drop may happen (itself skipped when it is a skip day). */
    public LocalDate firstDropDate() {
        return first;
    }

    /** Whether a drop happens on this local date. */
    public boolean dropsOn(LocalDate date) {
        return !date.isBefore(first) && !schedule.skips(date);
    }

    /** The drop time on a date (whether or not the date is a drop day); see the class note for DST. */
    public ZonedDateTime at(LocalDate date) {
        return ZonedDateTime.of(date, schedule.time(), schedule.zone());
    }

    /** The latest drop at or before {@code t}, or empty before the first one. */
    public Optional<ZonedDateTime> latestAtOrBefore(Instant t) {
        LocalDate day = t.atZone(schedule.zone()).toLocalDate().plusDays(1); // a slot's local date may lie ahead of t's
        for (; !day.isBefore(first); day = day.minusDays(1)) {
            if (dropsOn(day) && !at(day).toInstant().isAfter(t)) {
                return Optional.of(at(day));
            }
        }
        return Optional.empty();
    }

    /** The first drop strictly after {@code t}. */
    public ZonedDateTime nextAfter(Instant t) {
        LocalDate day = t.atZone(schedule.zone()).toLocalDate().minusDays(1);
        if (day.isBefore(first)) {
            day = first;
        }
        for (;; day = day.plusDays(1)) {
            if (dropsOn(day) && at(day).toInstant().isAfter(t)) {
                return at(day);
            }
        }
    }

    /** The next {@code count} drops strictly after {@code t}, in order. */
    public List<ZonedDateTime> next(Instant t, int count) {
        List<ZonedDateTime> out = new ArrayList<>(count);
        Instant from = t;
        for (int i = 0; i < count; i++) {
            ZonedDateTime d = nextAfter(from);
            out.add(d);
            from = d.toInstant();
        }
        return out;
    }

    /** The drops after {@code fromExclusive} up to and including {@code toInclusive}. */
    public List<ZonedDateTime> between(Instant fromExclusive, Instant toInclusive) {
        List<ZonedDateTime> out = new ArrayList<>();
        Instant from = fromExclusive;
        while (true) {
            ZonedDateTime d = nextAfter(from);
            if (d.toInstant().isAfter(toInclusive)) {
                return out;
            }
            out.add(d);
            from = d.toInstant();
        }
    }
}
