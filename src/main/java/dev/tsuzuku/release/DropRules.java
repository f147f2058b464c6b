package dev.tsuzuku.release;

import dev.tsuzuku.store.EpisodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of the daily drop, the same for the job engine, the CLI and the studio. Pure: the
 * episodes, the calendar and "now" come in, a decision or a plan goes out.
 *
 * <ul>
 *   <li>Episodes drop in order: a drop releases the lowest-numbered episode not yet released, and
 *       only when a person approved it (produced, then approved). Otherwise the drop is missed;
 *       the series never jumps ahead to a later approved episode.</li>
 *   <li>A drop that runs more than {@link #LATE_AFTER} after its time (the server was down) is late.</li>
 *   <li>The buffer: the finished (produced or approved) episodes next in line, without a gap,
 *       should be at least the bible's {@code buffer}; the unfinished ones that fill it up are
 *       the ones to produce.</li>
 * </ul>
 */
public final class DropRules {
    /** A drop that runs this long after its time is late (the engine polls every few seconds). */
    public static final Duration LATE_AFTER = Duration.ofMinutes(5);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    private DropRules() {}

    /** One episode as the drop sees it; {@code releasedAt} null until released. */
    public record EpisodeState(int number, String title, EpisodeStatus status, Instant releasedAt) {
        public boolean released() {
            return status == EpisodeStatus.RELEASED;
        }

        /** Produced or approved: made, whether or not a person has looked at it yet. */
        public boolean finished() {
            return status == EpisodeStatus.PRODUCED || status == EpisodeStatus.APPROVED;
        }

        public boolean ready() {
            return status == EpisodeStatus.APPROVED;
        }
    }

    /** What happens at a drop. */
    public sealed interface Decision {
        /** Release this episode; {@code late} when the drop runs well after its time. */
        record Release(int episode, boolean late) implements Decision {}

        /** Nothing is released: the next episode is not ready (why says what it lacks). */
        record Miss(int episode, String why) implements Decision {}

        /** Every episode of the season is out. */
        record SeasonOver() implements Decision {}
    }

    /** The decision for the drop due at {@code slot}, taken at {@code now}. */
    public static Decision atDrop(List<EpisodeState> episodes, Instant slot, Instant now) {
        Optional<EpisodeState> next = nextInLine(episodes);
        if (next.isEmpty()) {
            return new Decision.SeasonOver();
        }
        EpisodeState e = next.get();
        if (e.ready()) {
            return new Decision.Release(e.number(), isLate(slot, now));
        }
        return new Decision.Miss(e.number(), lacks(e));
    }

    public static boolean isLate(Instant slot, Instant now) {
        return Duration.between(slot, now).compareTo(LATE_AFTER) > 0;
    }

    /** The episode the next drop releases: the lowest-numbered one not released. */
    public static Optional<EpisodeState> nextInLine(List<EpisodeState> episodes) {
        return episodes.stream().filter(e -> !e.released()).min(Comparator.comparingInt(EpisodeState::number));
    }

    /**
     * Whether a person may release {@code number} now (the CLI's {@code release}, the studio's
     * "release now"): it is approved and every episode before it is out. Empty when it may; else why not and what to do.
     */
    public static Optional<String> refuseRelease(List<EpisodeState> episodes, int number) {
        Optional<EpisodeState> e = episodes.stream().filter(x -> x.number() == number).findFirst();
        if (e.isEmpty()) {
            return Optional.of("the season has no episode " + number);
        }
        if (e.get().released()) {
            return Optional.empty(); // releasing again changes nothing
        }
        if (!e.get().ready()) {
            return Optional.of("episode " + number + " " + lacks(e.get()));
        }
        Optional<EpisodeState> before = episodes.stream().filter(x -> x.number() < number && !x.released())
                .min(Comparator.comparingInt(EpisodeState::number));
        return before.map(b -> "episode " + b.number() + " is not released yet; episodes come out in order");
    }

    /** What an unready episode still needs, as the end of a sentence. */
    static String lacks(EpisodeState e) {
        return switch (e.status()) {
            case PRODUCED -> "is produced but not approved";
            case APPROVED, RELEASED -> "is ready";
            default -> "is only " + e.status().wireName() + ", not produced";
        };
    }

    /** One episode still to drop, with the drop that will release it if it is ready in time. */
    public record Upcoming(int episode, String title, EpisodeStatus status, ZonedDateTime drop) {
        public boolean ready() {
            return status == EpisodeStatus.APPROVED;
        }
    }

    /** A drop that would be missed as things stand, said with its date. */
    public record Warning(int episode, ZonedDateTime drop, String message) {}

    /**
     * The calendar as of {@code now}: the released episodes, the coming drops and which episode
     * each releases, the buffer (finished episodes next in line against {@code buffer}), the
     * episodes to produce to fill it, and a warning for the first drop that would be missed
     * within the buffer's horizon (at least the next drop).
     */
    public record Plan(List<EpisodeState> released, List<Upcoming> upcoming, int buffer, int finishedAhead,
                       List<Integer> toProduce, Optional<Warning> warning) {
        public boolean bufferLow() {
            return finishedAhead < buffer && !upcoming.isEmpty();
        }
    }

    public static Plan plan(List<EpisodeState> episodes, ReleaseCalendar calendar, Instant now, int buffer) {
        List<EpisodeState> sorted = episodes.stream().sorted(Comparator.comparingInt(EpisodeState::number)).toList();
        List<EpisodeState> released = sorted.stream().filter(EpisodeState::released).toList();
        List<EpisodeState> ahead = sorted.stream().filter(e -> !e.released()).toList();
        List<ZonedDateTime> drops = calendar.next(now, ahead.size());
        List<Upcoming> upcoming = new ArrayList<>();
        for (int i = 0; i < ahead.size(); i++) {
            EpisodeState e = ahead.get(i);
            upcoming.add(new Upcoming(e.number(), e.title(), e.status(), drops.get(i)));
        }
        int finished = 0;
        while (finished < ahead.size() && ahead.get(finished).finished()) {
            finished++;
        }
        List<Integer> toProduce = new ArrayList<>();
        for (int i = finished; i < ahead.size() && finished + toProduce.size() < buffer; i++) {
            if (!ahead.get(i).finished()) {
                toProduce.add(ahead.get(i).number());
            }
        }
        Optional<Warning> warning = Optional.empty();
        int horizon = Math.max(1, buffer);
        for (int i = 0; i < upcoming.size() && i < horizon; i++) {
            Upcoming u = upcoming.get(i);
            if (!u.ready()) {
                EpisodeState e = ahead.get(i);
                warning = Optional.of(new Warning(u.episode(), u.drop(), "the drop on " + WHEN.format(u.drop())
                        + " will be missed unless episode " + u.episode() + " is ready by then: it " + lacks(e)
                        + (e.finished() ? " (approve it)" : " (produce it, then approve it)")));
                break;
            }
        }
        return new Plan(released, List.copyOf(upcoming), buffer, finished, List.copyOf(toProduce), warning);
    }

    /** A drop time as people read it: "Tue 2026-12-08 18:00 EST". */
    public static String format(ZonedDateTime t) {
        return WHEN.format(t);
    }
}
