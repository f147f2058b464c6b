package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.pipeline.ConsoleProgress;
import dev.tsuzuku.produce.Producer;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Make finished episodes from their scripts: voices, animatic, episode.mp4, subtitles, cover, manifest.json.")
final class ProduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Parameters(index = "0", paramLabel = "DIR", description = "The series workspace.")
    Path dir;

    @Option(names = "--episode", required = true, paramLabel = "N|next|all",
            description = "An episode number, 'next' (the first written episode without a manifest) or 'all'.")
    String episode;

    @Option(names = "--force", description = "Redo every piece, ignoring the cache (and replace a hand-edited storyboard).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        Workspace ws = new Workspace(dir);
        if (!Files.isRegularFile(ws.bible())) {
            throw new BadInputException(ws.bible().toString(), "not a series workspace (no series.yaml)",
                    "pass the folder that 'tsuzuku new' made, or make one with 'tsuzuku new'");
        }
        try (Studio studio = Studio.open(ws, clock, new ConsoleProgress(System.err, clock), database.url())) {
            Producer producer = studio.producer();
            List<Integer> episodes = producer.select(episode);
            if (episodes.isEmpty()) {
                out.println("nothing to produce: every written episode has a manifest."
                        + " Write the next one with: tsuzuku write " + ws.root() + " --episode N");
                return Main.OK;
            }
            Bible bible = BibleFile.load(ws.bible());
            for (int n : episodes) {
                Producer.Report r = producer.produce(bible, n, force);
                studio.produced(r);
                out.printf("episode %d: %s (%.1f s); %s%n", n, ws.relative(r.manifest().resolveSibling("episode.mp4")),
                        r.seconds(), r.reuse());
            }
            out.flush();
            return Main.OK;
        }
    }
}
