package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.pipeline.ConsoleProgress;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.plan.SeasonPlanner;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tsuzuku plan DIR}: cuts the source into a season; writes season.json and season.md. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Cut the source into a season of episodes that each end on a hook (season.json, season.md).")
final class PlanCommand implements Callable<Integer> {
    /** Bump when the planner's logic changes, so old plans are made again. */
    static final int VERSION = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Parameters(index = "0", paramLabel = "DIR", description = "The series folder.")
    Path dir;

    @Option(names = "--episodes", paramLabel = "N", description = "Exactly this many episodes (default: from the text length).")
    Integer episodes;

    @Option(names = "--force", description = "Plan again even if nothing changed, replacing an edited season.json.")
    boolean force;

    @Override
    public Integer call() {
        Workspace ws = new Workspace(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (episodes != null && (episodes < 1 || episodes > 1000)) {
            throw new dev.tsuzuku.model.BadInputException("--episodes", "must be between 1 and 1000, was " + episodes,
                    "leave it out to let the text decide");
        }
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), new ConsoleProgress(System.err, Clock.systemUTC()), database.url())) {
            Bible bible = BibleFile.load(ws.bible());
            Source source = SeriesInputs.source(ws);
            String hash = InputHash.of("plan", VERSION).add(bible).add(source.text())
                    .add(episodes == null ? "auto" : episodes.toString()).hex();
            Season[] planned = new Season[1];
            StageRunner.Outcome outcome = studio.runner().run("plan", "season", hash, force, () -> {
                planned[0] = new SeasonPlanner().plan(source, bible,
                        episodes == null ? OptionalInt.empty() : OptionalInt.of(episodes));
                return SeasonFiles.write(ws, planned[0], bible);
            });
            Season season = planned[0] != null ? planned[0] : SeasonFiles.read(ws);
            if (outcome == StageRunner.Outcome.UP_TO_DATE) {
                out.println("season plan is up to date");
            }
            table(out, season);
            out.printf("%nwrote %s and %s%n", ws.relative(ws.seasonJson()), ws.relative(ws.seasonMarkdown()));
            out.println("next: review season.md, then run: tsuzuku write " + dir);
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
