package dev.tsuzuku.app;

import dev.tsuzuku.board.BoardStage;
import dev.tsuzuku.board.Storyboarder;
import dev.tsuzuku.ingest.IngestStage;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Generation;
import dev.tsuzuku.generate.MediaClipCheck;
import dev.tsuzuku.generate.TakeEngine;
import dev.tsuzuku.jobs.JobEngine;
import dev.tsuzuku.routing.AiGenerator;
import dev.tsuzuku.routing.Providers;
import dev.tsuzuku.routing.Takes;
import java.time.Duration;
import dev.tsuzuku.routing.Prices;
import dev.tsuzuku.store.CostLedger;
import dev.tsuzuku.video.CostEstimator;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.ConsoleProgress;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.StageLedger;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.plan.PlanStage;
import dev.tsuzuku.plan.SeasonPlanner;
import dev.tsuzuku.produce.Boarding;
import dev.tsuzuku.produce.ProduceStage;
import dev.tsuzuku.produce.ProduceSteps;
import dev.tsuzuku.produce.ProductionKit;
import dev.tsuzuku.render.FfmpegMediaTool;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.DatabaseStageLedger;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.story.LlmWriter;
import dev.tsuzuku.story.OfflineWriter;
import dev.tsuzuku.story.WriteStage;
import dev.tsuzuku.story.Writer;
import dev.tsuzuku.voice.OfflineVoices;
import dev.tsuzuku.voice.Soundtrack;
import dev.tsuzuku.voice.Voice;
import dev.tsuzuku.voice.VoiceCasting;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The composition root: builds the object graph for one workspace by hand. The CLI asks it for
 * the {@link WritersRoom} and the {@link ProductionFloor}; it builds every stage and every adapter
 * (nothing else constructs them), and one runner that runs every stage.
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
    private final Storyboarder storyboarder = new Storyboarder();
    private Voice voice;
    /** The produce adapters around the board stage's {@link Boarding}; tests hand in fakes. */
    private Function<Boarding, ProductionKit> kitFor = this::realKit;
    private ProductionKit kit;
    private MediaTool media;
    /** Where provider keys are read from: the process environment (tests hand in their own). */
    private Map<String, String> env = System.getenv();
    private AiGenerator generator;
    private CostLedger costs;

    private Studio(Workspace workspace, Clock clock, Progress progress, Database database) {
        this.workspace = workspace;
        this.database = database;
        this.clock = clock;
        this.progress = progress;
        this.tracker = new EpisodeTracker(database, workspace, clock);
        this.ledger = new DatabaseStageLedger(database, clock, tracker);
        this.runner = new StageRunner(workspace, ledger, clock, progress);
    }

    /** The environment variable naming the state database for every verb when {@code --db} is not given. */
    public static final String DATABASE_ENV = "TSUZUKU_DB";

    /**
     * The studio of the series in {@code dir}, as the CLI uses it: the UTC clock (one clock, one
     * zone for every verb) and progress on stderr. The folder must hold a series.yaml;
     * {@code databaseUrl} is {@code --db} (null: {@code TSUZUKU_DB}, else the workspace's own).
     */
    public static Studio openSeries(Path dir, String databaseUrl) {
        Workspace ws = new Workspace(dir);
        if (!Files.isDirectory(ws.root())) {
            throw new BadInputException(ws.root().toString(), "is not a series workspace folder",
                    "create one with: tsuzuku new " + dir + " --from SOURCE.txt");
        }
        if (!Files.isRegularFile(ws.bible())) {
            throw new BadInputException(ws.bible().toString(), "not a series workspace (no series.yaml)",
                    "pass the folder that 'tsuzuku new' made, or make one with: tsuzuku new " + dir + " --from SOURCE.txt");
        }
        Clock utc = Clock.systemUTC();
        return open(ws, utc, new ConsoleProgress(System.err, utc), databaseUrl);
    }

    /**
     * Opens the workspace: its state in the database {@code TSUZUKU_DB} names, or else in its own
     * {@code .tsuzuku/} (created with its state database when missing).
     */
    public static Studio open(Workspace workspace, Clock clock, Progress progress) {
        return open(workspace, clock, progress, (String) null);
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

    /**
     * Opens the workspace with other produce adapters (tests: fast fakes instead of the animatic,
     * the voices and ffmpeg), made around the real board stage's boarding; everything else is the
     * real graph.
     */
    static Studio open(Workspace workspace, Clock clock, Progress progress, Function<Boarding, ProductionKit> kitFor,
            MediaTool media) {
        Studio studio = open(workspace, clock, progress);
        studio.kitFor = kitFor;
        studio.media = media;
        return studio;
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
     * The series, episode status and artifacts in the database. Every stage goes through the runner,
     * whose ledger keeps it up to date.
     */
    public EpisodeTracker episodes() {
        return tracker;
    }

    /** plan, write and board. */
    public WritersRoom writersRoom() {
        return new WritersRoom(this);
    }

    /** Money: spent per episode, and the season's estimate. */
    public Costs costReport() {
        return new Costs(this);
    }

    /** An episode's takes, and a new take for a shot. */
    public TakeDesk takeDesk() {
        return new TakeDesk(this);
    }

    /** The review gate: approve an episode for paid generation. */
    public Reviews reviews() {
        return new Reviews(this);
    }

    /** The daily drop: release, schedule, the buffer (decision 0025). */
    public Releases releases() {
        return new Releases(this);
    }

    /** The series' JSON Feed and RSS of its released episodes. */
    public SeriesFeeds feeds() {
        return new SeriesFeeds(this);
    }

    /** export: an episode folder for TikTok, YouTube Shorts or Instagram Reels. */
    public Exports exports() {
        return new Exports(this);
    }

    /** produce. */
    public ProductionFloor productionFloor() {
        return new ProductionFloor(this, writersRoom());
    }

    // ---- stages ---------------------------------------------------------------------------------

    static IngestStage ingestStage(Workspace workspace) {
        return new IngestStage(workspace);
    }

    PlanStage planStage() {
        // with routing.writer: llm the LLM cuts the season too; the planner's season is its fallback
        return new PlanStage(workspace, new SeasonPlanner(), (source, bible, season) ->
                dev.tsuzuku.story.LlmRoom.fromBible(bible, System.getenv(), progress::note)
                        .map(room -> room.planSeason(source, bible, season)).orElse(season));
    }

    WriteStage writeStage(Writer writer) {
        return new WriteStage(workspace, writer);
    }

    BoardStage boardStage() {
        return new BoardStage(workspace, storyboarder);
    }

    ProduceStage produceStage(WritersRoom room) {
        ProductionKit k = produceKit(room);
        return new ProduceStage(workspace, clock, k.boarding(),
                ProduceSteps.standard(k, media(), new ArtifactCache(workspace.cacheDir(), progress::note), clock),
                ProduceSteps.versions(k, media()), k.generator());
    }

    /** The cost ledger and the review gate's approvals, in the state database. */
    public synchronized CostLedger costs() {
        if (costs == null) {
            costs = new CostLedger(database, clock);
        }
        return costs;
    }

    /** The environment provider keys are read from (tests: a map of their own). */
    Map<String, String> env() {
        return env;
    }

    void env(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * AI generation as the bible's {@code generation:} section asks for it, or null when the
     * section is absent (every shot is the animatic's, exactly as before).
     */
    synchronized AiGenerator generator() {
        if (generator == null) {
            if (!java.nio.file.Files.exists(workspace.bible())) {
                return null; // a scratch workspace (the produce bench) has no bible file: the animatic only
            }
            Generation g = BibleFile.generation(workspace.bible());
            if (g.animaticOnly()) {
                return null;
            }
            Providers providers = GenerationWiring.providers(g, env, clock);
            generator = new AiGenerator(g, providers, new CostEstimator(Prices.of(g)), costs(), workspace, clock,
                    takes(g, providers));
        }
        return generator;
    }

    /** Tests run the job engine by hand: its own clock, due jobs run on the caller's thread, no waiting. */
    void manualJobs(boolean manual) {
        this.manualJobs = manual;
    }

    private boolean manualJobs;
    private JobEngine jobs;
    private TakeEngine takeEngine;
    private java.util.function.BiFunction<String, Long, java.net.URI> callbacks;

    /**
     * The webhook address per provider and take id the engine sends with each submission (the
     * served studio's signed {@code /hooks} address); set before the engine is built. Null: none.
     */
    synchronized void callbacks(java.util.function.BiFunction<String, Long, java.net.URI> url) {
        this.callbacks = url;
    }

    /** The series' take engine, started on first use; empty when the bible has no generation section. */
    synchronized Optional<TakeEngine> takeEngine() {
        generator();
        return Optional.ofNullable(takeEngine);
    }
    /** How long produce waits for one take to settle before it gives up on it (it stays in the engine). */
    static final Duration TAKE_TIMEOUT = Duration.ofHours(2);

    /** The durable task engine the takes go through, started on the state database. */
    private Takes takes(Generation g, Providers providers) {
        TakeEngine.Builder b = TakeEngine.builder(database, workspace.root()).clipCheck(MediaClipCheck.local());
        providers.video().values().forEach(vp -> b.video(vp, concurrency(g, vp.name())));
        providers.keyframes().forEach(kp -> b.keyframes(kp, concurrency(g, kp.name())));
        TakeEngine[] self = new TakeEngine[1];
        java.util.function.BiFunction<String, Long, java.net.URI> url = callbacks;
        if (url != null) {
            b.callbacks(id -> self[0].take(id).map(t -> url.apply(t.provider(), id)).orElse(null));
        }
        TakeEngine engine = b.build();
        self[0] = engine;
        takeEngine = engine;
        JobEngine.Builder jb = engine.register(JobEngine.on(database, clock));
        jobs = manualJobs ? jb.startManual() : jb.start();
        return new EngineTakes(engine, workspace.root(), TAKE_TIMEOUT);
    }

    private static int concurrency(Generation g, String provider) {
        Generation.Account a = g.accounts().get(provider);
        return a == null ? 2 : a.concurrency();
    }

    // ---- adapters -------------------------------------------------------------------------------

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

    Storyboarder storyboarder() {
        return storyboarder;
    }

    synchronized ProductionKit produceKit(WritersRoom room) {
        if (kit == null) {
            kit = kitFor.apply(new StageBoarding(room, storyboarder));
            AiGenerator g = generator();
            if (g != null && !kit.generator().enabled()) {
                kit = new ProductionKit(kit.boarding(), kit.pictures(), kit.voice(), kit.casting(), kit.mixing(), g);
            }
        }
        return kit;
    }

    private ProductionKit realKit(Boarding boarding) {
        return new ProductionKit(boarding, new AnimaticPictures(), voice(), VoiceCasting::specFor,
                new SoundtrackMixing(soundtrack()));
    }

    /** ffmpeg and ffprobe, bundled: encode, mux, probe. */
    synchronized MediaTool media() {
        if (media == null) {
            media = FfmpegMediaTool.local();
        }
        return media;
    }

    @Override
    public void close() {
        if (jobs != null) {
            jobs.close();
        }
        database.close();
        if (logging) {
            Logging.leave(workspace.logsDir());
        }
    }
}
