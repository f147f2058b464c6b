package dev.tsuzuku.video;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tsuzuku.provider.Stubs.CONNECT;
import static dev.tsuzuku.provider.Stubs.REQUEST;
import static dev.tsuzuku.provider.Stubs.fixture;
import static dev.tsuzuku.video.KlingLegacyVideoTest.kError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Stubs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kling's new-style API (model in the path, static API key, GET /tasks) against a local stub. */
class KlingVideoTest {
    static final String KEY = "kling-sk-61b0c3e2f7a94d58b6e1";
    static final String TASK = "860283571562893312";
    static final Clock AT_VECTOR = Clock.fixed(Instant.ofEpochSecond(1781080794), ZoneOffset.UTC);

    private final WireMockServer kling = new WireMockServer(options().dynamicPort());
    private KlingVideo adapter;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        kling.start();
        base = kling.baseUrl();
        adapter = new KlingVideo(URI.create(base), KEY, null, CONNECT, REQUEST, AT_VECTOR);
    }

    @AfterEach
    void stop() {
        kling.stop();
    }

    private static TakeRequest shot() {
        return TakeRequest.of("ep12-shot03", "The girl looks up at the rain", 10).withResolution("1080p").withAudio(true)
                .withCallback(URI.create("https://studio.example.com/hooks/kling"));
    }

    @Test
    void text_to_video_submits_polls_to_succeeded_and_downloads() throws Exception {
        kling.stubFor(post("/text-to-video/kling-2.6").willReturn(okJson(fixture("kling-created.json", base))));
        kling.stubFor(get(urlPathEqualTo("/tasks")).withQueryParam("task_ids", equalTo(TASK)).inScenario("t")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(fixture("kling-tasks-processing.json", base)))
                .willSetStateTo("done"));
        kling.stubFor(get(urlPathEqualTo("/tasks")).withQueryParam("task_ids", equalTo(TASK)).inScenario("t")
                .whenScenarioStateIs("done").willReturn(okJson(fixture("kling-tasks-succeeded.json", base))));
        kling.stubFor(get("/cdn/take.mp4").willReturn(aResponse().withBody(Stubs.mp4())));

        String id = adapter.submit(shot());
        VideoTask running = adapter.poll(id);
        VideoTask done = adapter.poll(id);

        assertThat(id).isEqualTo(TASK);
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.videoUrls()).containsExactly(URI.create(base + "/cdn/take.mp4"));
        assertThat(done.usage()).isEqualTo(new Usage(Usage.UNITS, 1.5));
        assertThat(done.took()).as("create_time → update_time, ms").contains(java.time.Duration.ofMillis(115_349));
        assertThat(Files.readAllBytes(adapter.download(done.video(), dir.resolve("t.mp4")))).isEqualTo(Stubs.mp4());
        kling.verify(postRequestedFor(urlEqualTo("/text-to-video/kling-2.6"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("""
                        {"prompt": "The girl looks up at the rain",
                         "settings": {"audio": "native", "resolution": "1080p", "aspect_ratio": "9:16", "duration": 10},
                         "options": {"callback_url": "https://studio.example.com/hooks/kling",
                                     "external_task_id": "ep12-shot03", "watermark_info": {"enabled": false}}}""")));
    }

    @Test
    void a_first_frame_goes_to_image_to_video_of_the_requested_model() {
        kling.stubFor(post("/image-to-video/kling-3.0").willReturn(okJson(fixture("kling-created.json", base))));

        adapter.submit(shot().withModel("kling-3.0").withFirstFrame(ImageRef.url(URI.create("https://example.com/k.png"))));

        kling.verify(postRequestedFor(urlEqualTo("/image-to-video/kling-3.0"))
                .withRequestBody(equalToJson("{\"image\": \"https://example.com/k.png\"}", true, true)));
    }

    @Test
    void reconciliation_finds_a_task_by_external_task_id() {
        kling.stubFor(get(urlPathEqualTo("/tasks")).withQueryParam("external_task_ids", equalTo("ep12-shot03"))
                .willReturn(okJson(fixture("kling-tasks-processing.json", base))));
        kling.stubFor(get(urlPathEqualTo("/tasks")).withQueryParam("external_task_ids", equalTo("never-sent"))
                .willReturn(okJson("{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"r\",\"data\":[]}")));

        assertThat(adapter.find(shot(), Instant.EPOCH)).map(VideoTask::taskId).contains(TASK);
        assertThat(adapter.find(TakeRequest.of("never-sent", "x", 5), Instant.EPOCH)).isEmpty();
    }

    @Test
    void polling_an_unknown_id_is_not_found() {
        kling.stubFor(get(urlPathEqualTo("/tasks")).willReturn(okJson(
                "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"r\",\"data\":[]}")));

        assertThat(Stubs.failure(() -> adapter.poll("404404"), KEY).kind()).isEqualTo(FailureKind.NOT_FOUND);
    }

    @Test
    void concurrency_rate_limit_and_moderation_are_told_apart() {
        kling.stubFor(post("/text-to-video/kling-2.6").inScenario("e").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(kError(429, 1303, "parallel task over resource pack limit").withHeader("Retry-After", "2"))
                .willSetStateTo("rpm"));
        kling.stubFor(post("/text-to-video/kling-2.6").inScenario("e").whenScenarioStateIs("rpm")
                .willReturn(kError(429, 1302, "rate limit")).willSetStateTo("policy"));
        kling.stubFor(post("/text-to-video/kling-2.6").inScenario("e").whenScenarioStateIs("policy")
                .willReturn(kError(400, 1301, "content security")));

        ProviderException slots = Stubs.failure(() -> adapter.submit(shot()), KEY);
        ProviderException rpm = Stubs.failure(() -> adapter.submit(shot()), KEY);
        ProviderException policy = Stubs.failure(() -> adapter.submit(shot()), KEY);

        assertThat(slots.kind()).isEqualTo(FailureKind.CONCURRENCY_LIMIT);
        assertThat(slots.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(rpm.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(policy.kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(policy.retryable()).isFalse();
    }

    @Test
    void a_failed_task_carries_its_message() throws Exception {
        JsonNode t = ProviderHttp.JSON.readTree("""
                {"id":"9","status":"failed","message":"Content did not pass the safety review","create_time":1781080778802}""");

        VideoTask task = adapter.task(t);

        assertThat(task.state()).isEqualTo(TaskState.FAILED);
        assertThat(task.failure().kind()).isEqualTo(FailureKind.MODERATION);
    }

    @Test
    void a_signed_callback_names_its_task_and_a_forged_one_is_refused() {
        var vector = Stubs.fixture("kling-webhook-vector.json", base);
        JsonNode v = read(vector);
        StandardWebhooks verifier = new StandardWebhooks(v.path("secret").asText(), AT_VECTOR);

        String id = adapter.callback(verifier, v.path("id").asText(), v.path("timestamp").asText(),
                v.path("signature").asText(), v.path("body").asText());
        ProviderException forged = Stubs.failure(() -> adapter.callback(verifier, v.path("id").asText(),
                v.path("timestamp").asText(), v.path("signature").asText(),
                v.path("body").asText().replace("1234567890", "1234567891")), KEY, v.path("secret").asText());

        assertThat(id).isEqualTo("1234567890");
        assertThat(forged.kind()).isEqualTo(FailureKind.AUTH);
    }

    @Test
    void reference_images_are_refused_before_any_call() {
        ProviderException e = Stubs.failure(() -> adapter.submit(shot().withReferenceImages(
                List.of(ImageRef.url(URI.create("https://example.com/a.png"))))), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(kling.getAllServeEvents()).isEmpty();
    }

    private static JsonNode read(String json) {
        try {
            return ProviderHttp.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
