package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tsuzuku schedule DIR}: the drop calendar, as the studio shows it. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "The drop calendar: which episode drops when, which are ready, the production buffer and the next drop that would be missed.")
final class ScheduleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeriesFolder series;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = series.open()) {
            studio.releases().report().forEach(out::println);
        }
        out.flush();
        return Main.OK;
    }
}
