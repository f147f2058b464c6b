package dev.tsuzuku.cli;

import dev.tsuzuku.app.SeriesFeeds;
import dev.tsuzuku.app.Studio;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku feed DIR}: writes the series' JSON Feed and RSS (released episodes only). */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = "Write the series' JSON Feed 1.1 (feed.json) and RSS 2.0 with Media RSS (rss.xml) of its released episodes.")
final class FeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The address the series is served at (default: " + SeriesFeeds.DEFAULT_BASE + ").")
    String baseUrl;

    @Option(names = "--out", paramLabel = "FOLDER", description = "Where to write the two files (default: DIR/feeds/SERIES).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            SeriesFeeds feeds = studio.feeds();
            SeriesFeeds.Links links = SeriesFeeds.links(baseUrl);
            Path folder = out != null ? out : series.dir.resolve("feeds").resolve(studio.releases().seriesId());
            SeriesFeeds.Written written = feeds.write(links, folder);
            w.println("wrote " + written.jsonFeed() + " and " + written.rss() + " (" + written.items() + " released episodes)");
        }
        w.flush();
        return Main.OK;
    }
}
