package dev.tsuzuku.video;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tsuzuku.provider.Stubs.CLOCK;
import static dev.tsuzuku.provider.Stubs.CONNECT;
import static dev.tsuzuku.provider.Stubs.REQUEST;
import static dev.tsuzuku.provider.Stubs.fixture;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seedance against a local stub of the Ark / ModelArk content-generation task API. */
class SeedanceVideoTest {
    static final String KEY = "ark-5f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
    static final String TASKS = "/api/v3/contents/generations/tasks";
    static final String ID = "cgt-20251009163014-wfnnx";

    private final WireMockServer ark = new WireMockServer(options().dynamicPort());
    private SeedanceVideo seedance;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        ark.start();
        base = ark.baseUrl();
        seedance = new SeedanceVideo(URI.create(base + "/api/v3"), KEY, null, CONNECT, REQUEST, CLOCK);
    }

    @AfterEach
    void stop() {
        ark.stop();
    }

    private static TakeRequest shot() {
        return TakeRequest.of("ep12-shot03-v1", "A girl turns to the camera, anime style", 5)
                .withFirstFrame(ImageRef.url(URI.create("https://example.com/first.png")))
                .withAudio(true)
                .withCallback(URI.create("https://studio.example.com/hooks/seedance"));
    }

    @Test
    void the_documented_base_urls_of_both_platforms() {
        assertThat(SeedanceVideo.VOLCENGINE_ARK).hasToString("https://ark.cn-beijing.volces.com/api/v3");
        assertThat(SeedanceVideo.BYTEPLUS_MODELARK).hasToString("https://ark.ap-southeast.bytepluses.com/api/v3");
    }

    @Test
    void allowed_durations_follow_the_model_generation() {
        URI b = URI.create(base + "/api/v3");
        assertThat(seedance.capabilities().durations()).containsExactlyElementsOf(Capabilities.range(4, 12));
        assertThat(new SeedanceVideo(b, KEY, "doubao-seedance-2-0-260128", CONNECT, REQUEST, CLOCK).capabilities()
                .durations()).endsWith(15);
        assertThat(new SeedanceVideo(b, KEY, "seedance-1-0-pro-250528", CONNECT, REQUEST, CLOCK).capabilities()
                .durations()).startsWith(2);
    }

    @Test
    void submit_polls_queued_running_succeeded_and_downloads_a_real_clip() throws Exception {
        ark.stubFor(post(TASKS).willReturn(okJson(fixture("seedance-created.json", base))));
        ark.stubFor(get(TASKS + "/" + ID).inScenario("task").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(fixture("seedance-queued.json", base))).willSetStateTo("running"));
        ark.stubFor(get(TASKS + "/" + ID).inScenario("task").whenScenarioStateIs("running")
                .willReturn(okJson(fixture("seedance-running.json", base))).willSetStateTo("done"));
        ark.stubFor(get(TASKS + "/" + ID).inScenario("task").whenScenarioStateIs("done")
                .willReturn(okJson(fixture("seedance-succeeded.json", base))));
        ark.stubFor(get(urlPathEqualTo("/tos/take.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody(Stubs.mp4())));

        String id = seedance.submit(shot());
        VideoTask queued = seedance.poll(id);
        VideoTask running = seedance.poll(id);
        VideoTask done = seedance.poll(id);
        Path clip = seedance.download(done.video(), dir.resolve("takes/shot03.mp4"));

        assertThat(id).isEqualTo(ID);
        assertThat(queued.state()).isEqualTo(TaskState.QUEUED);
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.lastFrameUrl()).hasToString(base + "/tos/last.png?X-Tos-Expires=86400");
        assertThat(done.usage()).isEqualTo(new Usage(Usage.TOKENS, 102_960));
        assertThat(done.took()).as("created_at → updated_at, unix seconds").contains(java.time.Duration.ofSeconds(56));
        assertThat(running.took()).as("not ended yet").isEmpty();
        assertThat(Files.readAllBytes(clip)).isEqualTo(Stubs.mp4());
        assertThat(new String(Files.readAllBytes(clip), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(dir.resolve("takes")).isDirectoryNotContaining("glob:**.part");
        // the download carries no credential to the CDN
        assertThat(ark.findAll(getRequestedFor(urlPathEqualTo("/tos/take.mp4"))).get(0).containsHeader("Authorization"))
                .isFalse();
    }

    @Test
    void the_create_body_is_the_documented_one() {
        ark.stubFor(post(TASKS).willReturn(okJson(fixture("seedance-created.json", base))));

        seedance.submit(shot().withReferenceImages(List.of()).withSeed(11L));

        ark.verify(postRequestedFor(urlEqualTo(TASKS))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("""
                        {"model": "doubao-seedance-1-5-pro-251215",
                         "content": [
                           {"type": "text", "text": "A girl turns to the camera, anime style"},
                           {"type": "image_url", "image_url": {"url": "https://example.com/first.png"}, "role": "first_frame"}
                         ],
                         "ratio": "9:16", "resolution": "720p", "duration": 5, "seed": 11,
                         "generate_audio": true, "watermark": false, "return_last_frame": true,
                         "callback_url": "https://studio.example.com/hooks/seedance",
                         "safety_identifier": "${json-unit.any-string}"}""")));
    }

    @Test
    void first_and_last_frames_and_reference_images_take_their_roles() throws Exception {
        ark.stubFor(post(TASKS).willReturn(okJson(fixture("seedance-created.json", base))));
        byte[] png = Stubs.png(8, 14);

        seedance.submit(TakeRequest.of("k1", "walks", 5).withFirstFrame(ImageRef.png(png))
                .withLastFrame(ImageRef.url(URI.create("https://example.com/last.png"))));
        seedance.submit(TakeRequest.of("k2", "walks", 5).withReferenceImages(List.of(
                ImageRef.url(URI.create("https://example.com/sheet-a.png")),
                ImageRef.url(URI.create("https://example.com/sheet-b.png")))));

        var requests = ark.findAll(postRequestedFor(urlEqualTo(TASKS)));
        JsonNode frames = ProviderHttp.JSON.readTree(requests.get(0).getBodyAsString()).path("content");
        assertThat(frames.get(1).path("role").asText()).isEqualTo("first_frame");
        assertThat(frames.get(1).path("image_url").path("url").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        assertThat(frames.get(2).path("role").asText()).isEqualTo("last_frame");
        JsonNode refs = ProviderHttp.JSON.readTree(requests.get(1).getBodyAsString()).path("content");
        assertThat(refs.get(1).path("role").asText()).isEqualTo("reference_image");
        assertThat(refs.get(2).path("image_url").path("url").asText()).isEqualTo("https://example.com/sheet-b.png");
    }

    @Test
    void a_first_frame_with_reference_images_is_refused_before_any_call() {
        ProviderException e = Stubs.failure(() -> seedance.submit(shot().withReferenceImages(
                List.of(ImageRef.url(URI.create("https://example.com/a.png"))))), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(ark.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_429_is_a_rate_limit_with_its_retry_after() {
        ark.stubFor(post(TASKS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json").withBody(fixture("seedance-429.json", base))));

        ProviderException e = Stubs.failure(() -> seedance.submit(shot()), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.failure().code()).isEqualTo("RateLimitExceeded.EndpointRPMExceeded");
    }

    @Test
    void the_queue_limit_is_retryable_as_queue_full() {
        ark.stubFor(post(TASKS).willReturn(error(429, "TooManyRequests",
                "The number of queued tasks for your account exceeds the queue limit of 120.")));

        ProviderException e = Stubs.failure(() -> seedance.submit(shot()), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.QUEUE_FULL);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void server_errors_are_retryable() {
        ark.stubFor(post(TASKS).willReturn(error(500, "InternalServiceError", "The service encountered an error")));

        ProviderException e = Stubs.failure(() -> seedance.submit(shot()), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void a_sensitive_prompt_is_a_terminal_moderation_failure() {
        ark.stubFor(post(TASKS).willReturn(error(400, "InputTextSensitiveContentDetected",
                "The request failed because the input text may contain sensitive information.")));

        ProviderException e = Stubs.failure(() -> seedance.submit(shot()), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(e.kind().moderation()).isTrue();
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void a_wrong_key_is_a_terminal_auth_failure_that_never_shows_the_key() {
        ark.stubFor(post(TASKS).willReturn(error(401, "AuthenticationError",
                "the API key or AK/SK in the request is missing or invalid: Bearer " + KEY)));

        ProviderException e = Stubs.failure(() -> seedance.submit(shot()), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("[redacted]");
    }

    @Test
    void invalid_parameters_and_overdue_accounts_are_terminal() {
        ark.stubFor(post(TASKS).inScenario("e").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "InvalidParameter", "duration must be 4..12")).willSetStateTo("overdue"));
        ark.stubFor(post(TASKS).inScenario("e").whenScenarioStateIs("overdue")
                .willReturn(error(403, "AccountOverdueError", "your account is overdue")));

        assertThat(Stubs.failure(() -> seedance.submit(shot()), KEY).kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(Stubs.failure(() -> seedance.submit(shot()), KEY).kind()).isEqualTo(FailureKind.INSUFFICIENT_BALANCE);
    }

    @Test
    void a_task_failed_by_moderation_comes_back_failed_and_flagged() {
        ark.stubFor(get(TASKS + "/" + ID).willReturn(okJson(fixture("seedance-failed-moderation.json", base))));

        VideoTask t = seedance.poll(ID);

        assertThat(t.state()).isEqualTo(TaskState.FAILED);
        assertThat(t.failure().kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(t.failure().code()).isEqualTo("OutputVideoSensitiveContentDetected");
    }

    @Test
    void an_expired_task_is_failed_but_retryable() {
        ark.stubFor(get(TASKS + "/" + ID).willReturn(okJson(fixture("seedance-expired.json", base))));

        VideoTask t = seedance.poll(ID);

        assertThat(t.state()).isEqualTo(TaskState.FAILED);
        assertThat(t.failure().kind()).isEqualTo(FailureKind.EXPIRED);
        assertThat(t.failure().retryable()).isTrue();
    }

    @Test
    void an_unknown_task_id_is_not_found() {
        ark.stubFor(get(TASKS + "/cgt-nope").willReturn(error(404, "ResourceNotFound", "task cgt-nope not found")));

        assertThat(Stubs.failure(() -> seedance.poll("cgt-nope"), KEY).kind()).isEqualTo(FailureKind.NOT_FOUND);
    }

    @Test
    void an_expired_output_link_is_an_expiry_failure() {
        ark.stubFor(get(urlPathEqualTo("/tos/gone.mp4")).willReturn(aResponse().withStatus(403)));

        ProviderException e = Stubs.failure(() -> seedance.download(URI.create(base + "/tos/gone.mp4?X-Tos-Signature=s3cr3t"),
                dir.resolve("gone.mp4")), KEY, "s3cr3t");

        assertThat(e.kind()).isEqualTo(FailureKind.EXPIRED);
        assertThat(dir.resolve("gone.mp4")).doesNotExist();
    }

    @Test
    void reconciliation_finds_the_task_of_a_request_in_the_task_list() {
        TakeRequest mine = shot();
        String tag = SeedanceVideo.tag(mine.idempotencyKey());
        ark.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("page_num", equalTo("1"))
                .withQueryParam("filter.model", equalTo("doubao-seedance-1-5-pro-251215"))
                .willReturn(okJson("""
                        {"total": 3, "items": [
                          {"id": "cgt-other", "status": "running", "created_at": 1781078500, "safety_identifier": "tsuzuku-0000"},
                          {"id": "cgt-mine", "status": "running", "created_at": 1781078500, "safety_identifier": "%s"},
                          {"id": "cgt-old", "status": "succeeded", "created_at": 1700000000, "safety_identifier": "%s",
                           "content": {"video_url": "https://x/old.mp4"}}
                        ]}""".formatted(tag, tag))));

        Optional<VideoTask> found = seedance.find(mine, Instant.parse("2026-06-10T07:55:00Z"));
        Optional<VideoTask> none = seedance.find(TakeRequest.of("never-sent", "x", 5), Instant.parse("2026-06-10T07:55:00Z"));

        assertThat(found).map(VideoTask::taskId).contains("cgt-mine");
        assertThat(found.get().externalId()).isEqualTo(tag);
        assertThat(none).isEmpty();
        assertThat(tag).doesNotContain(mine.idempotencyKey());
    }

    @Test
    void reconciliation_reads_every_page_of_the_list() {
        TakeRequest mine = shot();
        StringBuilder page1 = new StringBuilder("{\"total\": 101, \"items\": [");
        for (int i = 0; i < SeedanceVideo.PAGE_SIZE; i++) {
            page1.append(i == 0 ? "" : ",").append("{\"id\": \"cgt-").append(i)
                    .append("\", \"status\": \"running\", \"safety_identifier\": \"tsuzuku-x\"}");
        }
        page1.append("]}");
        ark.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("page_num", equalTo("1")).willReturn(okJson(page1.toString())));
        ark.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("page_num", equalTo("2")).willReturn(okJson("""
                {"total": 101, "items": [{"id": "cgt-mine", "status": "queued", "safety_identifier": "%s"}]}"""
                .formatted(SeedanceVideo.tag(mine.idempotencyKey())))));

        assertThat(seedance.find(mine, Instant.EPOCH)).map(VideoTask::taskId).contains("cgt-mine");
        ark.verify(2, getRequestedFor(urlPathEqualTo(TASKS)).withQueryParam("page_size", equalTo("100")));
    }

    @Test
    void without_the_identifier_in_the_listing_a_fixed_seed_and_shape_still_match() {
        ark.stubFor(get(urlPathEqualTo(TASKS)).willReturn(okJson("""
                {"total": 2, "items": [
                  {"id": "cgt-a", "status": "running", "seed": 12, "duration": 5, "ratio": "9:16", "resolution": "720p"},
                  {"id": "cgt-b", "status": "running", "seed": 11, "duration": 5, "ratio": "9:16", "resolution": "720p"}]}""")));

        assertThat(seedance.find(shot().withSeed(11L), Instant.EPOCH)).map(VideoTask::taskId).contains("cgt-b");
        assertThat(seedance.find(shot(), Instant.EPOCH)).isEmpty();
    }

    @Test
    void the_request_body_asks_for_the_same_identifier_reconciliation_looks_for() throws Exception {
        ark.stubFor(post(TASKS).withRequestBody(matchingJsonPath("$.safety_identifier",
                equalTo(SeedanceVideo.tag("ep12-shot03-v1")))).willReturn(okJson(fixture("seedance-created.json", base))));

        assertThat(seedance.submit(shot())).isEqualTo(ID);
    }

    @Test
    void a_callback_is_a_hint_naming_the_task_to_poll() {
        assertThat(seedance.callback(fixture("seedance-succeeded.json", base))).isEqualTo(ID);
        assertThat(Stubs.failure(() -> seedance.callback("{\"status\":\"succeeded\"}"), KEY).kind())
                .isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(Stubs.failure(() -> seedance.callback("<html>"), KEY).kind()).isEqualTo(FailureKind.INVALID_REQUEST);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String code,
            String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(
                "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + " Request id: 0217\",\"param\":\"\",\"type\":\"\"}}");
    }
}
