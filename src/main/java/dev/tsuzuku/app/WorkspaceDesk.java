package dev.tsuzuku.app;

import dev.tsuzuku.release.DropRules;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.store.SeriesRepository.StoredEpisode;
import dev.tsuzuku.studio.SeriesDesk;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workspace as the studio sees it, over the same state the CLI verbs use: episode status
 * from the state database ({@link EpisodeTracker}), approve and release as the repository's
 * allowed transitions (what {@code tsuzuku approve} and {@code tsuzuku release} do), the drop
 * calendar from the bible's schedule, the cost from the cost ledger. Regenerating a shot is
 * {@code tsuzuku regenerate}'s {@link TakeDesk}: the request is recorded in the ledger at once, and
 * the episode is produced again on the desk's one background worker (a produce waits for paid
 * takes, far longer than an HTTP request should). The recorded request is durable: if the server
 * stops first, the next {@code produce} of the episode makes the take.
 */
public final class WorkspaceDesk implements SeriesDesk, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceDesk.class);
    private static final Set<String> EPISODE_FILES = Set.of("episode.mp4", "episode.vtt", "episode.srt", "cover.jpg",
            "thumb.jpg", "script.fountain");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", java.util.Locale.ROOT);

    private final Studio studio;
    private final Workspace workspace;
    private final Clock clock;
    private final boolean owned;
    private final Executor worker;
    private final ExecutorService ownWorker;
    private final StoredRegenerations jobs;

    private WorkspaceDesk(Studio studio, boolean owned, Executor worker) {
        this.studio = studio;
        this.owned = owned;
        if (worker == null) {
            this.ownWorker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "studio-regenerate");
                t.setDaemon(true);
                return t;
            });
            this.worker = ownWorker;
        } else {
            this.ownWorker = null;
            this.worker = worker;
        }
        this.workspace = studio.workspace();
        this.clock = studio.clock();
        this.jobs = new StoredRegenerations(studio.database());
    }

    /** Opens the workspace in {@code dir} with its state database ({@code databaseUrl} as {@code --db}). */
    public static WorkspaceDesk open(Path dir, String databaseUrl, Clock clock) {
        Studio.openSeries(dir, databaseUrl).close(); // the same checks and messages as every verb
        return new WorkspaceDesk(Studio.open(new Workspace(dir), clock, Progress.silent(), databaseUrl), true, null);
    }

    /**
     * The desk of a studio someone else opened (and closes): {@code serve}'s, whose worker is the
     * only one that runs regenerations of its series, so that series' jobs left queued or running
     * by a stopped server are marked interrupted.
     */
    static WorkspaceDesk over(Studio studio) {
        WorkspaceDesk desk = new WorkspaceDesk(studio, false, null);
        String series = desk.id();
        int left = desk.jobs.interruptLeftovers(series, desk.clock.instant());
        if (left > 0) {
            LOG.info("{}: {} regeneration(s) were interrupted by the last stop; their requests are kept for the next produce",
                    series, left);
        }
        return desk;
    }

    /** The same with {@code worker} producing regenerated episodes (tests: one that runs when asked). */
    static WorkspaceDesk over(Studio studio, Executor worker) {
        return new WorkspaceDesk(studio, false, worker);
    }

    @Override
    public String id() {
        if (Files.isRegularFile(workspace.seasonJson())) {
            return season().series();
        }
        return workspace.root().toAbsolutePath().normalize().getFileName().toString();
    }

    /** The series with the drop calendar and buffer as {@code tsuzuku schedule} computes them ({@link Releases#schedule}). */
    @Override
    public SeriesView view() {
        EpisodeTracker.Status status = studio.episodes().status();
        String title = status.series().map(s -> s.title()).orElse(id());
        List<EpisodeView> episodes = status.episodes().stream().map(this::episodeView).toList();
        List<String> warnings = new ArrayList<>();
        if (status.series().isEmpty()) {
            warnings.add("no season planned yet: tsuzuku plan " + workspace.root());
            return new SeriesView(id(), title, episodes, List.of(), null, warnings);
        }
        Releases.Schedule schedule;
        try {
            schedule = studio.releases().schedule();
        } catch (TsuzukuException e) {
            // a broken bible shows up in every verb; the dashboard still shows status
            warnings.add(e.getMessage().lines().findFirst().orElse("the drop schedule cannot be read"));
            return new SeriesView(id(), title, episodes, List.of(), null, warnings);
        }
        List<Drop> calendar = new ArrayList<>();
        for (DropRules.EpisodeState e : schedule.plan().released()) {
            if (e.releasedAt() != null) {
                calendar.add(new Drop(e.number(), e.releasedAt(), LOCAL.format(e.releasedAt().atZone(schedule.calendar().schedule().zone())),
                        true, true));
            }
        }
        for (DropRules.Upcoming u : schedule.plan().upcoming()) {
            calendar.add(new Drop(u.episode(), u.drop().toInstant(), LOCAL.format(u.drop()), u.ready(), false));
        }
        schedule.overdue().ifPresent(o -> warnings.add("the drop of " + LOCAL.format(o) + " has not run yet (it runs when the server ticks)"));
        schedule.plan().warning().ifPresent(w -> warnings.add(w.message()));
        Instant runsOut = schedule.plan().warning().map(w -> w.drop().toInstant()).orElse(null);
        return new SeriesView(id(), title, episodes, calendar,
                new Buffer(schedule.plan().finishedAhead(), schedule.plan().buffer(), runsOut), warnings);
    }

    @Override
    public Optional<EpisodeReview> review(int episode) {
        Optional<StoredEpisode> stored = studio.episodes().status().episodes().stream()
                .filter(e -> e.number() == episode).findFirst();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<EpisodePlan> plan = season().episodes().stream().filter(e -> e.number() == episode).findFirst();
        Path dir = workspace.episodeDir(episode);
        String script = "";
        Path fountain = dir.resolve("script.fountain");
        if (Files.isRegularFile(fountain)) {
            script = Json.readText(fountain, "tsuzuku write " + workspace.root());
        }
        List<ShotView> shots = new ArrayList<>();
        Path board = dir.resolve("storyboard.json");
        if (Files.isRegularFile(board)) {
            Storyboard sb = Json.readFile(board, Storyboard.class, "tsuzuku board " + workspace.root());
            sb.shots().forEach(s -> shots.add(new ShotView(s.index(), s.kind().name().toLowerCase(java.util.Locale.ROOT),
                    s.frames() / (double) sb.fps(), s.prompt())));
        }
        return Optional.of(new EpisodeReview(episodeView(stored.get()),
                plan.map(p -> p.hook() == null ? "" : p.hook().text()).orElse(""),
                plan.map(EpisodePlan::coldOpen).orElse(""), script,
                Files.isRegularFile(dir.resolve("episode.mp4")), shots));
    }

    /** As {@code tsuzuku approve}: the approval (who, when, which animatic) is recorded, the episode becomes approved. */
    @Override
    public EpisodeView approve(int episode, String by) {
        studio.episodes().repository().episode(id(), episode)
                .filter(e -> e.status() != EpisodeStatus.PRODUCED && e.status() != EpisodeStatus.APPROVED)
                // refused with the episode's status and what to do (a planned or a released episode)
                .ifPresent(e -> studio.episodes().repository().transition(id(), episode, EpisodeStatus.APPROVED));
        studio.reviews().approve(episode, by);
        return current(episode);
    }

    /** As {@code tsuzuku release DIR --episode N}: the drop's rules (approved, every earlier episode out). */
    @Override
    public EpisodeView release(int episode, String by) {
        studio.releases().release(episode, (Instant) null);
        return current(episode);
    }

    /**
     * As {@code tsuzuku regenerate DIR --episode N --shot K --provider P}: the request is recorded
     * ({@link TakeDesk#request}, with the verb's checks), then the episode is produced again on the
     * background worker through the review gate and the budget, so the cut uses the new take. A
     * paid take of an episode nobody approved is refused here, rather than silently falling back
     * to the animatic in the background.
     */
    @Override
    public Regeneration regenerate(int episode, int shot, String provider) {
        String p = provider == null || provider.isBlank() ? null : provider;
        if (p != null && !p.equals("animatic") && studio.costs().approval(id(), episode).isEmpty()) {
            throw new dev.tsuzuku.model.BadInputException("episode " + episode,
                    "a new " + p + " take is paid, and episode " + episode + " is not approved",
                    "approve the episode first (the review gate), or regenerate with the animatic");
        }
        studio.takeDesk().request(episode, shot, p);
        String named = p == null ? "route" : p;
        String series = id();
        String job = jobs.add(series, episode, shot, named, "queued", clock.instant()).id();
        worker.execute(() -> {
            jobs.update(series, job, "running", null, clock.instant());
            try {
                studio.productionFloor().produce(Integer.toString(episode), false, false);
                jobs.update(series, job, "done", null, clock.instant());
                LOG.info("{}: episode {} produced again with a new take of shot {}", series, episode, shot);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                jobs.update(series, job, "failed", why, clock.instant());
                LOG.warn("{}: producing episode {} again for shot {} failed: {}", series, episode, shot, why);
            }
        });
        return new Regeneration(episode, shot, named, null, "queued");
    }

    /**
     * The episode's regenerations and where each stands, from the state database (so a restart
     * shows them; those a stop cut short are {@code interrupted}).
     */
    @Override
    public List<RegenerationJob> regenerations(int episode) {
        return jobs.of(id(), episode);
    }

    /** The bible's video providers in routing order, then the animatic (always there, the last fallback). */
    @Override
    public List<String> providers() {
        List<String> out = new ArrayList<>();
        try {
            out.addAll(BibleFile.generation(workspace.bible()).providers());
        } catch (TsuzukuException e) {
            // a broken bible shows up in every verb; the animatic is still there
        }
        out.remove("animatic");
        out.add("animatic");
        return List.copyOf(out);
    }

    @Override
    public Optional<Path> episodeFile(int episode, String name) {
        if (!EPISODE_FILES.contains(name)) {
            return Optional.empty();
        }
        Path file = workspace.episodeDir(episode).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void close() {
        if (ownWorker != null) {
            ownWorker.shutdownNow();
        }
        if (owned) {
            studio.close();
        }
    }

    private EpisodeView current(int episode) {
        return studio.episodes().repository().episode(id(), episode).map(this::episodeView)
                .orElseThrow(() -> new TsuzukuException("episode " + episode + " vanished from the state database"));
    }

    private EpisodeView episodeView(StoredEpisode e) {
        List<Stage> stages = new ArrayList<>();
        for (EpisodeStatus s : EpisodeStatus.values()) {
            String name = s.stage().orElse(s == EpisodeStatus.APPROVED ? "approve" : "release");
            stages.add(new Stage(name, e.status().atLeast(s)));
        }
        Optional<dev.tsuzuku.routing.Ledger.Approval> approval = studio.costs().approval(e.seriesId(), e.number());
        return new EpisodeView(e.number(), e.title(), e.status().wireName(), stages, e.updatedAt(), cost(e.seriesId(), e.number()),
                approval.map(dev.tsuzuku.routing.Ledger.Approval::by).orElse(null),
                approval.map(dev.tsuzuku.routing.Ledger.Approval::at).orElse(null));
    }

    /** Estimated and actual generation cost from the cost ledger, and the bible's cap per episode. */
    private Cost cost(String series, int episode) {
        List<dev.tsuzuku.routing.Ledger.Entry> entries = studio.costs().entries(series, episode);
        Double budget = null;
        String currency = "USD";
        try {
            dev.tsuzuku.model.Generation g = BibleFile.generation(workspace.bible());
            budget = g.perEpisode() > 0 ? g.perEpisode() : null;
            currency = g.currency() == null ? currency : g.currency();
        } catch (TsuzukuException e) {
            // a broken bible shows up in every verb; the dashboard still shows what was spent
        }
        if (entries.isEmpty()) {
            return new Cost(null, null, budget, currency);
        }
        double estimated = entries.stream().mapToDouble(dev.tsuzuku.routing.Ledger.Entry::estimatedUsd).sum();
        double actual = entries.stream().filter(x -> x.status().equals("succeeded") || x.status().equals("failed"))
                .mapToDouble(dev.tsuzuku.routing.Ledger.Entry::actualUsd).sum();
        return new Cost(estimated, actual, budget, currency);
    }

    private Season season() {
        return Json.readFile(workspace.seasonJson(), Season.class, "tsuzuku plan " + workspace.root());
    }
}
