package dev.tsuzuku.app;

import dev.tsuzuku.ingest.CastIndex;
import dev.tsuzuku.ingest.IngestStage;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** {@code tsuzuku new}: the ingest stage, run for a workspace that may not exist yet. */
public final class NewSeries {
    private NewSeries() {}

    /** What was made, for the summary: the source copy, the book's shape, the drafted cast and places. */
    public record Created(Path root, String sourceCopy, String title, String language, int chapters, int scenes,
                          int characters, List<String> topCast, int moreCast, List<String> places) {}

    /**
     * Reads and drafts (all bad input is found here, before the folder is touched), then writes
     * through the runner; {@code databaseUrl} is {@code --db} (null: {@code TSUZUKU_DB} or the workspace's own).
     */
    public static Created create(Path dir, Path from, String title, boolean force, String databaseUrl) {
        Workspace ws = new Workspace(dir);
        IngestStage.Ingested ingested = Studio.ingestStage(ws).job(from, title, force);
        // Opening the studio creates .tsuzuku/ and the state database, so the next command finds them.
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), Progress.silent(), databaseUrl)) {
            studio.runner().run(ingested.job(), force);
        }
        Source source = ingested.source();
        Bible bible = ingested.draft().bible();
        List<CastIndex.Member> members = ingested.draft().cast().members();
        List<CastIndex.Member> top = members.stream().limit(8).toList();
        return new Created(ws.root(), ws.relative(ingested.copy()), bible.title(), bible.language(),
                source.chapters().size(), source.chapters().stream().mapToInt(c -> c.scenes().size()).sum(),
                source.text().length(), top.stream().map(m -> m.name() + " (" + m.mentions().size() + ")").toList(),
                members.size() - top.size(), bible.places().stream().limit(8).map(Place::name).toList());
    }
}
