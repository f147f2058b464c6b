package dev.tsuzuku.cli;

import dev.tsuzuku.app.Releases;
import dev.tsuzuku.app.Studio;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku release DIR --episode N [--at TIME]}: a person's release, by the drop's rules. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Release an approved episode now, or at a later time (the running server carries it out). "
                + "Episodes come out in order, and only once approved.")
final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--episode", required = true, paramLabel = "N", description = "The episode to release.")
    int episode;

    @Option(names = "--at", paramLabel = "TIME",
            description = "When: 2026-12-08T18:00 (in the schedule's zone) or 2026-12-08T18:00-05:00. Default: now.")
    String at;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            Releases.Released r = studio.releases().release(episode, at);
            switch (r.what()) {
                case "ordered" -> out.println("episode " + episode + " will be released at " + r.at()
                        + " (by tsuzuku serve; see: tsuzuku schedule " + series.dir + ")");
                case "released" -> out.println("episode " + episode + " released at " + r.at());
                default -> out.println("episode " + episode + " was already released at " + r.at() + "; nothing changed");
            }
        }
        out.flush();
        return Main.OK;
    }
}
