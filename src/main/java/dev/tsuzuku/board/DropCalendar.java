package dev.tsuzuku.board;

import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * When each episode drops: episode 1 on the first drop date, episode N on the N-th drop day (skip
 * days and skip dates have no drop, as in the release calendar), always
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

    /**
     * The first drop is the schedule's {@code start} date when the bible names one, else its next
     * HH:MM strictly after {@code origin} (e.g. the workspace's creation), as the release calendar counts.
     */
    public static DropCalendar startingAfter(DropSchedule schedule, Instant origin) {
        if (schedule.start() != null) {
            return new DropCalendar(schedule, schedule.start());
        }
        ZonedDateTime local = origin.atZone(schedule.zone());
        ZonedDateTime sameDay = ZonedDateTime.of(local.toLocalDate(), schedule.time(), schedule.zone());
        LocalDate first = sameDay.toInstant().isAfter(origin) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return new DropCalendar(schedule, first);
    }

    /** The first drop is the next HH:MM after the clock's now. */
    public static DropCalendar startingNow(DropSchedule schedule, Clock clock) {
        return startingAfter(schedule, clock.instant());
    }

    /** The first drop follows the workspace's creation (see {@link #createdAt}). */
    public static DropCalendar forWorkspace(DropSchedule schedule, Workspace workspace, Clock clock) {
        return startingAfter(schedule, createdAt(workspace, clock));
    }

    /**
     * When the workspace was made: the oldest time stamp of {@code series.yaml} and the source
     * files (the source is rarely touched after {@code tsuzuku new}, so the date stays put when the
     * bible is edited). Falls back to the clock's now when there is nothing to look at, and never
     * lies in the future of the clock.
     */
    public static Instant createdAt(Workspace workspace, Clock clock) {
        Instant now = clock.instant();
        List<Path> files = new ArrayList<>();
        files.add(workspace.bible());
        if (Files.isDirectory(workspace.sourceDir())) {
            try (Stream<Path> source = Files.list(workspace.sourceDir())) {
                source.filter(Files::isRegularFile).forEach(files::add);
            } catch (IOException e) {
                // an unreadable source folder only costs us a hint; the bible or the clock still decide
            }
        }
        Instant oldest = now;
        for (Path f : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                // file systems without a birth time report the modification time as creation time
                Instant t = a.creationTime().toInstant();
                Instant m = a.lastModifiedTime().toInstant();
                Instant earliest = t.isBefore(m) ? t : m;
                if (earliest.isBefore(oldest)) {
                    oldest = earliest;
                }
            } catch (IOException e) {
                // missing file: nothing to learn from it
            }
        }
        return oldest;
    }

    public LocalDate firstDropDate() {
        return firstDropDate;
    }

    /**
     * When the episode after {@code episode} drops, for its end card; null when {@code episode}
     * is the last one the season plans. 'tsuzuku board' and 'tsuzuku produce' both ask this, so
     * they never re-board each other's work.
     */
    public ZonedDateTime nextDrop(Season season, int episode) {
        int last = season.episodes().stream().mapToInt(EpisodePlan::number).max().orElse(0);
        return episode < last ? drop(episode + 1) : null;
    }

    public ZonedDateTime drop(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("episode numbers start at 1, was " + number);
        }
        // one episode per drop day, skip days left out, as the release calendar drops them (release/ReleaseCalendar)
        LocalDate day = firstDropDate;
        for (int seen = 0, guard = 0; guard < number * 8 + 400; day = day.plusDays(1), guard++) {
            if (!schedule.skips(day) && ++seen == number) {
                return ZonedDateTime.of(day, schedule.time(), schedule.zone());
            }
        }
        throw new IllegalStateException("the schedule skips every day from " + firstDropDate);
    }
}
