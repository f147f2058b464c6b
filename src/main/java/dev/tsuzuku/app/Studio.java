package dev.tsuzuku.app;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.StageLedger;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.DatabaseStageLedger;
import dev.tsuzuku.story.LlmWriter;
import dev.tsuzuku.story.OfflineWriter;
import dev.tsuzuku.story.Writer;
import dev.tsuzuku.voice.OfflineVoices;
import dev.tsuzuku.voice.Soundtrack;
import dev.tsuzuku.voice.Voice;
import dev.tsuzuku.workspace.Workspace;
import java.time.Clock;

/**
 * The composition root: builds the object graph for one workspace by hand. Commands ask it for
 * what they need; nothing else constructs adapters.
 */
public final class Studio implements AutoCloseable {
    private final Workspace workspace;
    private final Clock clock;
    private final Progress progress;
    private final StageLedger ledger;
    private final StageRunner runner;
    private final Database database;
    private Voice voice;

    private Studio(Workspace workspace, Clock clock, Progress progress, Database database) {
        this.workspace = workspace;
        this.database = database;
        this.clock = clock;
        this.progress = progress;
        this.ledger = new DatabaseStageLedger(database, clock);
        this.runner = new StageRunner(workspace, ledger, clock);
    }

    /** Opens the workspace: creates {@code .tsuzuku/} and its state database when missing. */
    public static Studio open(Workspace workspace, Clock clock, Progress progress) {
        Logging.enter(workspace.logsDir()); // debug to .tsuzuku/logs/ until close
        return new Studio(workspace, clock, progress, Database.open(workspace));
    }

    /** Opens the workspace with its state in another database ({@code postgresql://…} for scale-out). */
    public static Studio open(Workspace workspace, Clock clock, Progress progress, String databaseUrl) {
        Logging.enter(workspace.logsDir());
        return new Studio(workspace, clock, progress, Database.open(databaseUrl));
    }

    public Workspace workspace() {
        return workspace;
    }

    public Clock clock() {
        return clock;
    }

    public Progress progress() {
        return progress;
    }

    public StageLedger ledger() {
        return ledger;
    }

    public StageRunner runner() {
        return runner;
    }

    public Database database() {
        return database;
    }

    /**
     * The writer the bible's routing asks for: the offline writer (the default), or the LLM
     * writer, which falls back to the offline one and says so through the progress notes.
     */
    public Writer writer(Bible bible) {
        if (bible.routing() != null && bible.routing().llmApiKeyEnv() != null) {
            Logging.neverLog(System.getenv(bible.routing().llmApiKeyEnv())); // whatever the key's variable is called
        }
        return LlmWriter.fromBible(bible, System.getenv(), new OfflineWriter(), progress::note);
    }

    /** The offline voice: espeak-ng when installed, otherwise the built-in one (the user is told once). */
    public synchronized Voice voice() {
        if (voice == null) {
            voice = OfflineVoices.pick(progress::note);
        }
        return voice;
    }

    /** Music, stinger, effects and the final mix of an episode's sound. */
    public Soundtrack soundtrack() {
        return new Soundtrack();
    }

    /** The produce stage for this workspace: episode.mp4, sidecars and manifest from script.json. */
    public dev.tsuzuku.produce.Producer producer() {
        return ProduceWiring.producer(this);
    }

    @Override
    public void close() {
        database.close();
        Logging.leave(workspace.logsDir());
    }
}
