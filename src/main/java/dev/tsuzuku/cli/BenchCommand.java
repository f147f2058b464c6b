package dev.tsuzuku.cli;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.plan.WritersRoomBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsuzuku bench …}: performance checks a user can run on their own machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure how fast the pipeline runs here.",
        subcommands = {BenchCommand.WritersRoom.class, BenchProduceCommand.class, BenchPartsCommands.Animatic.class,
            BenchPartsCommands.Mix.class, BenchPartsCommands.Startup.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tsuzuku bench writers-room}: ingest + plan + write on ~0.25, 0.5 and 1 MB novels. */
    @Command(name = "writers-room", mixinStandardHelpOptions = true,
            description = "Time ingest, season planning and offline writing on 0.25, 0.5 and 1 MB novels.")
    static final class WritersRoom implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sample", paramLabel = "FILE", defaultValue = "samples/japanese-fairy-tales.txt",
                description = "The book to build the novels from (default: ${DEFAULT-VALUE}).")
        Path sample;

        @Option(names = "--episodes", paramLabel = "N", defaultValue = "150",
                description = "Also plan the 1 MB novel into exactly N episodes (default: ${DEFAULT-VALUE}).")
        int episodes;

        @Override
        public Integer call() {
            String text;
            try {
                text = Files.readString(sample);
            } catch (NoSuchFileException e) {
                throw new BadInputException(sample.toString(), "file not found",
                        "run from the repository folder, or pass --sample FILE with a plain-text book");
            } catch (IOException e) {
                throw new TsuzukuException("cannot read " + sample + ": " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("writers' room: ingest + plan + write (offline), warm-up run first;");
            out.println("times are CPU seconds of the working thread (a loaded machine stretches wall time, not these)");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            WritersRoomBench.Report r = new WritersRoomBench(text, threads::getCurrentThreadCpuTime, System::nanoTime)
                    .run(new int[] {256 * 1024, 512 * 1024, 1024 * 1024}, episodes);
            out.printf("%8s %8s %8s %8s %8s %8s %9s %10s%n", "size", "episodes", "ingest", "plan", "write", "total",
                    "ms/100KB", "wall(7×plan)");
            for (WritersRoomBench.Run run : r.runs()) {
                out.printf("%6dKB %8d %7.2fs %7.2fs %7.2fs %7.2fs %9.0f %9.2fs%n", run.bytes() / 1024, run.episodes(),
                        run.ingestSeconds(), run.planSeconds(), run.writeSeconds(), run.totalSeconds(), run.msPer100Kb(),
                        run.wallSeconds());
            }
            WritersRoomBench.Run fixed = r.fixedCount();
            out.printf("1 MB as exactly %d episodes: plan %.2fs, total %.2fs (%d episodes)%n", r.fixedEpisodes(),
                    fixed.planSeconds(), fixed.totalSeconds(), fixed.episodes());
            out.printf("linearity: plan(1 MB) / (4 × plan(0.25 MB)) = %.2f (%s; ≤ 1.2 is linear)%n", r.linearity(),
                    r.linearity() <= 1.2 ? "ok" : "HIGH");
            WritersRoomBench.Run mb = r.runs().get(r.runs().size() - 1);
            out.printf("1 MB total %.2fs against the %.0fs target: %s%n", mb.totalSeconds(),
                    WritersRoomBench.TARGET_SECONDS_PER_MB, mb.totalSeconds() <= WritersRoomBench.TARGET_SECONDS_PER_MB ? "ok" : "OVER");
            return Main.OK;
        }
    }
}
