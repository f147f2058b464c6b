package dev.tsuzuku.app;

import dev.tsuzuku.ingest.CastIndex;
import dev.tsuzuku.ingest.IngestStage;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.story.LlmRoom;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** {@code tsuzuku new}: the ingest stage, run for a workspace that may not exist yet. */
public final class NewSeries {
    private NewSeries() {}

    /** What was made, for the summary: the source copy, the book's shape, the drafted cast and places. */
    public record Created(Path root, String sourceCopy, String title, String language, int chapters, int scenes,
                          int characters, List<String> topCast, int moreCast, List<String> places) {}

    /**
     * Who drafts the bible: {@code writer} "llm" or "offline" (null: what an existing series.yaml's
     * {@code routing.writer} says when it is replaced, else offline); the other fields override the
     * routing's LLM endpoint, model, key variable and context size (null keeps them).
     */
    public record Drafting(String writer, String llmBaseUrl, String llmModel, String llmApiKeyEnv, Integer llmContextTokens) {
        public static final Drafting OFFLINE = new Drafting(null, null, null, null, null);
    }

    /** {@link #create(Path, Path, String, boolean, String, Drafting, Map, Consumer)} offline. */
    public static Created create(Path dir, Path from, String title, boolean force, String databaseUrl) {
        return create(dir, from, title, force, databaseUrl, Drafting.OFFLINE, Map.of(), line -> {});
    }

    /**
     * Reads and drafts (all bad input is found here, before the folder is touched), then writes
     * through the runner; {@code databaseUrl} is {@code --db} (null: {@code TSUZUKU_DB} or the workspace's own).
     * With the LLM writer the bible's cast, setting and logline come from the LLM writers' room
     * (progress, fallbacks and the token count go to {@code notices}; the key is read from {@code env}).
     */
    public static Created create(Path dir, Path from, String title, boolean force, String databaseUrl, Drafting drafting,
            Map<String, String> env, Consumer<String> notices) {
        Workspace ws = new Workspace(dir);
        Routing routing = llmRouting(ws, force, drafting);
        IngestStage.Redraft redraft = routing == null ? IngestStage.Redraft.NONE : llmRedraft(routing, env, notices);
        IngestStage.Ingested ingested = Studio.ingestStage(ws).job(from, title, force, redraft);
        // Opening the studio creates .tsuzuku/ and the state database, so the next command finds them.
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), Progress.silent(), databaseUrl)) {
            studio.runner().run(ingested.job(), force);
        }
        Source source = ingested.source();
        Bible bible = ingested.draft().bible();
        List<CastIndex.Member> members = ingested.draft().cast().members();
        List<String> top;
        int more;
        if (routing == null) {
            top = members.stream().limit(8).map(m -> m.name() + " (" + m.mentions().size() + ")").toList();
            more = members.size() - top.size();
        } else { // the LLM's cast: names and roles, not the offline index's mention counts
            List<String> all = bible.cast().stream().map(c -> c.name() + " (" + c.role().name().toLowerCase(Locale.ROOT) + ")").toList();
            top = all.subList(0, Math.min(8, all.size()));
            more = all.size() - top.size();
        }
        return new Created(ws.root(), ws.relative(ingested.copy()), bible.title(), bible.language(),
                source.chapters().size(), source.chapters().stream().mapToInt(c -> c.scenes().size()).sum(),
                source.text().length(), top, more, bible.places().stream().limit(8).map(Place::name).toList());
    }

    /** The routing of an LLM-drafted bible, or null for the offline draft. */
    static Routing llmRouting(Workspace ws, boolean force, Drafting d) {
        Routing existing = null;
        if (force && Files.exists(ws.bible())) {
            try {
                existing = BibleFile.load(ws.bible()).routing();
            } catch (BadInputException e) {
                existing = null; // a broken bible is being replaced: its routing is not worth keeping
            }
        }
        String writer = d.writer() != null ? d.writer().strip().toLowerCase(Locale.ROOT)
                : existing != null ? existing.writer() : "offline";
        if (!writer.equals("llm")) {
            return null;
        }
        Routing base = existing != null ? existing : BibleFile.DEFAULT_ROUTING;
        return base.withLlm(d.llmBaseUrl(), d.llmModel(), d.llmApiKeyEnv(), d.llmContextTokens());
    }

    /**
     * The LLM writers' room over the offline draft: its bible is checked like a series.yaml the
     * user wrote; one that does not validate is dropped for the offline draft, with a notice.
     */
    static IngestStage.Redraft llmRedraft(Routing routing, Map<String, String> env, Consumer<String> notices) {
        return new IngestStage.Redraft() {
            @Override
            public String key() {
                return "llm " + routing.llmBaseUrl() + " " + routing.llmModel() + " " + routing.llmContextTokens();
            }

            @Override
            public Bible redraft(Source source, Bible offline) {
                Bible withRouting = offline.withRouting(routing);
                LlmRoom room = LlmRoom.fromBible(withRouting, env, notices).orElseThrow();
                Bible drafted = room.draftBible(source, withRouting);
                if (drafted == withRouting) {
                    return withRouting; // the room fell back and said why
                }
                try {
                    BibleFile.parse("series.yaml", BibleFile.render(drafted));
                    return drafted;
                } catch (BadInputException e) {
                    notices.accept("llm bible: the drafted bible does not validate (" + e.problems().get(0).message()
                            + "); kept the offline draft");
                    return withRouting;
                }
            }
        };
    }
}
