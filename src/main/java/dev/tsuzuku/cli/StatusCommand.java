package dev.tsuzuku.cli;

import dev.tsuzuku.app.SeriesStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tsuzuku status DIR}: each episode's place in the pipeline, as the state database has it. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Where each episode stands (planned, written, boarded, produced, approved, released), from the state database.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The series folder.")
    Path dir;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SeriesStatus.report(dir, database.url()).forEach(out::println);
        out.flush();
        return Main.OK;
    }
}
