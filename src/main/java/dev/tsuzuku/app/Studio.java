package dev.tsuzuku.app;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.StageLedger;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.produce.Producer;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.DatabaseStageLedger;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.story.LlmWriter;
import dev.tsuzuku.story.OfflineWriter;
import dev.tsuzuku.story.Writer;
import dev.tsuzuku.voice.OfflineVoices;
import dev.tsuzuku.voice.Soundtrack;
import dev.tsuzuku.voice.Voice;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private boolean logging;
    private final EpisodeTracker tracker;
    private Voice voice;

    private Studio(Workspace workspace, Clock clock, Progress progress, Database database) {
        this.workspace = workspace;
        this.database = database;
        this.clock = clock;
        this.progress = progress;
        this.tracker = new EpisodeTracker(database, workspace, clock);
        this.ledger = new DatabaseStageLedger(database, clock, tracker);
        this.runner = new StageRunner(workspace, ledger, clock);
    }

    /** The environment variable naming the state database for every verb when {@code --db} is not given. */
    public static final String DATABASE_ENV = "TSUZUKU_DB";

    /**
     * Opens the workspace: its state in the database {@code TSUZUKU_DB} names, or else in its own
     * {@code .tsuzuku/} (created with its state database when missing).
     */
    public static Studio open(Workspace workspace, Clock clock, Progress progress) {
        return open(workspace, clock, progress, null);
    }

    /**
     * Opens the workspace with its state in the database at {@code databaseUrl} ({@code --db}
     * {@code postgresql://…}); when null, as {@link #open(Workspace, Clock, Progress)}.
     */
    public static Studio open(Workspace workspace, Clock clock, Progress progress, String databaseUrl) {
        String url = databaseUrl(databaseUrl, System.getenv());
        // debug to .tsuzuku/logs/ until close; with the state elsewhere, only into a .tsuzuku/ that exists
        boolean logging = (url == null || Files.isDirectory(workspace.stateDir())) && Logging.enter(workspace.logsDir());
        try {
            Studio studio = new Studio(workspace, clock, progress, url == null ? Database.open(workspace) : Database.open(url));
            studio.logging = logging;
            return studio;
        } catch (RuntimeException e) {
            if (logging) {
                Logging.leave(workspace.logsDir());
            }
            throw e;
        }
    }

    /** The database URL to use: the one given, else {@code TSUZUKU_DB}, else null (the workspace's own). */
    public static String databaseUrl(String given, Map<String, String> env) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String fromEnv = env.get(DATABASE_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
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
     * The series, episode status and artifacts in the database. Stages run by the runner update it
     * through the ledger; a stage that is not (yet) run by the runner reports with {@link #stageRan}.
     */
    public EpisodeTracker episodes() {
        return tracker;
    }

    /**
     * Tells the database that a stage finished for a subject ("episode/001") outside the runner and
     * wrote these files; the ledger does this itself for every run it records.
     */
    public void stageRan(String stage, String subject, List<Path> files) {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                outputs.put(workspace.relative(f), InputHash.file(f));
            }
        }
        tracker.stageRan(stage, subject, outputs);
    }

    /**
     * Records a produced episode (status produced, its files as artifacts). Produce does not go
     * through the runner yet; once it does, the ledger records it and this call goes.
     */
    public void produced(Producer.Report report) {
        Path dir = report.manifest().getParent();
        Manifest.Files f = Manifest.standardFiles();
        stageRan("produce", "episode/" + EpisodePlan.folder(report.episode()), List.of(
                dir.resolve(f.video()), dir.resolve(f.srt()), dir.resolve(f.vtt()), dir.resolve(f.cover()),
                dir.resolve(f.thumb()), report.manifest()));
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
        if (logging) {
            Logging.leave(workspace.logsDir());
        }
    }
}
