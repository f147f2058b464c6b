package dev.tsuzuku.studio;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.app.WorkspaceDesk;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.pipeline.Job;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.serve.PlayerServer;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real workspace (bible, season of three episodes, the first two produced through the stage
 * runner, so the state database holds them as a run would) and the real studio server over it on
 * a free loopback port.
 */
final class StudioFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    static final String SERIES = "tales";
    static final String KLING_SECRET = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    final Sessions sessions = new Sessions(clock, java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(8), new SecureRandom());
    final List<String> callbacks = new CopyOnWriteArrayList<>();
    final List<String> routes = new CopyOnWriteArrayList<>();
    final Path workspace;
    final WorkspaceDesk desk;
    final StudioRoutes studio;
    private final Javalin app;
    private final PlayerServer server;
    private final int port;

    /** The studio on the server {@code tsuzuku serve} runs. */
    StudioFixture(Path dir) throws IOException {
        this(dir, false);
    }

    /**
     * @param bare on a plain Javalin that records every route it is given (what the OpenAPI test
     *             compares with the document), instead of serve's server
     */
    StudioFixture(Path dir, boolean bare) throws IOException {
        this.workspace = dir.resolve("tales");
        makeWorkspace(workspace, clock);
        StudioLogin.Opened login = StudioLogin.open(dir.resolve("login"), PASSWORD, new SecureRandom(), 1_000);
        this.desk = WorkspaceDesk.open(workspace, null, clock);
        this.studio = new StudioRoutes(List.of(desk), login, sessions,
                (provider, take, body) -> callbacks.add(provider + " " + take + " " + body),
                Optional.of(new dev.tsuzuku.video.StandardWebhooks(KLING_SECRET, clock)), false);
        if (bare) {
            this.server = null;
            this.app = Javalin.create(config -> {
                config.showJavalinBanner = false;
                config.startupWatcherEnabled = false;
                config.events(e -> e.handlerAdded(m -> routes.add(m.getHttpMethod().name() + " " + m.getPath())));
            });
            studio.register(app);
            app.start("127.0.0.1", 0);
            this.port = app.port();
        } else {
            this.app = null;
            this.server = new PlayerServer(List.of(studio));
            this.port = server.start("127.0.0.1", 0);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String origin() {
        return "http://127.0.0.1:" + port;
    }

    static void makeWorkspace(Path dir, Clock clock) throws IOException {
        Workspace ws = new Workspace(dir);
        Files.createDirectories(dir);
        Files.writeString(ws.bible(), BibleFile.render(BibleFile.draft(SERIES, "Tales of the Sea", "en",
                List.of(new Character("Taro", List.of(), Character.Role.LEAD, null, null)))));
        List<EpisodePlan> plans = new ArrayList<>();
        String[] titles = {"The Turtle", "The Palace Under the Sea", "The Box"};
        for (int n = 1; n <= 3; n++) {
            plans.add(new EpisodePlan(n, titles[n - 1], "s", 150, new SourceSpan(0, 10), List.of("b"),
                    "Taro finds a turtle on the beach.", new Hook("Why would a turtle weep <for> a fisherman?", HookKind.QUESTION), "",
                    new CutScore(0.8, 0.1, 0.7, List.of())));
        }
        try (Studio s = Studio.open(ws, clock, Progress.silent(), null)) {
            s.runner().run("plan", "season", "h", false, () -> {
                Json.writeFile(ws.seasonJson(), new Season(SERIES, plans));
                return List.of(ws.seasonJson());
            });
            for (int n = 1; n <= 2; n++) {
                Path episode = ws.episodeDir(n);
                Files.createDirectories(episode);
                int number = n;
                s.runner().run(new Job("produce", "episode/00" + n, "p" + n, progress -> {
                    List<Path> files = new ArrayList<>();
                    files.add(Files.writeString(episode.resolve("script.fountain"), "INT. BEACH - DAY\n\nTaro kneels by the turtle.\n\n"
                            + "TARO\nWho hurt you, little one?\n"));
                    files.add(Files.write(episode.resolve("episode.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}));
                    files.add(Files.writeString(episode.resolve("episode.vtt"), "WEBVTT\n\n00:00.000 --> 00:01.000\nEpisode " + number + "\n"));
                    Path board = episode.resolve("storyboard.json");
                    Json.writeFile(board, new Storyboard(number, 24, 1080, 1920, "calm", "Tomorrow: the palace", List.of(
                            new Shot(1, ShotKind.COLD_OPEN, 72, Framing.WIDE, CameraMove.PUSH_IN, "beach", "dawn", List.of(),
                                    "Taro finds a turtle", List.of(), List.of(), "anime, a boy finds a weeping turtle on a beach at dawn"),
                            new Shot(2, ShotKind.HOOK, 48, Framing.CLOSE_UP, CameraMove.STATIC, "beach", "dawn", List.of(),
                                    "The turtle looks up", List.of(), List.of(), "anime, close-up of a turtle's wet eye"))));
                    files.add(board);
                    files.add(Files.writeString(episode.resolve("manifest.json"), "{\"series\":\"tales\",\"episode\":" + number
                            + ",\"title\":\"t\",\"durationSeconds\":5.0,\"files\":{\"video\":\"episode.mp4\"},\"shots\":[],"
                            + "\"checksum\":\"cut-" + number + "\"}\n"));
                    return files;
                }), false);
            }
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        } else {
            app.stop();
        }
        desk.close();
    }
}
