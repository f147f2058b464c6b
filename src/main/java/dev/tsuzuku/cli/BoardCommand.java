package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.app.WritersRoom;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tsuzuku board DIR [--episode N|all] [--force]}: scripts to storyboards. */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = "Storyboard the written episodes: shots in frames, camera, cast, sound cues and video prompts "
                + "(episodes/NNN/storyboard.json).")
final class BoardCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Option(names = "--episode", paramLabel = "N|all", defaultValue = "all",
            description = "one episode number, or all written episodes (default: ${DEFAULT-VALUE})")
    String episode;

    @Option(names = "--force", description = "replace storyboards even if they are up to date or were edited by hand")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            for (WritersRoom.Boarded b : studio.writersRoom().board(episode, force)) {
                if (b.ran()) {
                    out.printf(Locale.ROOT, "episode %s: wrote %s (%d shots, %.1f s, mood %s)%n", b.folder(), b.file(),
                            b.shots(), b.seconds(), b.mood());
                } else {
                    out.printf("episode %s: %s is up to date%n", b.folder(), b.file());
                }
            }
        }
        out.flush();
        return Main.OK;
    }
}
