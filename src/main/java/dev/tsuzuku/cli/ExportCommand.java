package dev.tsuzuku.cli;

import dev.tsuzuku.app.Exports;
import dev.tsuzuku.app.Studio;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku export DIR --episode N --for tiktok|shorts|reels}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "A folder for one platform: the master checked against its limits (duration, size, resolution, codecs), "
                + "the caption with hashtags, the SRT where the platform takes one (YouTube Shorts), and the cover.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--episode", required = true, paramLabel = "N", description = "The episode to export.")
    int episode;

    @Option(names = "--for", required = true, paramLabel = "PLATFORM", description = "tiktok, shorts or reels.")
    String platform;

    @Option(names = "--out", paramLabel = "FOLDER", description = "Where to put the files (default: DIR/exports/NNN-PLATFORM).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            Exports.Exported e = studio.exports().export(episode, platform, out);
            w.println("episode " + episode + " for " + e.platformName() + ": " + e.folder() + " (" + String.join(", ", e.files()) + ")");
            w.println("caption (" + e.caption().codePointCount(0, e.caption().length()) + " of " + e.captionLimit()
                    + " characters):");
            w.println(e.caption());
        }
        w.flush();
        return Main.OK;
    }
}
