package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.serve.Library;
import dev.tsuzuku.serve.NextDrop;
import dev.tsuzuku.serve.PlayerRoutes;
import dev.tsuzuku.serve.PlayerServer;
import dev.tsuzuku.serve.RouteModule;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.studio.SeriesDesk;
import dev.tsuzuku.studio.Sessions;
import dev.tsuzuku.studio.StudioLogin;
import dev.tsuzuku.studio.StudioRoutes;
import dev.tsuzuku.studio.TakeIntake;
import dev.tsuzuku.video.StandardWebhooks;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tsuzuku serve DIR...}: opens the studio of every workspace, builds the route modules over
 * them and starts the one server. A part that adds routes (the studio, the feeds and the release
 * calendar) adds its module in {@link #modules}; the rest stays as it is.
 */
public final class Serving implements AutoCloseable {
    private final List<Studio> studios;
    private final PlayerServer server;

    private Serving(List<Studio> studios, PlayerServer server) {
        this.studios = studios;
        this.server = server;
    }

    /** What the modules are built from: the open studios (one per workspace, in order) and the clock. */
    public record Site(List<Studio> studios, Library library, Clock clock) {}

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
            return new Serving(studios, server);
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
        return new StudioRoutes(desks, login, new Sessions(site.clock(), random), TakeIntake.NONE, kling, false);
    }

    /** When the next episode drops, for the player's countdown; the release calendar replaces this. */
    static NextDrop nextDrop(Site site) {
        return NextDrop.NONE;
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
        private static final long KEEP_MILLIS = 1_000;

        private record Snapshot(long at, List<Series> series, Map<String, List<Episode>> released) {}

        private final List<Studio> studios;
        private final Clock clock;
        private volatile Snapshot snapshot;

        TrackedLibrary(List<Studio> studios, Clock clock) {
            this.studios = List.copyOf(studios);
            this.clock = clock;
        }

        @Override
        public List<Series> series() {
            return current().series();
        }

        @Override
        public List<Episode> released(String seriesId) {
            return current().released().getOrDefault(seriesId, List.of());
        }

        private Snapshot current() {
            Snapshot s = snapshot;
            long now = clock.millis();
            if (s == null || now - s.at() >= KEEP_MILLIS || now < s.at()) {
                s = read(now);
                snapshot = s;
            }
            return s;
        }

        private Snapshot read(long now) {
            List<Series> series = new ArrayList<>();
            Map<String, List<Episode>> released = new HashMap<>();
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
                released.put(stored.id(), status.episodes().stream()
                        .filter(e -> e.status() == EpisodeStatus.RELEASED)
                        .map(e -> new Episode(e.number(), e.title(), studio.workspace().episodeDir(e.number())))
                        .toList());
            }
            return new Snapshot(now, List.copyOf(series), Map.copyOf(released));
        }
    }
}
