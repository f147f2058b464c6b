package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.app.WritersRoom;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku plan DIR}: cuts the source into a season; writes season.json and season.md. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Cut the source into a season of episodes that each end on a hook (season.json, season.md).")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--episodes", paramLabel = "N", description = "Exactly this many episodes (default: from the text length).")
    Integer episodes;

    @Option(names = "--force", description = "Plan again even if nothing changed, replacing an edited season.json.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            WritersRoom.Planned planned = studio.writersRoom()
                    .plan(episodes == null ? OptionalInt.empty() : OptionalInt.of(episodes), force);
            table(out, planned.season());
            String files = String.join(" and ", planned.files());
            out.println();
            out.println(planned.ran() ? "wrote " + files : "season plan is up to date (" + files + " unchanged)");
            out.println("next: review season.md, then run: tsuzuku write " + series.dir);
        }
        return Main.OK;
    }

    static void table(PrintWriter out, Season season) {
        out.printf("%-4s %5s  %-8s  %s%n", "ep", "secs", "hook", "hook text");
        int total = 0;
        for (EpisodePlan e : season.episodes()) {
            String text = e.hook().text();
            out.printf("%-4s %5d  %-8s  %s%n", e.folder(), e.estimatedSeconds(), e.hook().kind().wireName(),
                    text.length() > 70 ? text.substring(0, 69) + "…" : text);
            total += e.estimatedSeconds();
        }
        out.printf("%d episodes, %d min %02d s in all%n", season.episodes().size(), total / 60, total % 60);
    }
}
