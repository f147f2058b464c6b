package dev.tsuzuku.release;

import dev.tsuzuku.serve.RouteModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The feeds on the server: {@code /feeds/SERIES/feed.json} (JSON Feed 1.1) and
 * {@code /feeds/SERIES/rss.xml} (RSS 2.0 with Media RSS), released episodes only, with links under
 * the address the request came to. A series the server does not serve is 404.
 */
public final class FeedRoutes implements RouteModule {
    private static final Pattern SERIES = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9a-fA-F:.]+\\](:\\d{1,5})?");
    /** Aggregators poll; a minute keeps a drop visible soon without rebuilding the feed on every poll. */
    static final String CACHE = "public, max-age=60";

    /** The feeds of a served series with links under {@code baseUrl}; empty when the series is not served. */
    public interface Source {
        Optional<Texts> feeds(String seriesId, String baseUrl);

        /** The ids of the served series, for the startup lines. */
        List<String> series();
    }

    /** A series' two feeds. */
    public record Texts(String jsonFeed, String rss) {}

    private final Source source;

    public FeedRoutes(Source source) {
        this.source = source;
    }

    @Override
    public void register(Javalin app) {
        app.get("/feeds/{series}/feed.json", ctx -> send(ctx, true));
        app.get("/feeds/{series}/rss.xml", ctx -> send(ctx, false));
    }

    private void send(Context ctx, boolean json) {
        String series = ctx.pathParam("series");
        if (!SERIES.matcher(series).matches()) {
            throw new NotFoundResponse();
        }
        String host = ctx.host();
        if (host == null || !HOST.matcher(host).matches()) {
            host = "localhost"; // a missing or odd Host header never reaches the links
        }
        String base = ctx.scheme() + "://" + host;
        Texts t = source.feeds(series, base).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", CACHE);
        ctx.contentType(json ? "application/feed+json; charset=utf-8" : "application/rss+xml; charset=utf-8");
        ctx.result((json ? t.jsonFeed() : t.rss()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> startupLines(String baseUrl) {
        return source.series().stream().map(s -> "feeds: " + baseUrl + "/feeds/" + s + "/rss.xml and feed.json").toList();
    }
}
