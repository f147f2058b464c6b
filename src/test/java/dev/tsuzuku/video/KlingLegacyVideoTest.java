package dev.tsuzuku.video;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
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
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kling's old-style API (JWT from access + secret key, /v1/videos/…) against a local stub. */
class KlingLegacyVideoTest {
    static final String AK = "AKkling0e4f2c6b8a1d3f5e7c9b";
    static final String SK = "SKkling9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final String I2V = "/v1/videos/image2video";
    static final String TASK = "831922345719271433";

    private final WireMockServer kling = new WireMockServer(options().dynamicPort());
    private KlingLegacyVideo adapter;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        kling.start();
        base = kling.baseUrl();
        adapter = new KlingLegacyVideo(URI.create(base), AK, SK, null, CONNECT, REQUEST, CLOCK);
    }

    @AfterEach
    void stop() {
        kling.stop();
    }

    private final byte[] keyframe = Stubs.png(9, 16);

    private TakeRequest shot() {
        return TakeRequest.of("ep12-shot03", "Camera zooms out, the girl smiles", 5)
                .withFirstFrame(ImageRef.png(keyframe))
                .withCallback(URI.create("https://studio.example.com/hooks/kling"));
    }

    @Test
    void image_to_video_submits_polls_to_succeed_and_downloads() throws Exception {
        kling.stubFor(post(I2V).willReturn(okJson(fixture("kling-legacy-created.json", base))));
        kling.stubFor(get(I2V + "/" + TASK).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(fixture("kling-legacy-processing.json", base))).willSetStateTo("done"));
        kling.stubFor(get(I2V + "/" + TASK).inScenario("t").whenScenarioStateIs("done")
                .willReturn(okJson(fixture("kling-legacy-succeed.json", base))));
        kling.stubFor(get("/cdn/take.mp4").willReturn(aResponse().withBody(Stubs.mp4())));

        String id = adapter.submit(shot());
        VideoTask running = adapter.poll(id);
        VideoTask done = adapter.poll(id);
        Path clip = adapter.download(done.video(), dir.resolve("shot03.mp4"));

        assertThat(id).isEqualTo("image2video/" + TASK);
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.taskId()).isEqualTo(id);
        assertThat(done.externalId()).isEqualTo("ep12-shot03");
        assertThat(done.usage()).isEqualTo(new Usage(Usage.UNITS, 1.5));
        assertThat(done.createdAt()).isEqualTo(Instant.ofEpochMilli(1766374262370L));
        assertThat(done.took()).as("created_at → updated_at, ms").contains(java.time.Duration.ofSeconds(100));
        assertThat(Files.readAllBytes(clip)).isEqualTo(Stubs.mp4());
    }

    @Test
    void the_create_body_is_the_documented_one_with_raw_base64_and_the_external_task_id() {
        kling.stubFor(post(I2V).willReturn(okJson(fixture("kling-legacy-created.json", base))));

        adapter.submit(shot());

        kling.verify(postRequestedFor(urlEqualTo(I2V)).withRequestBody(equalToJson("""
                {"model_name": "kling-v2-6", "prompt": "Camera zooms out, the girl smiles", "mode": "std",
                 "aspect_ratio": "9:16", "duration": "5", "image": "%s",
                 "callback_url": "https://studio.example.com/hooks/kling", "external_task_id": "ep12-shot03"}"""
                .formatted(Base64.getEncoder().encodeToString(keyframe)))));
    }

    @Test
    void every_call_carries_a_fresh_hs256_jwt_from_the_access_and_secret_key() {
        kling.stubFor(post(I2V).willReturn(okJson(fixture("kling-legacy-created.json", base))));

        adapter.submit(shot());

        String header = kling.findAll(postRequestedFor(urlEqualTo(I2V))).get(0).getHeader("Authorization");
        assertThat(header).startsWith("Bearer ");
        DecodedJWT jwt = JWT.decode(header.substring("Bearer ".length()));
        Algorithm.HMAC256(SK).verify(jwt); // throws if not signed with the secret key
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getType()).isEqualTo("JWT");
        assertThat(jwt.getIssuer()).isEqualTo(AK);
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(CLOCK.instant().plusSeconds(1800));
        assertThat(jwt.getNotBeforeAsInstant()).isEqualTo(CLOCK.instant().minusSeconds(5));
        assertThat(header).doesNotContain(SK);
    }

    @Test
    void the_stub_checks_the_jwt_like_kling_and_a_token_from_a_skewed_clock_is_refused_as_auth() {
        // the stub's clock is CLOCK; it accepts a token only if signed with SK, iss = AK, nbf <= now < exp
        kling.stubFor(post(I2V).atPriority(1).andMatching(request -> {
            try {
                String h = request.getHeader("Authorization");
                ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(SK)).withIssuer(AK)).build(CLOCK).verify(h.substring("Bearer ".length()));
                return com.github.tomakehurst.wiremock.matching.MatchResult.exactMatch();
            } catch (RuntimeException e) {
                return com.github.tomakehurst.wiremock.matching.MatchResult.noMatch();
            }
        }).willReturn(okJson(fixture("kling-legacy-created.json", base))));
        kling.stubFor(post(I2V).atPriority(5).willReturn(kError(401, 1004, "token expired")));
        KlingLegacyVideo late = new KlingLegacyVideo(URI.create(base), AK, SK, null, CONNECT, REQUEST,
                java.time.Clock.offset(CLOCK, Duration.ofHours(-1)));
        KlingLegacyVideo wrongSecret = new KlingLegacyVideo(URI.create(base), AK, SK + "x", null, CONNECT, REQUEST, CLOCK);

        assertThat(adapter.submit(shot())).isEqualTo("image2video/" + TASK);
        ProviderException expired = Stubs.failure(() -> late.submit(shot()), AK, SK);
        ProviderException forged = Stubs.failure(() -> wrongSecret.submit(shot()), AK, SK);

        assertThat(expired.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(expired.failure().code()).isEqualTo("1004");
        assertThat(forged.kind()).isEqualTo(FailureKind.AUTH);
    }

    @Test
    void text_only_goes_to_text2video_and_sheets_to_multi_image2video() {
        kling.stubFor(post("/v1/videos/text2video").willReturn(okJson(fixture("kling-legacy-created.json", base))));
        kling.stubFor(post("/v1/videos/multi-image2video").willReturn(okJson(fixture("kling-legacy-created.json", base))));

        String t2v = adapter.submit(TakeRequest.of("k1", "rain on the sea", 10).withAudio(true));
        String multi = adapter.submit(TakeRequest.of("k2", "two friends", 5).withReferenceImages(List.of(
                ImageRef.url(URI.create("https://example.com/a.png")), ImageRef.url(URI.create("https://example.com/b.png")))));

        assertThat(t2v).isEqualTo("text2video/" + TASK);
        assertThat(multi).isEqualTo("multi-image2video/" + TASK);
        kling.verify(postRequestedFor(urlEqualTo("/v1/videos/text2video")).withRequestBody(equalToJson(
                "{\"duration\":\"10\",\"sound\":\"on\"}", true, true)));
        kling.verify(postRequestedFor(urlEqualTo("/v1/videos/multi-image2video")).withRequestBody(equalToJson("""
                {"model_name": "kling-v1-6",
                 "image_list": [{"image": "https://example.com/a.png"}, {"image": "https://example.com/b.png"}]}""",
                true, true)));
    }

    @Test
    void code_1303_is_the_concurrency_limit_and_keeps_its_retry_after() {
        kling.stubFor(post(I2V).willReturn(kError(429, 1303, "parallel task over resource pack limit")
                .withHeader("Retry-After", "3")));

        ProviderException e = Stubs.failure(() -> adapter.submit(shot()), AK, SK);

        assertThat(e.kind()).isEqualTo(FailureKind.CONCURRENCY_LIMIT);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(e.failure().code()).isEqualTo("1303");
    }

    @Test
    void the_error_code_table_decides_the_kind() {
        record Case(int http, int code, FailureKind kind) {}
        List<Case> cases = List.of(
                new Case(429, 1302, FailureKind.RATE_LIMITED),
                new Case(400, 1301, FailureKind.MODERATION),
                new Case(400, 1300, FailureKind.MODERATION),
                new Case(429, 1102, FailureKind.INSUFFICIENT_BALANCE),
                new Case(429, 1101, FailureKind.INSUFFICIENT_BALANCE),
                new Case(400, 1201, FailureKind.INVALID_REQUEST),
                new Case(401, 1004, FailureKind.AUTH),
                new Case(401, 1003, FailureKind.AUTH),
                new Case(403, 1103, FailureKind.AUTH),
                new Case(500, 5000, FailureKind.SERVER_ERROR),
                new Case(503, 5001, FailureKind.SERVER_ERROR),
                new Case(504, 5002, FailureKind.TIMEOUT));
        for (Case c : cases) {
            kling.resetAll();
            kling.stubFor(post(I2V).willReturn(kError(c.http(), c.code(), "error " + c.code())));

            ProviderException e = Stubs.failure(() -> adapter.submit(shot()), AK, SK);

            assertThat(e.kind()).as("HTTP %d code %d", c.http(), c.code()).isEqualTo(c.kind());
            assertThat(e.retryable()).as("code %d", c.code()).isEqualTo(c.kind().retryable());
        }
    }

    @Test
    void a_failed_task_is_classified_from_its_message() {
        kling.stubFor(get(I2V + "/1").willReturn(okJson(failedTask("1", "Failure to pass the risk control system"))));
        kling.stubFor(get(I2V + "/2").willReturn(okJson(failedTask("2", "internal generation error, please retry"))));

        VideoTask moderated = adapter.poll("image2video/1");
        VideoTask broken = adapter.poll("image2video/2");

        assertThat(moderated.state()).isEqualTo(TaskState.FAILED);
        assertThat(moderated.failure().kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(broken.failure().kind()).isEqualTo(FailureKind.GENERATION_FAILED);
        assertThat(broken.failure().retryable()).isTrue();
    }

    @Test
    void reconciliation_queries_by_external_task_id_on_the_endpoint_the_request_would_use() {
        kling.stubFor(get(I2V + "/ep12-shot03").willReturn(okJson(fixture("kling-legacy-processing.json", base))));
        kling.stubFor(get(I2V + "/never-sent").willReturn(kError(404, 1203, "task not found")));

        assertThat(adapter.find(shot(), Instant.EPOCH)).map(VideoTask::taskId).contains("image2video/" + TASK);
        assertThat(adapter.find(TakeRequest.of("never-sent", "x", 5).withFirstFrame(ImageRef.png(keyframe)),
                Instant.EPOCH)).isEmpty();
    }

    @Test
    void a_task_id_from_elsewhere_is_refused_without_a_call() {
        assertThat(Stubs.failure(() -> adapter.poll("831922345719271433"), AK, SK).kind())
                .isEqualTo(FailureKind.NOT_FOUND);
        assertThat(kling.getAllServeEvents()).isEmpty();
    }

    private static String failedTask(String id, String msg) {
        return """
                {"code":0,"message":"SUCCEED","request_id":"r",
                 "data":{"task_id":"%s","task_status":"failed","task_status_msg":"%s","created_at":1766374262370,
                         "updated_at":1766374262370,"task_info":{"external_task_id":"x"}}}""".formatted(id, msg);
    }

    static ResponseDefinitionBuilder kError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"9d1c\"}");
    }
}
