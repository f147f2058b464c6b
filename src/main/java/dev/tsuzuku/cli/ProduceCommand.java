package dev.tsuzuku.cli;

import dev.tsuzuku.app.ProductionFloor;
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

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Make finished episodes from their scripts: voices, animatic, episode.mp4, subtitles, cover, manifest.json.")
final class ProduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--episode", required = true, paramLabel = "N|next|all",
            description = "An episode number, 'next' (the first written episode without a manifest) or 'all'.")
    String episode;

    @Option(names = "--force", description = "Make the episode again, ignoring the cache and replacing files edited by hand "
            + "(a hand-edited storyboard.json is used, not replaced: tsuzuku board --force does that).")
    boolean force;

    @Option(names = "--yes", description = "Skip the review gate: run paid AI generation for episodes nobody approved "
            + "(tsuzuku approve). Without a generation section in series.yaml it changes nothing.")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            if (yes) {
                spec.commandLine().getErr().println("--yes: the review gate is skipped; paid generation runs for episodes"
                        + " nobody approved");
            }
            List<ProductionFloor.Produced> produced = studio.productionFloor().produce(episode, force, yes);
            if (produced.isEmpty()) {
                out.println("nothing to produce: every written episode has a manifest."
                        + " Write the next one with: tsuzuku write " + series.dir + " --episode N");
            }
            for (ProductionFloor.Produced p : produced) {
                if (p.ran()) {
                    out.printf(Locale.ROOT, "episode %d: %s (%.1f s); %s%n", p.episode(), p.video(), p.seconds(), p.reuse());
                } else {
                    out.printf(Locale.ROOT, "episode %d: %s (%.1f s) is up to date%n", p.episode(), p.video(), p.seconds());
                }
            }
            out.flush();
            return Main.OK;
        }
    }
}
