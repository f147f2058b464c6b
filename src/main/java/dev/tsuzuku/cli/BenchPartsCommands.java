package dev.tsuzuku.cli;

import dev.tsuzuku.app.PartBenches;
import dev.tsuzuku.app.StartupBench;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The timed checks of single parts of the pipeline ({@code bench animatic}, {@code bench mix},
 * {@code bench startup}). They print their figures and the budget they are judged by; the tests
 * never time anything.
 */
final class BenchPartsCommands {
    private BenchPartsCommands() {}

    @Command(name = "animatic", mixinStandardHelpOptions = true,
            description = "Time the drawing of typical animatic frames (1080×1920) against the per-frame budget.")
    static final class Animatic implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--frames", paramLabel = "N", defaultValue = "150",
                description = "Frames per shot; two shots are drawn twice (default: ${DEFAULT-VALUE}).")
        int frames;

        @Override
        public Integer call() {
            if (frames < 2 || frames > 3000) {
                throw new BadInputException("--frames", "expected 2–3000, got " + frames, "e.g. --frames 150");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("animatic: two typical shots, drawn cold then warm; times are CPU time of the drawing thread");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            PartBenches.animatic(frames, threads::getCurrentThreadCpuTime).forEach(out::println);
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "mix", mixinStandardHelpOptions = true,
            description = "Time the soundtrack mix of one episode (bed, effects, stinger, a line every 110 frames).")
    static final class Mix implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "150",
                description = "Length of the synthetic episode (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() throws IOException {
            if (seconds < 10 || seconds > 600) {
                throw new BadInputException("--seconds", "expected 10–600, got " + seconds, "e.g. --seconds 150");
            }
            PrintWriter out = spec.commandLine().getOut();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Path scratch = Files.createTempDirectory("tsuzuku-bench-mix-");
            try {
                PartBenches.mix(scratch, seconds, threads::getCurrentThreadCpuTime).forEach(out::println);
            } finally {
                delete(scratch);
            }
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = "Time what every command pays first: opening and closing a workspace in a fresh JVM.")
    static final class Startup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--probe", hidden = true, paramLabel = "DIR",
                description = "Internal: open and close DIR once in this JVM and print the time it took.")
        Path probe;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (probe != null) {
                out.println(StartupBench.openAndClose(probe));
                out.flush();
                return Main.OK;
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "bench", "startup", "--probe");
            Path scratch = Files.createTempDirectory("tsuzuku-bench-startup-");
            try {
                out.println("startup: Studio.open + close in a fresh JVM each time (wall and process CPU time)");
                new StartupBench(StartupBench.freshJvm(command)).run(scratch).lines().forEach(out::println);
            } finally {
                delete(scratch);
            }
            out.flush();
            return Main.OK;
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new TsuzukuException("cannot delete the scratch folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
