package dev.tsuzuku.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tsuzuku.generate.Take;
import dev.tsuzuku.generate.TakeState;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.render.FfmpegMediaTool;
import dev.tsuzuku.render.FrameSource;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.render.MasterSpec;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.render.Probe;
import dev.tsuzuku.routing.Ledger;
import dev.tsuzuku.studio.CallbackAddresses;
import dev.tsuzuku.studio.SeriesDesk;
import dev.tsuzuku.studio.StudioLogin;
import dev.tsuzuku.studio.TakeIntake;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's "done means": local stubs of Seedance, Kling, Runway and Seedream (serving a real
 * MP4 and a real PNG made here) → produce assembles an episode whose shots came from the
 * providers, its master passes the animatic master's spec checks, the ledger matches what the
 * stubs billed, a budget cap falls back to the animatic, and no file the run wrote holds a key.
 */
class GenerationEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
    private static final MediaTool MEDIA = FfmpegMediaTool.local();
    private static final Map<String, String> ENV = Map.of("ARK_KEY", "ark-SECRET-7f3a9c1e5b2d4f60",
            "KLING_KEY", "kling-SECRET-a1b2c3d4e5f60718", "RUNWAY_KEY", "rw-SECRET-99e8d7c6b5a41302");
    private static final int SEEDANCE_TOKENS = 82_368;
    private static final double KLING_UNITS = 1.5;
    /** Clips as long as each provider is asked for: Seedance 4 s, Kling 5 s, Runway 2 s (the shots are short). */
    private static final Map<String, byte[]> CLIPS = new java.util.HashMap<>();
    private static byte[] png;
    /** What Seedance returns as a take's last frame, and the series' own style frame: pictures of their own. */
    private static byte[] lastPng;
    private static byte[] stylePng;

    @TempDir
    Path dir;
    @TempDir
    static Path media;

    final FakeStudio fakes = new FakeStudio();
    final List<String> notes = new ArrayList<>();
    WireMockServer stub;
    Workspace ws;

    @BeforeAll
    static void real_media_made_with_the_bundled_ffmpeg() throws Exception {
        // 9:16 clips, 180x320 at 24 fps: what a provider would send, smaller
        for (Map.Entry<String, Integer> c : Map.of("seedance", 4, "kling", 5, "runway", 2).entrySet()) {
            Path mp4 = media.resolve(c.getKey() + ".mp4");
            MEDIA.encode(new Bars(180, 320, 24 * c.getValue()), 24, mp4, i -> { });
            CLIPS.put(c.getKey(), Files.readAllBytes(mp4));
        }
        BufferedImage img = new BufferedImage(144, 256, BufferedImage.TYPE_INT_RGB);
        new Bars(144, 256, 1).render(0, img);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        png = b.toByteArray();
        lastPng = flat(0x3366aa);
        stylePng = flat(0xaa6633);
    }

    private static byte[] flat(int rgb) throws java.io.IOException {
        BufferedImage img = new BufferedImage(144, 256, BufferedImage.TYPE_INT_RGB);
        new Bars(144, 256, 1).render(0, img);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 144; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    @BeforeEach
    void stubs_and_a_series_with_one_written_episode() {
        stub = new WireMockServer(options().dynamicPort());
        stub.start();
        String base = stub.baseUrl();
        CLIPS.forEach((name, bytes) -> stub.stubFor(get(urlPathMatching("/files/" + name + ".mp4"))
                .willReturn(aResponse().withBody(bytes))));
        stub.stubFor(get(urlPathMatching("/files/frame.png")).willReturn(aResponse().withBody(png)));
        stub.stubFor(get(urlPathMatching("/files/last.png")).willReturn(aResponse().withBody(lastPng)));
        stub.stubFor(post("/ark/api/v3/images/generations").withHeader("Authorization", equalTo("Bearer " + ENV.get("ARK_KEY")))
                .willReturn(okJson("{\"model\":\"seedream-4-5-251128\",\"created\":1757323224,\"data\":[{\"url\":\"" + base
                        + "/files/frame.png?X-Tos-Expires=86400\",\"size\":\"720x1280\"}],\"usage\":{\"generated_images\":1}}")));
        stub.stubFor(post("/ark/api/v3/contents/generations/tasks").willReturn(okJson("{\"id\":\"cgt-20261125-abcde\"}")));
        stub.stubFor(get("/ark/api/v3/contents/generations/tasks/cgt-20261125-abcde").willReturn(okJson(
                "{\"id\":\"cgt-20261125-abcde\",\"model\":\"doubao-seedance-1-5-pro-251215\",\"status\":\"succeeded\","
                        + "\"content\":{\"video_url\":\"" + base + "/files/seedance.mp4?X-Tos-Signature=abc\",\"last_frame_url\":\""
                        + base + "/files/last.png?X-Tos-Expires=86400\"},\"usage\":{\"completion_tokens\":" + SEEDANCE_TOKENS
                        + ",\"total_tokens\":" + SEEDANCE_TOKENS + "},\"created_at\":1779348818,\"updated_at\":1779348874,"
                        + "\"resolution\":\"720p\",\"ratio\":\"9:16\",\"duration\":4}")));
        stub.stubFor(post("/kling/image-to-video/kling-2.6").willReturn(okJson("{\"code\":0,\"message\":\"ok\",\"request_id\":\"r-1\","
                + "\"data\":{\"id\":\"860283571562893312\",\"status\":\"submitted\",\"create_time\":1781080778802,"
                + "\"update_time\":1781080778802}}")));
        stub.stubFor(get(urlPathEqualTo("/kling/tasks")).willReturn(okJson("{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"r-2\","
                + "\"data\":[{\"id\":\"860283571562893312\",\"status\":\"succeeded\",\"message\":\"\",\"create_time\":1781080778802,"
                + "\"update_time\":1781080894151,\"outputs\":[{\"type\":\"video\",\"id\":\"o-1\",\"url\":\"" + base
                + "/files/kling.mp4\",\"duration\":\"5.0\"}],\"billing\":[{\"charge_type\":\"unit\",\"amount\":" + KLING_UNITS
                + ",\"currency\":\"\",\"package_type\":\"video\",\"list_price\":1.5}]}]}")));
        stub.stubFor(post("/runway/v1/image_to_video").withHeader("X-Runway-Version", equalTo("2024-11-06"))
                .willReturn(okJson("{\"id\":\"rw-task-1\"}")));
        stub.stubFor(get("/runway/v1/tasks/rw-task-1").willReturn(okJson("{\"id\":\"rw-task-1\",\"status\":\"SUCCEEDED\","
                + "\"createdAt\":\"2026-11-25T01:00:00Z\",\"output\":[\"" + base + "/files/runway.mp4\"]}")));

        ws = new Workspace(dir);
        Json.writeFile(ws.seasonJson(), FakeStudio.season());
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go east."));
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    private void series(String budget) {
        String base = stub.baseUrl();
        AtomicFiles.write(ws.bible(), BibleFile.render(FakeStudio.bible()) + "\n"
                + "generation:\n"
                + "  providers: [seedance, kling, runway]\n"
                + "  keyframes: [seedream]\n"
                + "  shots: {\"1.1\": [seedance], \"1.2\": [kling], \"1.3\": [runway]}\n"
                + budget
                + "  accounts:\n"
                + "    seedance: {keyEnv: ARK_KEY, baseUrl: \"" + base + "/ark/api/v3\"}\n"
                + "    seedream: {keyEnv: ARK_KEY, baseUrl: \"" + base + "/ark/api/v3\"}\n"
                + "    kling: {keyEnv: KLING_KEY, baseUrl: \"" + base + "/kling\"}\n"
                + "    runway: {keyEnv: RUNWAY_KEY, baseUrl: \"" + base + "/runway\"}\n");
    }

    private Studio studio() {
        Progress noting = new Progress() {
            public Task start(String label, long total) {
                return Progress.silent().start(label, total);
            }

            public void note(String message) {
                notes.add(message);
            }
        };
        Studio studio = Studio.open(ws, CLOCK, noting, b -> fakes.kit(), MEDIA);
        studio.env(ENV);
        studio.manualJobs(true); // the engine's clock moves by hand: hours of polling pass without waiting
        return studio;
    }

    private Manifest manifest() {
        return Json.readFile(ws.episodeDir(1).resolve("manifest.json"), Manifest.class, "produce");
    }

    @Test
    void produce_assembles_an_episode_from_the_providers_takes_and_the_ledger_matches_the_bills() throws Exception {
        series("");
        AtomicFiles.write(ws.charactersDir().resolve("style.png"), stylePng);
        try (Studio studio = studio()) {
            studio.productionFloor().produce("1", false, true);

            // every keyframe request carries the series' style frame as a reference image, not only words
            List<LoggedRequest> images = stub.findAll(postRequestedFor(urlPathEqualTo("/ark/api/v3/images/generations")));
            String style = java.util.Base64.getEncoder().encodeToString(stylePng);
            assertThat(images).isNotEmpty().allSatisfy(r -> assertThat(r.getBodyAsString()).contains(style));
            // shot 2 continues shot 1's scene (same place and time of day) and Seedance returned shot 1's last
            // frame: Kling starts from it; shot 3 continues Kling's shot, which returns none: its own keyframe
            String last = java.util.Base64.getEncoder().encodeToString(lastPng);
            assertThat(stub.findAll(postRequestedFor(urlPathMatching("/kling/.*")))).singleElement()
                    .satisfies(r -> assertThat(r.getBodyAsString()).contains(last));
            assertThat(stub.findAll(postRequestedFor(urlPathEqualTo("/runway/v1/image_to_video")))).singleElement()
                    .satisfies(r -> assertThat(r.getBodyAsString()).doesNotContain(last));
            assertThat(studio.takeEngine().orElseThrow().takes("peach-boy", 1))
                    .filteredOn(t -> t.provider().equals("seedance")).singleElement()
                    .satisfies(t -> assertThat(ws.root().resolve(t.lastFrame())).hasBinaryContent(lastPng));

            Manifest m = manifest();
            assertThat(m.shots()).extracting(Manifest.ShotRef::provider).containsExactly("seedance", "kling", "runway");
            assertThat(m.shots()).allSatisfy(s -> {
                assertThat(s.fallback()).isNull();
                assertThat(s.cost()).isPositive();
                assertThat(s.takeId()).matches("\\d+");
            });
            // the master passes the same checks as the animatic's: size, rate, exact frames, clean decode
            Path video = ws.episodeDir(1).resolve("episode.mp4");
            MasterSpec spec = new MasterSpec(FakeStudio.W, FakeStudio.H, 30, (int) Math.round(m.durationSeconds() * 30));
            assertThat(Probe.offSpec(MEDIA.probe(video), spec)).isEmpty();
            assertThat(MEDIA.decodeErrors(video)).isEmpty();

            // what the stubs billed: Seedance tokens, Kling units, Seedream images, Runway credits for the asked seconds
            int keyframes = stub.findAll(postRequestedFor(urlPathEqualTo("/ark/api/v3/images/generations"))).size();
            List<LoggedRequest> runway = stub.findAll(postRequestedFor(urlPathEqualTo("/runway/v1/image_to_video")));
            assertThat(runway).hasSize(1);
            int runwaySeconds = Json.mapper().readTree(runway.get(0).getBodyAsString()).path("duration").asInt();
            double billed = keyframes * 0.04 + SEEDANCE_TOKENS / 1e6 * 1.2 + KLING_UNITS * 0.14 + runwaySeconds * 5 * 0.01;
            List<Ledger.Entry> ledger = studio.costs().entries("peach-boy", 1);
            assertThat(ledger).allSatisfy(e -> assertThat(e.status()).isEqualTo("succeeded"));
            assertThat(ledger.stream().mapToDouble(Ledger.Entry::actualUsd).sum()).isCloseTo(billed, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(m.cost().actual()).isCloseTo(billed, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(notes).anyMatch(n -> n.contains("shot 1: succeeded seedance"));
            // the keyframes went through the durable engine: a verified keyframe take per shot, in its ledger
            assertThat(studio.takeEngine().orElseThrow().takes("peach-boy", 1)).filteredOn(t -> t.kind().equals(Take.KEYFRAME))
                    .isNotEmpty().allSatisfy(t -> assertThat(t.state()).isEqualTo(TakeState.VERIFIED));

            // run again: nothing is paid twice
            int posts = stub.findAll(postRequestedFor(urlPathMatching(".*"))).size();
            studio.productionFloor().produce("1", true, true);
            assertThat(stub.findAll(postRequestedFor(urlPathMatching(".*")))).hasSize(posts);
        }
        assertNoFileHoldsAKey();
    }

    @Test
    void a_budget_cap_reached_mid_episode_stops_paid_submissions_and_the_shots_fall_back_to_the_animatic() throws Exception {
        // keyframe $0.04 + Seedance 4 s ≈ $0.099 fit; Kling's 5 s ($0.21) would pass the cap, so would Runway's
        series("  budget: {perEpisode: 0.30}\n");
        try (Studio studio = studio()) {
            studio.productionFloor().produce("1", false, true);
        }
        // the shots ask at once, so which shot the cap stops depends on timing; that it stops some, never lets
        // the episode pass it, and sends nothing for a stopped shot does not
        Manifest m = manifest();
        assertThat(m.shots()).filteredOn(s -> s.provider().equals("animatic")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.fallback()).contains("budget"));
        for (String provider : List.of("seedance", "kling", "runway")) {
            long cut = m.shots().stream().filter(s -> s.provider().equals(provider)).count();
            String path = provider.equals("seedance") ? "/ark/api/v3/contents/generations/tasks" : "/" + provider + "/.*";
            assertThat(stub.findAll(postRequestedFor(urlPathMatching(path)))).as("%s submissions", provider)
                    .hasSize((int) cut);
        }
        assertThat(m.cost().actual()).isLessThanOrEqualTo(0.30);
        assertNoFileHoldsAKey();
    }

    @Test
    void nothing_is_paid_for_an_episode_nobody_approved_until_it_is_approved() throws Exception {
        series("");
        try (Studio studio = studio()) {
            studio.productionFloor().produce("1", false, false);
            assertThat(manifest().shots()).extracting(Manifest.ShotRef::provider).containsOnly("animatic");
            assertThat(manifest().shots().get(0).fallback()).contains("not approved");
            assertThat(stub.getAllServeEvents()).isEmpty();

            studio.reviews().approve(1, "mika");
            studio.productionFloor().produce("1", false, false);
            assertThat(manifest().shots()).extracting(Manifest.ShotRef::provider).containsExactly("seedance", "kling", "runway");
            assertThat(studio.costs().approval("peach-boy", 1)).get().extracting(Ledger.Approval::by).isEqualTo("mika");
        }
        assertNoFileHoldsAKey();
    }

    @Test
    void regenerate_makes_a_new_take_of_one_shot_and_the_cut_uses_it() throws Exception {
        series("");
        try (Studio studio = studio()) {
            studio.productionFloor().produce("1", false, true);

            studio.takeDesk().regenerate(1, 2, "runway", true);

            Manifest m = manifest();
            assertThat(m.shots()).extracting(Manifest.ShotRef::provider).containsExactly("seedance", "runway", "runway");
            assertThat(stub.findAll(postRequestedFor(urlPathEqualTo("/runway/v1/image_to_video")))).hasSize(2);
            assertThat(stub.findAll(postRequestedFor(urlPathEqualTo("/kling/image-to-video/kling-2.6")))).hasSize(1);
            assertThat(studio.takeDesk().takes(1)).filteredOn(TakeDesk.Row::chosen).singleElement().satisfies(r -> {
                assertThat(r.shot()).isEqualTo(2);
                assertThat(r.provider()).isEqualTo("runway");
                assertThat(Long.toString(r.id())).isEqualTo(m.shots().get(1).takeId());
            });
        }
    }

    @Test
    void the_studio_records_a_regeneration_at_once_and_its_worker_makes_the_take_the_cut_uses() throws Exception {
        series("");
        List<Runnable> queued = new ArrayList<>();
        try (Studio studio = studio(); WorkspaceDesk desk = WorkspaceDesk.over(studio, queued::add)) {
            studio.productionFloor().produce("1", false, true);
            // a paid take of an episode nobody approved is refused before anything is recorded
            assertThatThrownBy(() -> desk.regenerate(1, 2, "runway")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("not approved");
            assertThat(queued).isEmpty();
            studio.reviews().approve(1, "mika");

            SeriesDesk.Regeneration r = desk.regenerate(1, 2, "runway");

            assertThat(r.state()).isEqualTo("queued");
            assertThat(studio.costs().regenerations("peach-boy", 1)).extracting(Ledger.Regeneration::provider).containsExactly("runway");
            assertThat(stub.findAll(postRequestedFor(urlPathEqualTo("/runway/v1/image_to_video")))).hasSize(1);
            assertThat(queued).hasSize(1);
            queued.get(0).run(); // the worker's produce, the same as tsuzuku regenerate's
            assertThat(manifest().shots()).extracting(Manifest.ShotRef::provider).containsExactly("seedance", "runway", "runway");
            assertThat(stub.findAll(postRequestedFor(urlPathEqualTo("/runway/v1/image_to_video")))).hasSize(2);
        }
    }

    @Test
    void a_regeneration_that_fails_in_the_background_is_reported_as_failed_with_its_error() throws Exception {
        series("");
        List<Runnable> queued = new ArrayList<>();
        try (Studio studio = studio(); WorkspaceDesk desk = WorkspaceDesk.over(studio, queued::add)) {
            studio.productionFloor().produce("1", false, true);
            studio.reviews().approve(1, "mika");
            desk.regenerate(1, 2, "animatic");
            assertThat(desk.regenerations(1)).extracting(SeriesDesk.RegenerationJob::state).containsExactly("queued");
            java.nio.file.Files.writeString(ws.bible(), "title: [never closed\n"); // broken before the worker gets to it
            queued.get(0).run();
            assertThat(desk.regenerations(1)).singleElement().satisfies(j -> {
                assertThat(j.state()).isEqualTo("failed");
                assertThat(j.shot()).isEqualTo(2);
                assertThat(j.error()).contains("series.yaml");
            });
            assertThat(desk.regenerations(2)).isEmpty();
        }
    }

    @Test
    void regeneration_states_outlive_the_server_and_a_stop_marks_the_unfinished_ones_interrupted() throws Exception {
        series("");
        List<Runnable> queued = new ArrayList<>();
        try (Studio studio = studio(); WorkspaceDesk desk = WorkspaceDesk.over(studio, queued::add)) {
            studio.productionFloor().produce("1", false, true);
            studio.reviews().approve(1, "mika");
            desk.regenerate(1, 2, "animatic");
            queued.get(0).run();
            desk.regenerate(1, 3, "animatic"); // still queued when the server stops
            assertThat(desk.regenerations(1)).extracting(SeriesDesk.RegenerationJob::state).containsExactly("done", "queued");
        }
        List<Runnable> later = new ArrayList<>();
        try (Studio studio = studio(); WorkspaceDesk desk = WorkspaceDesk.over(studio); // serve starting again
                WorkspaceDesk another = WorkspaceDesk.over(studio, later::add)) {
            assertThat(desk.regenerations(1)).satisfiesExactly(done -> {
                assertThat(done.id()).isEqualTo("1");
                assertThat(done.shot()).isEqualTo(2);
                assertThat(done.state()).isEqualTo("done");
                assertThat(done.error()).isNull();
            }, cut -> {
                assertThat(cut.id()).isEqualTo("2");
                assertThat(cut.shot()).isEqualTo(3);
                assertThat(cut.provider()).isEqualTo("animatic");
                assertThat(cut.state()).isEqualTo("interrupted");
                assertThat(cut.error()).contains("next produce");
            });
            assertThat(desk.regenerations(2)).isEmpty();
            assertThat(another.regenerate(1, 2, "animatic").state()).isEqualTo("queued");
            assertThat(desk.regenerations(1)).extracting(SeriesDesk.RegenerationJob::id).containsExactly("1", "2", "3");
        }
    }

    @Test
    void the_served_studio_gives_submissions_signed_callback_addresses_and_hands_callbacks_to_the_take_engine() throws Exception {
        series("");
        try (Studio studio = studio()) {
            Serving.Site site = new Serving.Site(List.of(studio), null, CLOCK, null);
            Serving.studio(site, Map.of(Serving.PUBLIC_URL_ENV, "https://studio.example/", StudioLogin.PASSWORD_ENV, "a long enough password"));
            studio.productionFloor().produce("1", false, true);

            String body = stub.findAll(postRequestedFor(urlPathEqualTo("/ark/api/v3/contents/generations/tasks"))).get(0).getBodyAsString();
            String callback = Json.mapper().readTree(body).path("callback_url").asText();
            assertThat(callback).startsWith("https://studio.example/hooks/seedance/");
            String[] parts = callback.substring("https://studio.example/hooks/".length()).split("/");
            StudioLogin login = StudioLogin.open(ws.stateDir().resolve("studio"), null, new java.security.SecureRandom()).login();
            assertThat(new CallbackAddresses(login).verify(parts[0], parts[1], parts[2])).isTrue();

            // the intake is the engine's: it knows the Seedance task it submitted, and no other
            List<java.util.function.BiPredicate<String, String>> engines = Serving.engines(List.of(studio));
            assertThat(engines).hasSize(1);
            assertThat(engines.get(0).test("seedance", "cgt-20261125-abcde")).isTrue();
            assertThat(engines.get(0).test("seedance", "cgt-unknown")).isFalse();
            List<String> handed = new ArrayList<>();
            TakeIntake intake = Serving.intakeOver(List.of((p, t) -> false, (p, t) -> handed.add(p + " " + t)));
            intake.callback("kling", "7", "{\"data\":{\"task_id\":\"860283571562893312\"}}");
            assertThat(handed).containsExactly("kling 860283571562893312");
        }
    }

    /** Every file the run wrote (workspace, cache, logs, state database) is free of every key. */
    private void assertNoFileHoldsAKey() throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.toString().endsWith(".mv.db"));
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String key : ENV.values()) {
                assertThat(text).as(f.toString()).doesNotContain(key).doesNotContain(key.substring(0, key.length() / 2 + 1));
            }
        }
    }

    /** Coloured bars with a moving stripe: a picture a decoder and the blank check can tell apart. */
    record Bars(int width, int height, int frameCount) implements FrameSource {
        @Override
        public void render(int index, BufferedImage target) {
            Graphics2D g = target.createGraphics();
            try {
                for (int i = 0; i < 6; i++) {
                    g.setColor(Color.getHSBColor(i / 6f, 0.6f, 0.9f));
                    g.fillRect(i * width / 6, 0, width / 6 + 1, height);
                }
                g.setColor(Color.WHITE);
                g.fillRect(0, (index * 7) % height, width, height / 12);
            } finally {
                g.dispose();
            }
        }
    }

}
