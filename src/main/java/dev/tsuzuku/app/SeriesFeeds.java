package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.release.Feeds;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.ReleaseRepository;
import dev.tsuzuku.store.SeriesRepository.StoredEpisode;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A series' feeds (JSON Feed 1.1 and RSS 2.0 with Media RSS) of its released episodes only, as the
 * server serves them and {@code tsuzuku feed} writes them. The URLs follow {@link Links}: the
 * server's routes under one base URL.
 */
public final class SeriesFeeds {
    private static final Logger LOG = LoggerFactory.getLogger(SeriesFeeds.class);

    /** The default base URL when none is given: the local server. */
    public static final String DEFAULT_BASE = "http://localhost:7070";

    private final Studio studio;

    SeriesFeeds(Studio studio) {
        this.studio = studio;
    }

    /** Where things are under the server's base URL (the player's routes). */
    public record Links(String base) {
        public Links {
            base = base.replaceAll("/+$", "");
        }

        public String home(String series) {
            return base + "/#/" + series;
        }

        public String episodePage(String series, int episode) {
            return base + "/#/" + series + "/" + episode;
        }

        public String media(String series, int episode, String file) {
            return base + "/media/" + series + "/" + EpisodePlan.folder(episode) + "/" + file;
        }

        public String jsonFeed(String series) {
            return base + "/feeds/" + series + "/feed.json";
        }

        public String rss(String series) {
            return base + "/feeds/" + series + "/rss.xml";
        }
    }

    /** The two feeds' text. */
    public record Texts(String series, String jsonFeed, String rss, int items) {}

    /** Checks a base URL a person typed: absolute http(s), no query. */
    public static Links links(String base) {
        String b = base == null || base.isBlank() ? DEFAULT_BASE : base.strip();
        try {
            URI u = new URI(b);
            if (u.getHost() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getQuery() != null) {
                throw new URISyntaxException(b, "not an absolute http(s) URL without a query");
            }
        } catch (URISyntaxException | NullPointerException e) {
            throw new BadInputException("--base-url", "'" + b + "' is not an http(s) address",
                    "give the address the series is served at, like https://anime.example.com");
        }
        return new Links(b);
    }

    public Texts build(Links links) {
        Workspace ws = studio.workspace();
        Bible bible = BibleFile.load(ws.bible());
        String id = studio.releases().seriesId();
        Season season = SeasonFiles.read(ws);
        Map<Integer, Instant> releasedAt = new ReleaseRepository(studio.database(), studio.clock()).releasedAt(id);
        List<Feeds.Item> items = new ArrayList<>();
        for (StoredEpisode e : studio.episodes().repository().episodes(id)) {
            if (e.status() != EpisodeStatus.RELEASED) {
                continue;
            }
            Path dir = ws.episodeDir(e.number());
            Path manifestFile = dir.resolve("manifest.json");
            if (!Files.isRegularFile(manifestFile)) {
                LOG.warn("episode {} is released but has no manifest.json; it is left out of the feeds", e.number());
                continue;
            }
            Manifest m = Json.readFile(manifestFile, Manifest.class, "tsuzuku produce " + ws.root() + " --episode " + e.number());
            long bytes;
            try {
                bytes = Files.size(dir.resolve(m.files().video()));
            } catch (IOException ex) {
                LOG.warn("episode {} is released but its video is missing; it is left out of the feeds", e.number());
                continue;
            }
            String synopsis = season.episodes().stream().filter(p -> p.number() == e.number()).map(EpisodePlan::synopsis)
                    .findFirst().orElse("");
            Instant when = releasedAt.getOrDefault(e.number(), e.updatedAt());
            String cover = m.files().cover() != null && Files.isRegularFile(dir.resolve(m.files().cover()))
                    ? links.media(id, e.number(), m.files().cover()) : null;
            items.add(new Feeds.Item(e.number(), "Episode " + e.number() + ": " + e.title(), synopsis, when,
                    links.episodePage(id, e.number()), links.media(id, e.number(), m.files().video()), bytes,
                    m.durationSeconds(), Storyboard.MASTER_WIDTH, Storyboard.MASTER_HEIGHT, cover));
        }
        Feeds.Channel channel = new Feeds.Channel(id, bible.title(), bible.logline(), bible.language(), links.home(id),
                links.jsonFeed(id), links.rss(id));
        Instant built = items.stream().map(Feeds.Item::releasedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        return new Texts(id, Feeds.jsonFeed(channel, items), Feeds.rss(channel, items, built), items.size());
    }

    /** The two files written and how many episodes they list. */
    public record Written(Path jsonFeed, Path rss, int items) {}

    /** Writes feed.json and rss.xml into {@code dir} (atomically). */
    public Written write(Links links, Path dir) {
        Texts t = build(links);
        Path json = dir.resolve("feed.json");
        Path rss = dir.resolve("rss.xml");
        AtomicFiles.write(json, t.jsonFeed());
        AtomicFiles.write(rss, t.rss());
        return new Written(json, rss, t.items());
    }
}
