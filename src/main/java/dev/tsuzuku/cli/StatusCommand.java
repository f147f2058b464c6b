package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.store.SeriesRepository.StoredEpisode;
import dev.tsuzuku.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The series folder.")
    Path dir;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        Workspace ws = new Workspace(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(ws.bible())) {
            throw new BadInputException(ws.bible().toString(), "not a series workspace (no series.yaml)",
                    "pass the folder that 'tsuzuku new' made, or make one with: tsuzuku new DIR --from BOOK.txt");
        }
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), Progress.silent(), database.url())) {
            EpisodeTracker.Status status = studio.episodes().status();
            if (status.series().isEmpty()) {
                out.println("no season planned yet (state in " + studio.database().where() + ")");
                out.println("next: tsuzuku plan " + dir);
                out.flush();
                return Main.OK;
            }
            var series = status.series().get();
            out.printf("%s (%s), state in %s%n%n", series.title(), series.id(), studio.database().where());
            out.printf("%-4s %-9s %-16s  %s%n", "ep", "status", "updated (UTC)", "title");
            for (StoredEpisode e : status.episodes()) {
                out.printf("%-4s %-9s %-16s  %s%n", EpisodePlan.folder(e.number()), e.status().wireName(),
                        WHEN.format(e.updatedAt()), e.title());
            }
            if (!status.failures().isEmpty()) {
                out.println();
                out.println("failed last time (the next run tries again):");
                for (EpisodeTracker.Failure f : status.failures()) {
                    String error = f.error() == null ? "" : f.error().lines().findFirst().orElse("");
                    out.printf("  %s %s: %s%n", f.subject(), f.stage(), error.length() > 100 ? error.substring(0, 99) + "…" : error);
                }
            }
            out.printf("%n%d episodes: %s%n", status.totals().episodes(), status.totals().render());
            next(status).ifPresent(n -> out.println("next: " + n));
            out.flush();
            return Main.OK;
        }
    }

    /** The command that moves the series on: write the unwritten, then produce the next. */
    private java.util.Optional<String> next(EpisodeTracker.Status status) {
        var totals = status.totals();
        if (totals.reached(EpisodeStatus.WRITTEN) < totals.episodes()) {
            return java.util.Optional.of("tsuzuku write " + dir);
        }
        if (totals.reached(EpisodeStatus.PRODUCED) < totals.episodes()) {
            return java.util.Optional.of("tsuzuku produce " + dir + " --episode next");
        }
        return java.util.Optional.empty();
    }
}
