package dev.tsuzuku.app;

import dev.tsuzuku.board.DropCalendar;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.release.DropRules;
import dev.tsuzuku.release.DropRules.Decision;
import dev.tsuzuku.release.DropRules.EpisodeState;
import dev.tsuzuku.release.ReleaseCalendar;
import dev.tsuzuku.store.ReleaseRepository;
import dev.tsuzuku.store.ReleaseRepository.Drop;
import dev.tsuzuku.store.ReleaseRepository.Order;
import dev.tsuzuku.store.ReleaseRepository.Outcome;
import dev.tsuzuku.store.SeriesRepository;
import dev.tsuzuku.store.SeriesRepository.StoredEpisode;
import dev.tsuzuku.store.SeriesRepository.StoredSeries;
import dev.tsuzuku.workspace.BibleFile;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily drop of one workspace, as the CLI ({@code release}, {@code schedule}), the job engine
 * and the studio use it: one set of rules ({@link DropRules}) over the state database
 * ({@link ReleaseRepository}). Every method reads the bible afresh, so an edited schedule counts
 * from the next call on.
 */
public final class Releases {
    private static final Logger LOG = LoggerFactory.getLogger(Releases.class);

    private final Studio studio;
    private final ReleaseRepository book;

    Releases(Studio studio) {
        this.studio = studio;
        this.book = new ReleaseRepository(studio.database(), studio.clock());
    }

    /** The series id of the workspace; bad input before the first plan. */
    public String seriesId() {
        Optional<StoredSeries> s = studio.episodes().status().series();
        if (s.isEmpty()) {
            throw new BadInputException(studio.workspace().relative(studio.workspace().seasonJson()),
                    "the series has no season yet, so nothing can drop", "plan it first: tsuzuku plan " + studio.workspace().root());
        }
        return s.get().id();
    }

    /** The drop calendar of the bible's schedule (from its start, else from when the workspace was made). */
    public ReleaseCalendar calendar() {
        Bible bible = BibleFile.load(studio.workspace().bible());
        return ReleaseCalendar.of(bible.schedule(), DropCalendar.createdAt(studio.workspace(), studio.clock()));
    }

    /** The next drop after now, for the player's countdown. */
    public ZonedDateTime nextDrop() {
        return calendar().nextAfter(studio.clock().instant());
    }

    private List<EpisodeState> states(String id) {
        Map<Integer, Instant> released = book.releasedAt(id);
        return states(studio.episodes().repository().episodes(id), released);
    }

    private static List<EpisodeState> states(List<StoredEpisode> episodes, Map<Integer, Instant> released) {
        return episodes.stream().map(e -> new EpisodeState(e.number(), e.title(), e.status(), released.get(e.number())))
                .toList();
    }

    // ---- the calendar ---------------------------------------------------------------------------

    /**
     * What {@code tsuzuku schedule} and the studio show: the plan (released, upcoming with their
     * drops, buffer, what to produce, the first drop that would be missed), the handled drops,
     * open orders, and a due drop that has not happened yet (no server was running at its time).
     */
    public record Schedule(String series, ReleaseCalendar calendar, DropRules.Plan plan, List<Drop> drops, List<Order> orders,
                           Optional<ZonedDateTime> overdue, ZonedDateTime nextDrop) {}

    public Schedule schedule() {
        String id = seriesId();
        ReleaseCalendar cal = calendar();
        Instant now = studio.clock().instant();
        List<EpisodeState> states = states(id);
        DropRules.Plan plan = DropRules.plan(states, cal, now, cal.schedule().bufferOrDefault());
        List<Drop> drops = book.drops(id);
        Optional<ZonedDateTime> overdue = cal.latestAtOrBefore(now)
                .filter(slot -> drops.stream().noneMatch(d -> d.slot().equals(slot.toInstant())))
                .filter(slot -> DropRules.nextInLine(states).isPresent());
        return new Schedule(id, cal, plan, drops, book.orders(id), overdue, cal.nextAfter(now));
    }

    // ---- the drop ------------------------------------------------------------------------------

    /**
     * What one tick did: orders carried out, the drops handled now (oldest first: after an outage,
     * every drop time it missed), and the buffer as it now stands.
     */
    public record Tick(List<Integer> ordered, List<Drop> drops, DropRules.Plan plan) {
        /** The latest drop handled by this tick. */
        public Optional<Drop> drop() {
            return drops.isEmpty() ? Optional.empty() : Optional.of(drops.get(drops.size() - 1));
        }
    }

    /** At most this many drop times are caught up in one tick (the job ticks again within a minute). */
    static final int MAX_CATCH_UP = 100;

    /**
     * Everything due at the clock's now, each at most once: releases ordered for now or earlier,
     * then every drop time since the last handled one, oldest first (decision 0031): each releases
     * the next episode in line if it is approved, else is recorded as missed; one handled more than
     * five minutes after its time is late and logged so. The job engine calls this at every drop
     * time and when the server starts; calling it twice changes nothing the second time.
     */
    public Tick tick() {
        String id = seriesId();
        Instant now = studio.clock().instant();
        List<Integer> ordered = new ArrayList<>();
        for (Order o : book.orders(id)) {
            if (!o.dueAt().isAfter(now)) {
                try {
                    if (releaseNow(id, o.episode())) {
                        ordered.add(o.episode());
                        LOG.info("released episode {} of {} as ordered for {}", o.episode(), id, o.dueAt());
                    }
                } catch (BadInputException e) {
                    LOG.warn("the release of episode {} ordered for {} did not happen: {}", o.episode(), o.dueAt(), e.getMessage());
                    book.cancelOrder(id, o.episode());
                }
            }
        }
        ReleaseCalendar cal = calendar();
        List<Drop> handled = new ArrayList<>();
        for (ZonedDateTime slot : unhandled(cal, book.drops(id), now, MAX_CATCH_UP)) {
            Instant at = slot.toInstant();
            Optional<Drop> drop = book.handleDrop(id, at, episodes -> outcome(DropRules.atDrop(states(episodes, Map.of()), at, now), at, now),
                    studio.episodes().repository());
            drop.ifPresent(d -> {
                log(id, slot, d);
                handled.add(d);
            });
        }
        DropRules.Plan plan = DropRules.plan(states(id), cal, now, cal.schedule().bufferOrDefault());
        return new Tick(List.copyOf(ordered), List.copyOf(handled), plan);
    }

    /**
     * The drop times at or before {@code now} after the latest handled one (from the calendar's
     * first when none was handled), oldest first, at most {@code max}. Times before the latest
     * handled drop are never revisited.
     */
    static List<ZonedDateTime> unhandled(ReleaseCalendar cal, List<Drop> drops, Instant now, int max) {
        Instant after = drops.stream().map(Drop::slot).max(Instant::compareTo)
                .orElse(cal.at(cal.firstDropDate()).toInstant().minusSeconds(1));
        List<ZonedDateTime> out = new ArrayList<>();
        Instant from = after;
        while (out.size() < max) {
            ZonedDateTime next = cal.nextAfter(from);
            if (next.toInstant().isAfter(now)) {
                break;
            }
            out.add(next);
            from = next.toInstant();
        }
        return out;
    }

    private static Outcome outcome(Decision d, Instant slot, Instant now) {
        boolean late = DropRules.isLate(slot, now);
        if (d instanceof Decision.Release r) {
            return Outcome.released(r.episode(), r.late());
        }
        if (d instanceof Decision.Miss m) {
            return Outcome.missed(m.episode(), late, "episode " + m.episode() + " " + m.why());
        }
        return Outcome.seasonOver(late);
    }

    private static void log(String id, ZonedDateTime slot, Drop d) {
        String when = DropRules.format(slot);
        if (d.released() && d.late()) {
            LOG.warn("{}: the drop of {} ran late (nothing was running at its time): episode {} released now", id, when, d.episode());
        } else if (d.released()) {
            LOG.info("{}: the drop of {} released episode {}", id, when, d.episode());
        } else if (d.outcome().equals("missed")) {
            LOG.warn("{}: the drop of {} was missed{}: {}", id, when, d.late() ? " (and late)" : "", d.note());
        } else {
            LOG.info("{}: the drop of {}: every episode is out", id, when);
        }
    }

    // ---- a person's release --------------------------------------------------------------------

    /** What {@code release} did: released now, already out, or ordered for later. */
    public record Released(int episode, String what, Instant at) {}

    /**
     * Releases an approved episode now ({@code at} null or not after now), or orders its release
     * for {@code at}: the rules are the drop's (approved, every earlier episode out). An order is
     * checked now too, except that the earlier episodes may still come out before it is due.
     */
    public Released release(int episode, Instant at) {
        String id = seriesId();
        Instant now = studio.clock().instant();
        if (episode < 1) {
            throw new BadInputException("--episode", "episode numbers start at 1, got " + episode, "e.g. --episode 1");
        }
        if (at != null && at.isAfter(now)) {
            List<EpisodeState> states = states(id);
            Optional<EpisodeState> e = states.stream().filter(s -> s.number() == episode).findFirst();
            if (e.isEmpty()) {
                throw notInSeason(episode);
            }
            if (e.get().released()) {
                return new Released(episode, "already released", e.get().releasedAt());
            }
            book.order(id, episode, at);
            return new Released(episode, "ordered", at);
        }
        if (releaseNow(id, episode)) {
            return new Released(episode, "released", book.releasedAt(id).get(episode));
        }
        return new Released(episode, "already released", book.releasedAt(id).get(episode));
    }

    /**
     * {@link #release(int, Instant)} with the time as a person types it: an ISO date-time with an
     * offset ({@code 2026-12-08T18:00-05:00}, {@code …Z}) or without one, then in the schedule's zone
     * ({@code 2026-12-08T18:00} or {@code 2026-12-08 18:00}); null or blank for now.
     */
    public Released release(int episode, String at) {
        return release(episode, at == null || at.isBlank() ? null : parseTime(at.strip()));
    }

    Instant parseTime(String at) {
        String t = at.replace(' ', 'T');
        try {
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            // no offset: the schedule's zone
        }
        try {
            java.time.ZoneId zone = calendar().schedule().zone();
            return java.time.LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInputException("--at", "'" + at + "' is not a date and time",
                    "write it like 2026-12-08T18:00 (in the series' zone) or 2026-12-08T18:00-05:00; leave --at out to release now");
        }
    }

    private boolean releaseNow(String id, int episode) {
        SeriesRepository repo = studio.episodes().repository();
        return book.release(id, episode, episodes -> {
            List<EpisodeState> states = states(episodes, Map.of());
            if (states.stream().noneMatch(s -> s.number() == episode)) {
                return Optional.of(notInSeason(episode));
            }
            return DropRules.refuseRelease(states, episode).map(why -> new BadInputException("--episode", why,
                    why.contains("not released yet") ? "release that one first, or wait for its drop"
                            : "approve it in the studio first (it must be produced and approved)"));
        }, repo);
    }

    private BadInputException notInSeason(int episode) {
        return new BadInputException("--episode", "the season has no episode " + episode,
                "see the episodes with: tsuzuku schedule " + studio.workspace().root());
    }

    /**
     * Produces the episodes the buffer asks for (write, then produce, each up to date skips); the
     * job engine runs this when a tick finds the buffer low. Returns the episodes produced.
     */
    public List<Integer> produceAhead(List<Integer> episodes) {
        List<Integer> done = new ArrayList<>();
        for (int n : episodes) {
            studio.writersRoom().write(Integer.toString(n), false);
            studio.productionFloor().produce(Integer.toString(n), false);
            done.add(n);
        }
        return done;
    }

    // ---- the report ----------------------------------------------------------------------------

    /** {@code tsuzuku schedule DIR}: the calendar as lines (which episode drops when, which are ready, the buffer). */
    public List<String> report() {
        Schedule sc = schedule();
        ReleaseCalendar cal = sc.calendar();
        var sched = cal.schedule();
        List<String> out = new ArrayList<>();
        List<String> skip = new ArrayList<>();
        sched.skipDays().forEach(d -> skip.add(d.name().toLowerCase(java.util.Locale.ROOT)));
        sched.skipDates().forEach(d -> skip.add(d.toString()));
        out.add(String.format("%s: daily at %s %s%s, from %s; buffer %d", sc.series(), sched.time(), sched.zone().getId(),
                skip.isEmpty() ? "" : ", not on " + String.join(", ", skip), cal.firstDropDate(), sc.plan().buffer()));
        out.add("next drop: " + DropRules.format(sc.nextDrop()));
        sc.overdue().ifPresent(o -> out.add("overdue: the drop of " + DropRules.format(o)
                + " has not happened (nothing was running at its time); it happens, late, when tsuzuku serve starts"));
        Map<Integer, Drop> byEpisode = new java.util.HashMap<>();
        sc.drops().stream().filter(Drop::released).forEach(d -> byEpisode.put(d.episode(), d));
        if (!sc.plan().released().isEmpty()) {
            out.add("");
            out.add("released:");
            for (EpisodeState e : sc.plan().released()) {
                Drop d = byEpisode.get(e.number());
                String when = e.releasedAt() == null ? "" : DropRules.format(e.releasedAt().atZone(sched.zone()));
                out.add(String.format("  %03d  %-28s %s%s", e.number(), clip(e.title()), when,
                        d == null ? " (by hand)" : d.late() ? " (late)" : ""));
            }
        }
        List<Drop> missed = sc.drops().stream().filter(d -> d.outcome().equals("missed")).toList();
        if (!missed.isEmpty()) {
            out.add("");
            out.add("missed drops:");
            missed.forEach(d -> out.add("  " + DropRules.format(d.slot().atZone(sched.zone())) + ": " + d.note()));
        }
        if (!sc.plan().upcoming().isEmpty()) {
            out.add("");
            out.add("upcoming (if each is approved in time):");
            for (DropRules.Upcoming u : sc.plan().upcoming()) {
                String state = u.ready() ? "ready" : u.status() == dev.tsuzuku.store.EpisodeStatus.PRODUCED ? "needs approval"
                        : "not produced (" + u.status().wireName() + ")";
                out.add(String.format("  %03d  %-28s %s  %s", u.episode(), clip(u.title()), DropRules.format(u.drop()), state));
            }
        } else {
            out.add("");
            out.add("every episode is out");
        }
        for (Order o : sc.orders()) {
            out.add("ordered: episode " + o.episode() + " at " + DropRules.format(o.dueAt().atZone(sched.zone())));
        }
        DropRules.Plan p = sc.plan();
        if (!p.upcoming().isEmpty()) {
            out.add("");
            out.add(String.format("buffer: %d of %d finished episodes ahead%s", p.finishedAhead(), p.buffer(),
                    p.bufferLow() ? " (low)" : ""));
            if (!p.toProduce().isEmpty()) {
                out.add("to produce: " + p.toProduce().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + " (the server schedules this; by hand: tsuzuku produce " + studio.workspace().root() + " --episode N)");
            }
            p.warning().ifPresent(w -> out.add("warning: " + w.message()));
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > 28 ? s.substring(0, 27) + "…" : s;
    }
}
