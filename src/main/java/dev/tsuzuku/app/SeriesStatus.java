package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.store.SeriesRepository.StoredEpisode;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code tsuzuku status DIR}: each episode's place in the pipeline, as the state database has it, line by line. */
public final class SeriesStatus {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private SeriesStatus() {}

    /** {@code databaseUrl}: {@code --db}, or null for {@code TSUZUKU_DB} or the workspace's own database. */
    public static List<String> report(Path dir, String databaseUrl) {
        Workspace ws = new Workspace(dir);
        if (!Files.isRegularFile(ws.bible())) {
            throw new BadInputException(ws.bible().toString(), "not a series workspace (no series.yaml)",
                    "pass the folder that 'tsuzuku new' made, or make one with: tsuzuku new DIR --from BOOK.txt");
        }
        List<String> out = new ArrayList<>();
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), Progress.silent(), databaseUrl)) {
            EpisodeTracker.Status status = studio.episodes().status();
            if (status.series().isEmpty()) {
                out.add("no season planned yet (state in " + studio.database().where() + ")");
                out.add("next: tsuzuku plan " + dir);
                return out;
            }
            var series = status.series().get();
            out.add(String.format("%s (%s), state in %s%n", series.title(), series.id(), studio.database().where()));
            out.add(String.format("%-4s %-9s %-16s  %s", "ep", "status", "updated (UTC)", "title"));
            for (StoredEpisode e : status.episodes()) {
                out.add(String.format("%-4s %-9s %-16s  %s", EpisodePlan.folder(e.number()), e.status().wireName(),
                        WHEN.format(e.updatedAt()), e.title()));
            }
            if (!status.failures().isEmpty()) {
                out.add("");
                out.add("failed last time (the next run tries again):");
                for (EpisodeTracker.Failure f : status.failures()) {
                    String error = f.error() == null ? "" : f.error().lines().findFirst().orElse("");
                    out.add(String.format("  %s %s: %s", f.subject(), f.stage(), error.length() > 100 ? error.substring(0, 99) + "…" : error));
                }
            }
            out.add(String.format("%n%d episodes: %s", status.totals().episodes(), status.totals().render()));
            next(status, dir).ifPresent(n -> out.add("next: " + n));
            return out;
        }
    }

    /** The command that moves the series on: write the unwritten, then produce the next. */
    private static Optional<String> next(EpisodeTracker.Status status, Path dir) {
        var totals = status.totals();
        if (totals.reached(EpisodeStatus.WRITTEN) < totals.episodes()) {
            return Optional.of("tsuzuku write " + dir);
        }
        if (totals.reached(EpisodeStatus.PRODUCED) < totals.episodes()) {
            return Optional.of("tsuzuku produce " + dir + " --episode next");
        }
        return Optional.empty();
    }
}
