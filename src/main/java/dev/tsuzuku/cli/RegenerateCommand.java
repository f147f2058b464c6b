package dev.tsuzuku.cli;

import dev.tsuzuku.app.ProductionFloor;
import dev.tsuzuku.app.Studio;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku regenerate DIR --episode N --shot K [--provider P]}: a new take for one shot, and the cut with it. */
@Command(name = "regenerate", mixinStandardHelpOptions = true,
        description = "Make a new take of one shot (paid, within the budget and after approval) and cut the episode with it.")
final class RegenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--episode", required = true, paramLabel = "N", description = "The episode number.")
    int episode;

    @Option(names = "--shot", required = true, paramLabel = "K", description = "The shot number in the storyboard.")
    int shot;

    @Option(names = "--provider", paramLabel = "P", description = "The video provider to ask (default: the shot's route).")
    String provider;

    @Option(names = "--yes", description = "Skip the review gate for this episode.")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            for (ProductionFloor.Produced p : studio.takeDesk().regenerate(episode, shot, provider, yes)) {
                out.printf(Locale.ROOT, "episode %d: %s (%.1f s) cut with the new take of shot %d; see: tsuzuku takes %s --episode %d%n",
                        p.episode(), p.video(), p.seconds(), shot, series.dir, p.episode());
            }
            out.flush();
            return Main.OK;
        }
    }
}
