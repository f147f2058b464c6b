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
        description = "Time the produce stage here: render+encode vs encode alone, real-time multiple, one-line re-produce.")
final class BenchProduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "150", description = "Length of the synthetic episode (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--keep", description = "Keep the scratch workspace and print where it is.")
    boolean keep;

    @Override
    public Integer call() throws IOException {
        if (seconds < 10 || seconds > 600) {
            throw new dev.tsuzuku.model.BadInputException("--seconds", "expected 10–600, got " + seconds, "e.g. --seconds 150");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path scratch = Files.createTempDirectory("tsuzuku-bench-");
        try {
            Benches.produce(scratch, seconds).forEach(out::println);
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
