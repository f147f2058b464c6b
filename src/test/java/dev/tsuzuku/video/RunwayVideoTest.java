package dev.tsuzuku.video;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tsuzuku.provider.Stubs.CLOCK;
import static dev.tsuzuku.provider.Stubs.CONNECT;
import static dev.tsuzuku.provider.Stubs.REQUEST;
import static dev.tsuzuku.provider.Stubs.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.Stubs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runway's image_to_video + tasks API against a local stub that insists on X-Runway-Version. */
class RunwayVideoTest {
    static final String SECRET = "key_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a";
    static final String ID = "17f20503-6c24-4c16-946b-35dbbce2af2f";
    static final String TASK = "/v1/tasks/" + ID;

    private final WireMockServer runway = new WireMockServer(options().dynamicPort());
    private RunwayVideo adapter;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        runway.start();
        base = runway.baseUrl();
        adapter = new RunwayVideo(URI.create(base), SECRET, null, CONNECT, REQUEST, CLOCK);
        // the real API refuses a call without the version header; so does the stub
        runway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Missing or invalid X-Runway-Version header\"}")));
    }

    @AfterEach
    void stop() {
        runway.stop();
    }

    private static TakeRequest shot() {
        return TakeRequest.of("ep12-shot03", "The girl turns to the camera", 5).withSeed(42L)
                .withFirstFrame(ImageRef.url(URI.create("https://example.com/first.png")));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder versioned(
            com.github.tomakehurst.wiremock.client.MappingBuilder m) {
        return m.withHeader("X-Runway-Version", equalTo("2024-11-06")).atPriority(1);
    }

    @Test
    void submit_pending_throttled_running_succeeded_then_download() throws Exception {
        runway.stubFor(versioned(post("/v1/image_to_video")).willReturn(okJson(fixture("runway-created.json", base))));
        String[] states = {"PENDING", "THROTTLED", "RUNNING"};
        for (int i = 0; i < states.length; i++) {
            String body = states[i].equals("RUNNING")
                    ? "{\"id\":\"" + ID + "\",\"status\":\"RUNNING\",\"progress\":0.4,\"createdAt\":\"2026-06-10T07:59:00Z\"}"
                    : "{\"id\":\"" + ID + "\",\"status\":\"" + states[i] + "\",\"createdAt\":\"2026-06-10T07:59:00Z\"}";
            runway.stubFor(versioned(get(TASK)).inScenario("t").whenScenarioStateIs(i == 0 ? Scenario.STARTED : states[i])
                    .willReturn(okJson(body)).willSetStateTo(i + 1 < states.length ? states[i + 1] : "SUCCEEDED"));
        }
        runway.stubFor(versioned(get(TASK)).inScenario("t").whenScenarioStateIs("SUCCEEDED").willReturn(okJson(
                "{\"id\":\"" + ID + "\",\"status\":\"SUCCEEDED\",\"createdAt\":\"2026-06-10T07:59:00Z\",\"output\":[\""
                        + base + "/out/take.mp4?_jwt=abc\"]}")));
        runway.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/out/take.mp4"))
                .willReturn(aResponse().withBody(Stubs.mp4())));

        String id = adapter.submit(shot());
        VideoTask pending = adapter.poll(id);
        VideoTask throttled = adapter.poll(id);
        VideoTask running = adapter.poll(id);
        VideoTask done = adapter.poll(id);

        assertThat(id).isEqualTo(ID);
        assertThat(pending.state()).isEqualTo(TaskState.QUEUED);
        assertThat(throttled.state()).isEqualTo(TaskState.QUEUED);
        assertThat(throttled.detail()).isEqualTo("THROTTLED");
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(running.progress()).isEqualTo(0.4);
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.createdAt()).isEqualTo(Instant.parse("2026-06-10T07:59:00Z"));
        assertThat(done.took()).as("Runway reports no end time: its latency is learnt by polls").isEmpty();
        assertThat(Files.readAllBytes(adapter.download(done.video(), dir.resolve("t.mp4")))).isEqualTo(Stubs.mp4());
        runway.verify(postRequestedFor(urlEqualTo("/v1/image_to_video"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET))
                .withRequestBody(equalToJson("""
                        {"model": "gen4_turbo", "promptImage": "https://example.com/first.png",
                         "promptText": "The girl turns to the camera", "ratio": "720:1280", "duration": 5, "seed": 42}""")));
    }

    @Test
    void first_and_last_frames_go_as_positioned_prompt_images() {
        runway.stubFor(versioned(post("/v1/image_to_video")).willReturn(okJson(fixture("runway-created.json", base))));

        adapter.submit(shot().withLastFrame(ImageRef.url(URI.create("https://example.com/last.png"))));

        runway.verify(postRequestedFor(urlEqualTo("/v1/image_to_video")).withRequestBody(equalToJson("""
                {"promptImage": [{"uri": "https://example.com/first.png", "position": "first"},
                                 {"uri": "https://example.com/last.png", "position": "last"}]}""", true, true)));
    }

    @Test
    void the_vertical_ratio_per_model() {
        assertThat(RunwayVideo.ratio("gen4_turbo", "9:16")).isEqualTo("720:1280");
        assertThat(RunwayVideo.ratio("gen4.5", "9:16")).isEqualTo("720:1280");
        assertThat(RunwayVideo.ratio("veo3.1", "9:16")).isEqualTo("1080:1920");
        assertThat(RunwayVideo.ratio("gen4_turbo", "1584:672")).isEqualTo("1584:672");
        assertThat(RunwayVideo.ratio("gen4_turbo", "21:9")).isNull();
        assertThat(Stubs.failure(() -> adapter.submit(TakeRequest.of("k", "p", 5)
                .withFirstFrame(ImageRef.url(URI.create("https://example.com/a.png"))).withRatio("21:9")), SECRET).kind())
                .isEqualTo(FailureKind.INVALID_REQUEST);
    }

    @Test
    void a_429_is_a_rate_limit_with_retry_after() {
        runway.stubFor(versioned(post("/v1/image_to_video")).willReturn(err(429, "Too many requests")
                .withHeader("Retry-After", "Wed, 10 Jun 2026 08:00:30 GMT")));

        ProviderException e = Stubs.failure(() -> adapter.submit(shot()), SECRET);

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void http_failures_are_classified() {
        record Case(int status, String message, FailureKind kind) {}
        for (Case c : List.of(
                new Case(401, "Invalid API key " + SECRET, FailureKind.AUTH),
                new Case(400, "promptImage must be a valid URI", FailureKind.INVALID_REQUEST),
                new Case(400, "You do not have enough credits to run this task.", FailureKind.INSUFFICIENT_BALANCE),
                new Case(502, "Bad gateway", FailureKind.SERVER_ERROR))) {
            runway.resetMappings();
            runway.stubFor(versioned(post("/v1/image_to_video")).willReturn(err(c.status(), c.message())));

            assertThat(Stubs.failure(() -> adapter.submit(shot()), SECRET).kind()).as(c.message()).isEqualTo(c.kind());
        }
    }

    @Test
    void a_call_without_the_version_header_would_be_refused_by_the_stub() {
        // guards the stub itself: the adapter's calls match only because they carry the header
        runway.stubFor(versioned(post("/v1/image_to_video")).willReturn(okJson(fixture("runway-created.json", base))));

        assertThat(adapter.submit(shot())).isEqualTo(ID);
        runway.verify(postRequestedFor(urlEqualTo("/v1/image_to_video")).withHeader("X-Runway-Version",
                equalTo(RunwayVideo.API_VERSION)));
    }

    @Test
    void failed_and_cancelled_tasks_are_classified() {
        runway.stubFor(versioned(get("/v1/tasks/a")).willReturn(okJson(
                "{\"id\":\"a\",\"status\":\"FAILED\",\"failure\":\"Input text did not pass moderation\",\"failureCode\":\"SAFETY.INPUT.TEXT\"}")));
        runway.stubFor(versioned(get("/v1/tasks/b")).willReturn(okJson(
                "{\"id\":\"b\",\"status\":\"FAILED\",\"failure\":\"An internal error occurred\",\"failureCode\":\"INTERNAL.BAD_OUTPUT.CODE01\"}")));
        runway.stubFor(versioned(get("/v1/tasks/c")).willReturn(okJson("{\"id\":\"c\",\"status\":\"CANCELLED\"}")));

        assertThat(adapter.poll("a").failure().kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(adapter.poll("b").failure().kind()).isEqualTo(FailureKind.GENERATION_FAILED);
        assertThat(adapter.poll("c").failure().kind()).isEqualTo(FailureKind.CANCELLED);
        assertThat(adapter.poll("c").state()).isEqualTo(TaskState.FAILED);
    }

    @Test
    void reconciliation_is_by_task_id_only() {
        runway.stubFor(versioned(get(TASK)).willReturn(okJson("{\"id\":\"" + ID + "\",\"status\":\"RUNNING\"}")));
        runway.stubFor(versioned(get("/v1/tasks/gone")).willReturn(err(404, "Task not found")));

        assertThat(adapter.capabilities().findsByKey()).isFalse();
        assertThat(adapter.find(shot(), Instant.EPOCH)).isEmpty();
        assertThat(adapter.poll(ID).state()).isEqualTo(TaskState.RUNNING);
        assertThat(Stubs.failure(() -> adapter.poll("gone"), SECRET).kind()).isEqualTo(FailureKind.NOT_FOUND);
    }

    @Test
    void no_first_frame_is_refused_before_any_call() {
        ProviderException e = Stubs.failure(() -> adapter.submit(TakeRequest.of("k", "text only", 5)), SECRET);

        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(runway.getAllServeEvents()).isEmpty();
    }

    private static ResponseDefinitionBuilder err(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"" + message + "\"}");
    }
}
