package dev.tsuzuku.cli;

import dev.tsuzuku.app.Benches;
import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Time the produce stage here: full produce by step, one-line re-produce, and render+encode "
                + "against x264 alone on the very same frames.")
final class BenchProduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "150", description = "Length of the synthetic episode (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--clip", defaultValue = "20",
            description = "Seconds of shots (spread over the episode) for the render+encode vs x264 comparison; "
                    + "captured as raw yuv420p, about 93 MB a second (default ${DEFAULT-VALUE}).")
    int clip;

    @Option(names = "--keep", description = "Keep the scratch workspace and print where it is.")
    boolean keep;

    @Override
    public Integer call() throws IOException {
        if (seconds < 10 || seconds > 600) {
            throw new dev.tsuzuku.model.BadInputException("--seconds", "expected 10–600, got " + seconds, "e.g. --seconds 150");
        }
        if (clip < 2 || clip > 60) {
            throw new dev.tsuzuku.model.BadInputException("--clip", "expected 2–60, got " + clip, "e.g. --clip 20");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path scratch = Files.createTempDirectory("tsuzuku-bench-");
        try {
            Benches.produce(scratch, seconds, clip).forEach(out::println);
            out.flush();
            return Main.OK;
        } finally {
            if (keep) {
                out.println("scratch workspace: " + scratch);
            } else {
                delete(scratch);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new TsuzukuException("cannot delete the scratch workspace " + dir + ": " + e.getMessage(), e);
        }
    }
}
