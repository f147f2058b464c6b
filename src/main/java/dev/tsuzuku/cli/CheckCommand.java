package dev.tsuzuku.cli;

import dev.tsuzuku.board.BoardStage;
import dev.tsuzuku.board.VoiceCoverage;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tsuzuku check DIR [--episode N|all]}: how much of each storyboarded episode a viewer
 * hears a voice, and its longest silence outside the title and end cards. Exit 1 when an episode
 * misses the target (voice on 85% of the runtime, no silence over 4 s).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Measure each storyboarded episode: voice share of the runtime and the longest silent stretch "
                + "(target: voice on >= 85%, no silence over 4 s outside the title and end cards).")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the series workspace")
    Path dir;

    @Option(names = "--episode", paramLabel = "N|all", defaultValue = "all",
            description = "one episode number, or all storyboarded episodes (default: ${DEFAULT-VALUE})")
    String episode;

    @Override
    public Integer call() {
        Workspace ws = new Workspace(dir);
        if (!Files.isDirectory(ws.root())) {
            throw new BadInputException(ws.root().toString(), "is not a series workspace folder",
                    "create one with: tsuzuku new " + dir + " --from SOURCE.txt");
        }
        Season season = SeasonFiles.read(ws);
        List<EpisodePlan> chosen = EpisodeChoice.pick(episode, season, ws,
                p -> Files.isRegularFile(BoardStage.storyboardFile(ws, p.number())), "has a storyboard.json",
                "storyboard them first: tsuzuku board " + dir);
        PrintWriter out = spec.commandLine().getOut();
        int missed = 0;
        for (EpisodePlan plan : chosen) {
            Path file = BoardStage.storyboardFile(ws, plan.number());
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(ws.relative(file), "not found", "storyboard it first: tsuzuku board " + dir
                        + " --episode " + plan.number());
            }
            Storyboard sb = Json.readFile(file, Storyboard.class, "tsuzuku board " + dir + " --force");
            VoiceCoverage c = VoiceCoverage.of(sb);
            boolean ok = c.meetsTarget();
            missed += ok ? 0 : 1;
            out.printf(Locale.ROOT, "episode %s: voice %.0f%% of %.1f s, longest silence %.1f s at %s%s%n",
                    plan.folder(), c.share() * 100, c.seconds(), c.longestSilentSeconds(), clock(c.longestSilentAt()),
                    ok ? "" : "  (below target)");
        }
        out.printf("%d of %d episodes meet the target (voice >= 85%%, no silence over 4 s)%n",
                chosen.size() - missed, chosen.size());
        out.flush();
        return missed == 0 ? Main.OK : Main.FAILURE;
    }

    private static String clock(double seconds) {
        int s = (int) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
