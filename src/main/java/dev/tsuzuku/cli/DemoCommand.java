package dev.tsuzuku.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The main job on the bundled sample, in one command: a workspace from the sample book, the
 * season plan, every script, and finished episodes. Each step is the ordinary verb, so a re-run
 * reuses everything that is already done.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole studio on the bundled sample book: new, plan, write, then produce the first episodes.")
final class DemoCommand implements Callable<Integer> {

    static final Path SAMPLE = Path.of("samples", "japanese-fairy-tales.txt");

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "demo",
            description = "Workspace to create or continue (default: ./demo).")
    Path dir;

    @Option(names = "--from", paramLabel = "FILE", description = "Source text (default: the bundled ${DEFAULT-VALUE}).")
    Path from;

    @Option(names = "--produce", paramLabel = "N", defaultValue = "3",
            description = "How many episodes to produce as video (default: ${DEFAULT-VALUE}; 0 = stop after the scripts).")
    int produce;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path source = from != null ? from : sample();
        List<String[]> steps = new ArrayList<>();
        if (!Files.exists(dir.resolve("series.yaml"))) {
            steps.add(new String[] {"new", dir.toString(), "--from", source.toString()});
        }
        steps.add(new String[] {"plan", dir.toString()});
        steps.add(new String[] {"write", dir.toString(), "--episode", "all"});
        for (int n = 1; n <= produce; n++) {
            steps.add(new String[] {"produce", dir.toString(), "--episode", Integer.toString(n)});
        }
        CommandLine root = spec.root().commandLine();
        for (String[] step : steps) {
            root.getOut().println("\n$ tsuzuku " + String.join(" ", step));
            root.getOut().flush();
            int code = root.execute(step);
            if (code != Main.OK) {
                return code;
            }
        }
        Path ws = dir.toAbsolutePath().normalize();
        root.getOut().println();
        root.getOut().println("Done. Your series is in " + ws);
        root.getOut().println("  season.md                 the season plan (hooks and why each cut is there)");
        root.getOut().println("  episodes/001/script.fountain   the screenplay");
        if (produce > 0) {
            root.getOut().println("  episodes/001/episode.mp4  the vertical episode (1080x1920, H.264/AAC), with .srt/.vtt, cover.jpg, manifest.json");
        }
        return Main.OK;
    }

    /** The bundled sample, found next to the launcher whatever the working directory. */
    static Path sample() {
        String home = System.getProperty("tsuzuku.home");
        Path base = home != null ? Path.of(home) : Path.of("");
        return base.resolve(SAMPLE);
    }
}
