package dev.tsuzuku.cli;

import dev.tsuzuku.app.EngineBenchmark;
import dev.tsuzuku.model.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku bench engine}: the durable take engine's makespan against the ideal. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Drive shots through a stub provider with a set latency and concurrency limit; print makespan vs ideal.")
final class BenchEngineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--shots", paramLabel = "N", defaultValue = "1000", description = "Shots (default: ${DEFAULT-VALUE}).")
    int shots;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "50",
            description = "The stub account's concurrency limit (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "2000",
            description = "How long each task takes at the stub (default: ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
            description = "Job engine worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "both",
            description = "callback (the stub calls back when a task ends), poll (no callbacks, no task times: as Runway),"
                    + " timed (no callbacks, task times in each answer: as Seedance and Kling), both (callback and poll)"
                    + " or all, one after the other (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--rounds", description = "Also print each mode's rounds: learnt latency, detection, slot idle time,"
            + " polls per task.")
    boolean rounds;

    @Option(names = "--db", paramLabel = "WHERE", defaultValue = "file",
            description = "file (an H2 file, synced on every commit, as a workspace has), memory (H2 in memory: the engine's"
                    + " own overhead) or a PostgreSQL URL with an empty schema (default: ${DEFAULT-VALUE}).")
    String db;

    @Override
    public Integer call() throws IOException {
        if (shots < 1 || shots > 100_000) {
            throw new BadInputException("--shots", "expected 1–100000, got " + shots, "e.g. --shots 1000");
        }
        if (concurrency < 1 || concurrency > 1000) {
            throw new BadInputException("--concurrency", "expected 1–1000, got " + concurrency, "e.g. --concurrency 50");
        }
        if (latencyMs < 1 || latencyMs > 600_000) {
            throw new BadInputException("--latency-ms", "expected 1–600000, got " + latencyMs, "e.g. --latency-ms 2000");
        }
        if (threads < 1 || threads > 256) {
            throw new BadInputException("--threads", "expected 1–256, got " + threads, "e.g. --threads 8");
        }
        if (!List.of("callback", "poll", "timed", "both", "all").contains(mode)) {
            throw new BadInputException("--mode", "expected callback, poll, timed, both or all, got '" + mode + "'",
                    "e.g. --mode both");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("engine: takes through a stub provider on a fresh state database per mode (real clock)");
        out.flush();
        Path scratch = Files.createTempDirectory("tsuzuku-bench-engine-");
        try {
            String url = switch (db) {
                case "file" -> null;
                case "memory" -> EngineBenchmark.inMemory();
                default -> db;
            };
            EngineBenchmark.run(scratch, url, mode, shots, concurrency, Duration.ofMillis(latencyMs), threads,
                    rounds, System::nanoTime, line -> {
                        out.println(line);
                        out.flush();
                    });
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        out.flush();
        return Main.OK;
    }
}
