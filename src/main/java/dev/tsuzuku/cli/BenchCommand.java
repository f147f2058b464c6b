package dev.tsuzuku.cli;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.app.Benches;
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
            BenchPartsCommands.Mix.class, BenchPartsCommands.Startup.class, BenchEngineCommand.class,
            BenchServeCommand.class})
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
            Benches.writersRoom(text, episodes, threads::getCurrentThreadCpuTime, System::nanoTime).forEach(out::println);
            return Main.OK;
        }
    }
}
