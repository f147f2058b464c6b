package dev.tsuzuku.app;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.release.FeedRoutes;
import dev.tsuzuku.serve.NextDrop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release side of {@code tsuzuku serve}: the feeds' route module, the next drop for the
 * player's countdown, and the drop jobs of every served workspace.
 */
final class ReleaseSite implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseSite.class);
    /** The countdown is asked on every catalogue request: the calendar is read again at most this often. */
    private static final long KEEP_MILLIS = 1_000;

    private final List<Studio> studios;
    private final List<DropJobs> jobs = new ArrayList<>();
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(long at, Instant asked, Optional<Instant> next) {}

    ReleaseSite(List<Studio> studios) {
        this.studios = List.copyOf(studios);
    }

    /** Starts the drop jobs of every workspace that has a season (a late drop happens now). */
    void startDrops() {
        for (Studio s : studios) {
            DropJobs.start(s).ifPresent(jobs::add);
        }
    }

    private Optional<Studio> studio(String seriesId) {
        for (Studio s : studios) {
            var series = s.episodes().status().series();
            if (series.isPresent() && series.get().id().equals(seriesId)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The next drop of a served series after {@code now}, by its release calendar. */
    NextDrop nextDrop() {
        return (seriesId, now) -> {
            Kept k = kept.get(seriesId);
            long millis = now.toEpochMilli();
            if (k != null && millis - k.at() < KEEP_MILLIS && millis >= k.at() && k.next().map(n -> n.isAfter(now)).orElse(true)) {
                return k.next();
            }
            Optional<Instant> next;
            try {
                next = studio(seriesId).map(s -> s.releases().calendar().nextAfter(now).toInstant());
            } catch (TsuzukuException e) {
                LOG.warn("{}: no countdown: {}", seriesId, e.getMessage());
                next = Optional.empty();
            }
            kept.put(seriesId, new Kept(millis, now, next));
            return next;
        };
    }

    /** {@code /feeds/SERIES/feed.json} and {@code rss.xml} of every served series. */
    FeedRoutes feedRoutes() {
        return new FeedRoutes(new FeedRoutes.Source() {
            @Override
            public Optional<FeedRoutes.Texts> feeds(String seriesId, String baseUrl) {
                return studio(seriesId).map(s -> {
                    SeriesFeeds.Texts t = s.feeds().build(SeriesFeeds.links(baseUrl));
                    return new FeedRoutes.Texts(t.jsonFeed(), t.rss());
                });
            }

            @Override
            public List<String> series() {
                List<String> ids = new ArrayList<>();
                for (Studio s : studios) {
                    s.episodes().status().series().ifPresent(x -> ids.add(x.id()));
                }
                return ids;
            }
        });
    }

    @Override
    public void close() {
        jobs.forEach(DropJobs::close);
    }
}
