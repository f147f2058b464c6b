package dev.tsuzuku.cli;

import dev.tsuzuku.app.Costs;
import dev.tsuzuku.app.Studio;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku cost DIR [--estimate [--routing default|all-video]]}: money spent, or the season's estimate. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Money per episode (estimated vs actual, cost per finished minute) from the ledger; "
                + "with --estimate, the season's cost at list prices under a routing.")
final class CostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--estimate", description = "Estimate the boarded season at list prices instead of reporting the ledger.")
    boolean estimate;

    @Option(names = "--routing", paramLabel = "default|all-video", defaultValue = "default",
            description = "With --estimate: the default routing (video for the cold open and hook, keyframes with a camera "
                    + "move elsewhere) or every shot as video.")
    String routing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            if (estimate) {
                Costs.Estimate e = studio.costReport().estimate(routing);
                out.printf(Locale.ROOT, "season estimate at list prices, routing %s (video providers cheapest first: %s)%n",
                        e.routing(), String.join(", ", e.providers()));
                for (Costs.EpisodeCost c : e.episodes()) {
                    out.printf(Locale.ROOT, "  episode %3d: $%8.2f for %6.1f s %s (%d video takes), $%.2f per finished minute%n",
                            c.episode(), c.estimated(), c.seconds(), c.cutLength() ? "as cut   " : "as boarded", c.takes(),
                            c.perMinute(false));
                }
                out.printf(Locale.ROOT, "season: $%.2f for %.1f min, $%.2f per finished minute%s%n", e.usd(), e.seconds() / 60,
                        e.perMinute(), e.unboarded() == 0 ? "" : " (" + e.unboarded() + " episodes not boarded yet, not counted)");
            } else {
                List<Costs.EpisodeCost> spent = studio.costReport().spent();
                if (spent.isEmpty()) {
                    out.println("nothing spent yet: no episode has been produced with a paid provider");
                }
                double est = 0;
                double act = 0;
                double seconds = 0;
                for (Costs.EpisodeCost c : spent) {
                    out.printf(Locale.ROOT, "episode %3d: estimated $%.2f, actual $%.2f, %d video takes, %.1f s finished, "
                            + "$%.2f per finished minute%n", c.episode(), c.estimated(), c.actual(), c.takes(), c.seconds(),
                            c.perMinute(true));
                    est += c.estimated();
                    act += c.actual();
                    seconds += c.seconds();
                }
                if (!spent.isEmpty()) {
                    out.printf(Locale.ROOT, "series: estimated $%.2f, actual $%.2f, $%.2f per finished minute%n", est, act,
                            seconds <= 0 ? 0 : act / (seconds / 60));
                }
            }
            out.flush();
            return Main.OK;
        }
    }
}
