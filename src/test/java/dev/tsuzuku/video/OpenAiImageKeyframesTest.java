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
import com.github.tomakehurst.wiremock.http.Request;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.Stubs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI images API (generations as JSON, edits as multipart with reference images) against a stub. */
class OpenAiImageKeyframesTest {
    static final String KEY = "sk-proj-4d9e2f1a7c3b5e8d0f6a2c4e9b1d3f5a";

    private final WireMockServer openai = new WireMockServer(options().dynamicPort());
    private OpenAiImageKeyframes images;
    private String base;
    private final byte[] png = Stubs.png(16, 24);

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        openai.start();
        base = openai.baseUrl();
        images = new OpenAiImageKeyframes(URI.create(base + "/v1"), KEY, null, CONNECT, REQUEST, CLOCK);
    }

    @AfterEach
    void stop() {
        openai.stop();
    }

    private String answer() {
        return """
                {"created":1713833628,"background":"opaque","output_format":"png","quality":"medium","size":"1024x1536",
                 "data":[{"b64_json":"%s"}],
                 "usage":{"input_tokens":50,"input_tokens_details":{"text_tokens":50,"image_tokens":0},
                          "output_tokens":6240,"total_tokens":6290}}""".formatted(Base64.getEncoder().encodeToString(png));
    }

    @Test
    void without_references_it_generates_from_json_and_saves_the_png() throws Exception {
        openai.stubFor(post("/v1/images/generations").willReturn(okJson(answer())));

        Keyframe k = images.generate(KeyframeRequest.of("k", "a turtle in the surf", List.of(), 1080, 1920));
        Path saved = images.save(k, dir.resolve("k.png"));

        assertThat(Files.readAllBytes(saved)).isEqualTo(png);
        assertThat(k.size()).isEqualTo("1024x1536");
        openai.verify(postRequestedFor(urlEqualTo("/v1/images/generations"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-image-2", "prompt": "a turtle in the surf", "n": 1, "size": "1024x1536",
                         "quality": "medium", "output_format": "png"}""")));
    }

    @Test
    void references_go_to_edits_as_repeated_image_parts() {
        openai.stubFor(post("/v1/images/edits").willReturn(okJson(answer())));
        openai.stubFor(get("/sheets/b.png").willReturn(aResponse().withBody(Stubs.png(4, 4))));
        byte[] sheetA = Stubs.png(6, 6);

        images.generate(KeyframeRequest.of("k", "the two of them on the pier",
                List.of(ImageRef.png(sheetA), ImageRef.url(URI.create(base + "/sheets/b.png"))), 1080, 1920));

        Request sent = openai.findAll(postRequestedFor(urlEqualTo("/v1/images/edits"))).get(0);
        assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        var parts = sent.getParts();
        assertThat(parts.stream().filter(p -> p.getName().equals("image[]")).count()).isEqualTo(2);
        assertThat(sent.getPart("prompt").getBody().asString()).isEqualTo("the two of them on the pier");
        assertThat(sent.getPart("size").getBody().asString()).isEqualTo("1024x1536");
        assertThat(parts.stream().filter(p -> p.getName().equals("image[]")).findFirst().get().getBody().asBytes())
                .isEqualTo(sheetA);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void a_single_reference_goes_as_image() {
        openai.stubFor(post("/v1/images/edits").willReturn(okJson(answer())));

        images.generate(KeyframeRequest.of("k", "alone", List.of(ImageRef.png(png)), 1080, 1920));

        Request sent = openai.findAll(postRequestedFor(urlEqualTo("/v1/images/edits"))).get(0);
        assertThat(sent.getPart("image")).isNotNull();
        assertThat(sent.getPart("image").getHeaders().getContentTypeHeader().mimeTypePart()).isEqualTo("image/png");
    }

    @Test
    void moderation_insufficient_quota_and_rate_limits_are_told_apart() {
        openai.stubFor(post("/v1/images/generations").inScenario("e")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("openai-images-moderation.json", base))).willSetStateTo("quota"));
        openai.stubFor(post("/v1/images/generations").inScenario("e").whenScenarioStateIs("quota")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                                + "\"param\":null,\"code\":\"insufficient_quota\"}}")).willSetStateTo("rpm"));
        openai.stubFor(post("/v1/images/generations").inScenario("e").whenScenarioStateIs("rpm")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "20")
                        .withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"message\":\"Rate limit reached for images per minute\",\"type\":\"requests\","
                                + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")).willSetStateTo("key"));
        openai.stubFor(post("/v1/images/generations").inScenario("e").whenScenarioStateIs("key")
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\",\"type\":\"invalid_request_error\","
                                + "\"param\":null,\"code\":\"invalid_api_key\"}}")));
        KeyframeRequest r = KeyframeRequest.of("k", "a duel", List.of(), 1080, 1920);

        ProviderException moderated = Stubs.failure(() -> images.generate(r), KEY);
        ProviderException broke = Stubs.failure(() -> images.generate(r), KEY);
        ProviderException busy = Stubs.failure(() -> images.generate(r), KEY);
        ProviderException badKey = Stubs.failure(() -> images.generate(r), KEY);

        assertThat(moderated.kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(broke.kind()).isEqualTo(FailureKind.INSUFFICIENT_BALANCE);
        assertThat(broke.retryable()).isFalse();
        assertThat(busy.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(busy.retryAfter()).contains(java.time.Duration.ofSeconds(20));
        assertThat(badKey.kind()).isEqualTo(FailureKind.AUTH);
    }
}
