package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.app.TakeDesk;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku takes DIR --episode N}: every keyframe and take asked for an episode, with its money. */
@Command(name = "takes", mixinStandardHelpOptions = true,
        description = "List an episode's keyframes and video takes: provider, state, estimated and actual cost, the chosen take.")
final class TakesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--episode", required = true, paramLabel = "N", description = "The episode number.")
    int episode;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            List<TakeDesk.Row> rows = studio.takeDesk().takes(episode);
            if (rows.isEmpty()) {
                out.println("episode " + episode + " has no takes: every shot is the animatic's");
            }
            for (TakeDesk.Row r : rows) {
                out.printf(Locale.ROOT, "take %d  shot %d  %-8s %-13s %-9s est $%.3f  actual $%.3f%s%s%n", r.id(), r.shot(),
                        r.kind(), r.provider(), r.status(), r.estimated(), r.actual(), r.chosen() ? "  (chosen)" : "",
                        r.reason() == null ? "" : "  " + r.reason());
            }
            out.flush();
            return Main.OK;
        }
    }
}
