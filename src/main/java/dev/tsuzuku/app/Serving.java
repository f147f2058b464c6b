package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.serve.Library;
import dev.tsuzuku.serve.NextDrop;
import dev.tsuzuku.serve.PlayerRoutes;
import dev.tsuzuku.serve.PlayerServer;
import dev.tsuzuku.serve.RouteModule;
import dev.tsuzuku.serve.SelectorThreads;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.store.SeriesRepository;
import dev.tsuzuku.studio.CallbackAddresses;
import dev.tsuzuku.studio.SeriesDesk;
import dev.tsuzuku.studio.Sessions;
import dev.tsuzuku.studio.StudioLogin;
import dev.tsuzuku.studio.StudioRoutes;
import dev.tsuzuku.studio.TakeIntake;
import dev.tsuzuku.video.StandardWebhooks;
import dev.tsuzuku.workspace.Workspace;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tsuzuku serve DIR...}: opens the studio of every workspace, builds the route modules over
 * them and starts the one server. A part that adds routes (the studio, the feeds and the release
 * calendar) adds its module in {@link #modules}; the rest stays as it is.
 */
public final class Serving implements AutoCloseable {
    private final List<Studio> studios;
    private final PlayerServer server;
    private final ReleaseSite releases;

    private Serving(List<Studio> studios, PlayerServer server, ReleaseSite releases) {
        this.studios = studios;
        this.server = server;
        this.releases = releases;
    }

    /** What the modules are built from: the open studios (one per workspace, in order), the clock and the release side. */
    public record Site(List<Studio> studios, Library library, Clock clock, ReleaseSite releases) {
        public Site(List<Studio> studios, Library library, Clock clock) {
            this(studios, library, clock, new ReleaseSite(studios));
        }
    }

    /**
     * Opens every workspace in {@code dirs} (each with its own state database, or {@code databaseUrl}
     * for a single one) and starts the server on {@code host}:{@code port} (0: a free port).
     */
    public static Serving start(List<Path> dirs, String databaseUrl, String host, int port) {
        if (dirs.isEmpty()) {
            throw new BadInputException("DIR", "no series folder given", "tsuzuku serve DIR [DIR...]");
        }
        if (dirs.size() > 1 && Studio.databaseUrl(databaseUrl, System.getenv()) != null) {
            throw new BadInputException("--db", "one state database holds one series, and " + dirs.size() + " folders were given",
                    "serve one folder with --db, or unset --db/TSUZUKU_DB so each folder uses its own .tsuzuku/state");
        }
        Clock clock = Clock.systemUTC();
        List<Studio> studios = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                Workspace ws = new Workspace(dir);
                if (!Files.isRegularFile(ws.bible())) {
                    throw new BadInputException(ws.bible().toString(), "not a series workspace (no series.yaml)",
                            "pass the folder that 'tsuzuku new' made");
                }
                studios.add(Studio.open(ws, clock, Progress.silent(), databaseUrl));
            }
            Site site = new Site(List.copyOf(studios), new TrackedLibrary(studios, clock), clock);
            PlayerServer server = new PlayerServer(modules(site));
            server.start(host, port);
            try {
                site.releases().startDrops();
            } catch (RuntimeException e) {
                site.releases().close();
                server.close();
                throw e;
            }
            return new Serving(studios, server, site.releases());
        } catch (RuntimeException e) {
            studios.forEach(Studio::close);
            throw e;
        }
    }

    /** Every part's routes, in the order they are registered. Add a module here. */
    static List<RouteModule> modules(Site site) {
        List<RouteModule> modules = new ArrayList<>();
        modules.add(new PlayerRoutes(site.library(), nextDrop(site), site.clock()));
        modules.add(studio(site, System.getenv()));
        modules.add(site.releases().feedRoutes());
        return modules;
    }

    /** The environment variable holding Kling's webhook signing secret (then Kling callbacks must be signed). */
    public static final String KLING_WEBHOOK_SECRET_ENV = "TSUZUKU_KLING_WEBHOOK_SECRET";

    /**
     * The producer's studio over every workspace; its login lives in the first workspace's
     * {@code .tsuzuku/studio/} (decision 0024).
     */
    static StudioRoutes studio(Site site, Map<String, String> env) {
        SecureRandom random = new SecureRandom();
        Path loginDir = site.studios().get(0).workspace().stateDir().resolve("studio");
        StudioLogin.Opened login = StudioLogin.open(loginDir, env.get(StudioLogin.PASSWORD_ENV), random);
        String klingSecret = env.get(KLING_WEBHOOK_SECRET_ENV);
        Optional<StandardWebhooks> kling = Optional.empty();
        if (klingSecret != null && !klingSecret.isBlank()) {
            try {
                kling = Optional.of(new StandardWebhooks(klingSecret, site.clock()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(KLING_WEBHOOK_SECRET_ENV, e.getMessage(),
                        "copy the signing secret from Kling's console as it is (whsec_…), or unset the variable");
            }
        }
        List<SeriesDesk> desks = site.studios().stream().<SeriesDesk>map(WorkspaceDesk::over).toList();
        String publicUrl = env.get(PUBLIC_URL_ENV);
        if (publicUrl != null && !publicUrl.isBlank()) {
            CallbackAddresses addresses = new CallbackAddresses(login.login());
            String base = publicUrl.strip().replaceAll("/+$", "");
            java.util.function.BiFunction<String, Long, URI> url = (provider, take) -> CallbackAddresses.PROVIDERS.contains(provider)
                    ? URI.create(base + addresses.path(provider, String.valueOf(take))) : null;
            site.studios().forEach(s -> s.callbacks(url));
        }
        Sessions sessions = new Sessions(site.clock(), random, new StoredSessions(site.studios().get(0).database()));
        return new StudioRoutes(desks, login, sessions, intake(site.studios()), kling, false);
    }

    /** The environment variable with the studio's address as the providers reach it; then submissions carry signed callback addresses. */
    public static final String PUBLIC_URL_ENV = "TSUZUKU_PUBLIC_URL";

    /**
     * Verified provider callbacks go to the take engine of the workspace whose take has that task
     * (the first engine that knows it); workspaces without a generation section have no engine,
     * and with none at all the callbacks are dropped (polling still finds every result).
     */
    static TakeIntake intake(List<Studio> studios) {
        return intakeOver(engines(studios));
    }

    /** Each workspace's take engine's webhook method ({@code TakeEngine::onCallback}), for those with a generation section. */
    static List<java.util.function.BiPredicate<String, String>> engines(List<Studio> studios) {
        List<java.util.function.BiPredicate<String, String>> engines = new ArrayList<>();
        for (Studio s : studios) {
            try {
                s.takeEngine().ifPresent(e -> engines.add(e::onCallback));
            } catch (dev.tsuzuku.model.TsuzukuException e) {
                // a broken generation section shows up in produce; the studio still serves
            }
        }
        return engines;
    }

    static TakeIntake intakeOver(List<java.util.function.BiPredicate<String, String>> engines) {
        if (engines.isEmpty()) {
            return TakeIntake.NONE;
        }
        List<java.util.function.BiPredicate<String, String>> all = List.copyOf(engines);
        return TakeIntake.toEngine((provider, task) -> all.stream().anyMatch(e -> e.test(provider, task)));
    }

    /** When the next episode drops, for the player's countdown: the series' release calendar. */
    static NextDrop nextDrop(Site site) {
        return site.releases().nextDrop();
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The addresses and each module's lines, to print once the server is up. */
    public List<String> startupLines() {
        return server.startupLines();
    }

    @Override
    public void close() {
        try {
            releases.close();
            server.close();
        } finally {
            studios.forEach(Studio::close);
        }
    }

    /**
     * The library over the workspaces' state databases: an episode is visible once its status is
     * {@code released}. The answer is kept for a second, so a burst of requests costs one query.
     */
    static final class TrackedLibrary implements Library {
        private static final Logger LOG = LoggerFactory.getLogger(TrackedLibrary.class);
        private static final long KEEP_MILLIS = 1_000;

        private record Snapshot(List<Series> series, Map<String, List<Episode>> released, Map<Path, String> seriesByRoot) {}

        private final List<Studio> studios;
        private final Kept<Snapshot> snapshot;
        /** Each workspace's recorded files (workspace-relative path → artifact). */
        private final Kept<Map<Path, Map<String, SeriesRepository.StoredArtifact>>> recorded;

        TrackedLibrary(List<Studio> studios, Clock clock) {
            this.studios = List.copyOf(studios);
            this.snapshot = new Kept<>(clock, this::read, "the released episodes");
            this.recorded = new Kept<>(clock, this::readRecorded, "the recorded files");
        }

        /**
         * A value read from the state database and kept for {@link #KEEP_MILLIS}. On a selector thread
         * ({@link SelectorThreads#answering()}) a stale value is answered as it is and read again on
         * the refresh thread, once at a time: a selector must not wait for the database. Elsewhere a
         * stale value is read again at once.
         */
        private static final class Kept<T> {
            private record At<T>(long at, T value) {}

            private final Clock clock;
            private final java.util.function.Supplier<T> read;
            private final String what;
            private final AtomicBoolean refreshing = new AtomicBoolean();
            private volatile At<T> kept;

            Kept(Clock clock, java.util.function.Supplier<T> read, String what) {
                this.clock = clock;
                this.read = read;
                this.what = what;
            }

            T get() {
                At<T> k = kept;
                long now = clock.millis();
                if (k == null || now - k.at() >= KEEP_MILLIS || now < k.at()) {
                    if (k != null && SelectorThreads.answering()) {
                        refreshElsewhere();
                        return k.value();
                    }
                    k = new At<>(now, read.get());
                    kept = k;
                }
                return k.value();
            }

            private void refreshElsewhere() {
                if (!refreshing.compareAndSet(false, true)) {
                    return;
                }
                REFRESH.execute(() -> {
                    try {
                        kept = new At<>(clock.millis(), read.get());
                    } catch (RuntimeException e) {
                        LOG.warn("{} could not be read: {}", what, e.toString());
                    } finally {
                        refreshing.set(false);
                    }
                });
            }
        }

        /** The thread that reads the state databases again for the selectors (never the common pool: these calls block). */
        private static final java.util.concurrent.Executor REFRESH = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "library-refresh");
            t.setDaemon(true);
            return t;
        });

        @Override
        public List<Series> series() {
            return current().series();
        }

        @Override
        public List<Episode> released(String seriesId) {
            return current().released().getOrDefault(seriesId, List.of());
        }

        @Override
        public Optional<String> recordedHash(Path file, long size, Instant modified) {
            for (Map.Entry<Path, Map<String, SeriesRepository.StoredArtifact>> ws : recorded.get().entrySet()) {
                if (!file.startsWith(ws.getKey())) {
                    continue;
                }
                String relative = ws.getKey().relativize(file).toString().replace(java.io.File.separatorChar, '/');
                SeriesRepository.StoredArtifact a = ws.getValue().get(relative);
                if (a != null && a.bytes() == size && !modified.isAfter(a.recordedAt())) {
                    return Optional.of(a.hash());
                }
            }
            return Optional.empty();
        }

        private Map<Path, Map<String, SeriesRepository.StoredArtifact>> readRecorded() {
            Map<Path, Map<String, SeriesRepository.StoredArtifact>> byRoot = new HashMap<>();
            Map<Path, String> seriesByRoot = current().seriesByRoot();
            for (Studio studio : studios) {
                Path root = studio.workspace().root().toAbsolutePath().normalize();
                String id = seriesByRoot.get(root);
                Map<String, SeriesRepository.StoredArtifact> files = new HashMap<>();
                if (id != null) {
                    for (SeriesRepository.StoredArtifact a : studio.episodes().repository().artifacts(id)) {
                        files.put(a.path(), a);
                    }
                }
                byRoot.put(root, Map.copyOf(files));
            }
            return Map.copyOf(byRoot);
        }

        private Snapshot current() {
            return snapshot.get();
        }

        private Snapshot read() {
            List<Series> series = new ArrayList<>();
            Map<String, List<Episode>> released = new HashMap<>();
            Map<Path, String> seriesByRoot = new HashMap<>();
            for (Studio studio : studios) {
                EpisodeTracker.Status status = studio.episodes().status();
                if (status.series().isEmpty()) {
                    continue;
                }
                var stored = status.series().get();
                if (released.containsKey(stored.id())) {
                    continue; // the same series twice: the first folder serves it
                }
                series.add(new Series(stored.id(), stored.title(), stored.language()));
                seriesByRoot.put(studio.workspace().root().toAbsolutePath().normalize(), stored.id());
                released.put(stored.id(), status.episodes().stream()
                        .filter(e -> e.status() == EpisodeStatus.RELEASED)
                        .map(e -> new Episode(e.number(), e.title(), studio.workspace().episodeDir(e.number()).toAbsolutePath().normalize()))
                        .toList());
            }
            return new Snapshot(List.copyOf(series), Map.copyOf(released), Map.copyOf(seriesByRoot));
        }
    }
}
