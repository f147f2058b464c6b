package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.board.BoardStage;
import dev.tsuzuku.board.DropCalendar;
import dev.tsuzuku.board.Storyboarder;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.ConsoleProgress;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tsuzuku board DIR [--episode N|all] [--force]}: scripts to storyboards. */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = "Storyboard the written episodes: shots in frames, camera, cast, sound cues and video prompts "
                + "(episodes/NNN/storyboard.json).")
final class BoardCommand implements Callable<Integer> {
    private final Clock clock = Clock.systemUTC();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the series workspace")
    Path dir;

    @Mixin
    DatabaseOption database;

    @Option(names = "--episode", paramLabel = "N|all", defaultValue = "all",
            description = "one episode number, or all written episodes (default: ${DEFAULT-VALUE})")
    String episode;

    @Option(names = "--force", description = "replace storyboards even if they are up to date or were edited by hand")
    boolean force;

    @Override
    public Integer call() {
        Workspace ws = new Workspace(dir);
        if (!Files.isDirectory(ws.root())) {
            throw new BadInputException(ws.root().toString(), "is not a series workspace folder",
                    "create one with: tsuzuku new " + dir + " --from SOURCE.txt");
        }
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new ConsoleProgress(System.err, clock);
        try (Studio studio = Studio.open(ws, clock, progress, database.url())) {
            Bible bible = BibleFile.load(ws.bible());
            Season season = SeasonFiles.read(ws);
            // "all" means every episode that has a script
            List<EpisodePlan> chosen = EpisodeChoice.pick(episode, season, ws,
                    p -> Files.isRegularFile(BoardStage.scriptFile(ws, p.number())), "has a script.json",
                    "write the scripts first: tsuzuku write " + dir);
            DropCalendar calendar = DropCalendar.forWorkspace(bible.schedule(), ws, clock);
            BoardStage stage = new BoardStage(ws, studio.runner(), new Storyboarder());
            try (Progress.Task task = progress.start("board", chosen.size())) {
                for (EpisodePlan plan : chosen) {
                    ZonedDateTime nextDrop = calendar.nextDrop(season, plan.number());
                    StageRunner.Outcome outcome = stage.run(bible, plan, nextDrop, force);
                    Path file = BoardStage.storyboardFile(ws, plan.number());
                    if (outcome == StageRunner.Outcome.RAN) {
                        Storyboard sb = Json.readFile(file, Storyboard.class, "tsuzuku board " + dir + " --force");
                        out.printf(Locale.ROOT, "episode %s: wrote %s (%d shots, %.1f s, mood %s)%n", plan.folder(),
                                ws.relative(file), sb.shots().size(), sb.totalFrames() / (double) sb.fps(), sb.mood());
                    } else {
                        out.printf("episode %s: %s is up to date%n", plan.folder(), ws.relative(file));
                    }
                    task.advance(1);
                }
            }
        }
        out.flush();
        return Main.OK;
    }
}
