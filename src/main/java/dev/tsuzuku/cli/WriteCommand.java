package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.pipeline.ConsoleProgress;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.plan.SeasonFiles;
import dev.tsuzuku.story.FountainWriter;
import dev.tsuzuku.story.WriteRequest;
import dev.tsuzuku.story.Writer;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tsuzuku write DIR}: one screenplay per planned episode, skipping unchanged ones. */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = "Write the screenplay of planned episodes (episodes/NNN/script.json and script.fountain).")
final class WriteCommand implements Callable<Integer> {
    /** Bump when the offline writer's logic changes, so old scripts are written again. */
    static final int VERSION = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Parameters(index = "0", paramLabel = "DIR", description = "The series folder.")
    Path dir;

    @Option(names = "--episode", paramLabel = "N|all", defaultValue = "all", description = "One episode number, or all (default).")
    String episode;

    @Option(names = "--force", description = "Write again even if nothing changed, replacing edited scripts.")
    boolean force;

    @Override
    public Integer call() {
        Workspace ws = new Workspace(dir);
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), new ConsoleProgress(System.err, Clock.systemUTC()), database.url())) {
            Bible bible = BibleFile.load(ws.bible());
            Season season = SeasonFiles.read(ws);
            List<EpisodePlan> selected = EpisodeChoice.pick(episode, season, ws, e -> true, "planned",
                    "plan the season first: tsuzuku plan " + ws.root());
            Source source = SeriesInputs.source(ws);
            Writer writer = studio.writer(bible);
            int written = 0;
            int skipped = 0;
            Map<String, Integer> credits = new LinkedHashMap<>();
            try (Progress.Task task = studio.progress().start("write", selected.size())) {
                for (EpisodePlan e : selected) {
                    String hash = InputHash.of("write", VERSION).add(writer.name()).add(bible).add(e)
                            .add(source.slice(e.source())).hex();
                    StageRunner.Outcome o = studio.runner().run("write", "episode/" + e.folder(), hash, force,
                            () -> writeOne(ws, writer, new WriteRequest(bible, source, season, e), bible));
                    if (o == StageRunner.Outcome.RAN) {
                        written++;
                        credits.merge(writer.credit(e.number()), 1, Integer::sum);
                    } else {
                        skipped++;
                    }
                    task.advance(1);
                }
            }
            // credit who actually wrote: an LLM writer that failed over hands episodes to the offline one
            String by = credits.keySet().stream().allMatch(writer.name()::equals) ? "with the " + writer.name() + " writer"
                    : "(" + credits.entrySet().stream().map(c -> c.getValue() + " by the " + c.getKey() + " writer")
                            .collect(Collectors.joining(", ")) + ")";
            out.printf("wrote %d script%s %s, %d up to date, in %s/%n", written, written == 1 ? "" : "s",
                    by, skipped, ws.relative(ws.episodesDir()));
        }
        return Main.OK;
    }

    private static List<Path> writeOne(Workspace ws, Writer writer, WriteRequest request, Bible bible) {
        Script script = writer.write(request);
        Path dir = ws.episodeDir(request.episode().number());
        Path json = dir.resolve("script.json");
        Json.writeFile(json, script);
        Path fountain = dir.resolve("script.fountain");
        AtomicFiles.write(fountain, FountainWriter.render(script, bible));
        return List.of(json, fountain);
    }
}
