package dev.tsuzuku.cli;

import dev.tsuzuku.app.Reviews;
import dev.tsuzuku.app.Studio;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku approve DIR --episode N [--by NAME]}: the review gate before paid generation. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve an episode's storyboard and animatic: paid AI generation runs for it from the next produce.")
final class ApproveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--episode", required = true, paramLabel = "N", description = "The episode number.")
    int episode;

    @Option(names = "--by", paramLabel = "NAME", description = "Who approves (default: your user name).")
    String by;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            String who = by != null ? by : System.getProperty("user.name", "unknown");
            Reviews.Approved a = studio.reviews().approve(episode, who);
            out.printf("episode %d approved by %s at %s; paid generation runs at the next: tsuzuku produce %s --episode %d%n",
                    a.episode(), a.by(), a.at(), series.dir, a.episode());
            out.flush();
            return Main.OK;
        }
    }
}
