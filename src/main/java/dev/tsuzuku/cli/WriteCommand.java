package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.app.WritersRoom;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku write DIR}: one screenplay per planned episode, skipping unchanged ones. */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = "Write the screenplay of planned episodes (episodes/NNN/script.json and script.fountain).")
final class WriteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--episode", paramLabel = "N|all", defaultValue = "all", description = "One episode number, or all (default).")
    String episode;

    @Option(names = "--force", description = "Write again even if nothing changed, replacing edited scripts.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            WritersRoom.Written w = studio.writersRoom().write(episode, force);
            // credit who actually wrote: an LLM writer that failed over hands episodes to the offline one
            String by = w.credits().keySet().stream().allMatch(w.writer()::equals) ? "with the " + w.writer() + " writer"
                    : "(" + w.credits().entrySet().stream().map(c -> c.getValue() + " by the " + c.getKey() + " writer")
                            .collect(Collectors.joining(", ")) + ")";
            out.printf("wrote %d script%s %s, %d up to date, in %s/%n", w.written(), w.written() == 1 ? "" : "s",
                    by, w.upToDate(), w.folder());
        }
        return Main.OK;
    }
}
