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
import static dev.tsuzuku.provider.Stubs.CLOCK;
import static dev.tsuzuku.provider.Stubs.CONNECT;
import static dev.tsuzuku.provider.Stubs.REQUEST;
import static dev.tsuzuku.provider.Stubs.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.Stubs;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seedream keyframes against a local stub of Ark's synchronous image generation. */
class SeedreamKeyframesTest {
    static final String KEY = "ark-9a8b7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4";
    static final String PATH = "/api/v3/images/generations";

    private final WireMockServer ark = new WireMockServer(options().dynamicPort());
    private SeedreamKeyframes seedream;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        ark.start();
        base = ark.baseUrl();
        seedream = new SeedreamKeyframes(URI.create(base + "/api/v3"), KEY, null, CONNECT, REQUEST, CLOCK);
    }

    @AfterEach
    void stop() {
        ark.stop();
    }

    private static KeyframeRequest shot(int references) {
        List<ImageRef> refs = new ArrayList<>();
        for (int i = 1; i <= references; i++) {
            refs.add(ImageRef.url(URI.create("https://example.com/sheet-" + i + ".png")));
        }
        return KeyframeRequest.of("ep1-shot1", "Urashima on the beach at dusk, style anchor: soft cel shading", refs,
                1440, 2560);
    }

    @Test
    void generates_with_character_sheets_and_saves_a_real_png() throws Exception {
        ark.stubFor(post(PATH).willReturn(okJson(fixture("seedream-ok.json", base))));
        ark.stubFor(get(urlPathEqualTo("/tos/keyframe.png")).willReturn(aResponse().withBody(Stubs.png(18, 32))));

        Keyframe k = seedream.generate(shot(2));
        Path png = seedream.save(k, dir.resolve("kf/shot1.png"));

        assertThat(k.size()).isEqualTo("1440x2560");
        assertThat(k.usage()).isEqualTo(new Usage(Usage.IMAGES, 1));
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(18);
        assertThat(img.getHeight()).isEqualTo(32);
        ark.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("""
                        {"model": "doubao-seedream-4-5-251128",
                         "prompt": "Urashima on the beach at dusk, style anchor: soft cel shading",
                         "image": ["https://example.com/sheet-1.png", "https://example.com/sheet-2.png"],
                         "size": "1440x2560", "sequential_image_generation": "disabled",
                         "response_format": "url", "watermark": false}""")));
    }

    @Test
    void one_reference_goes_as_a_string() {
        ark.stubFor(post(PATH).willReturn(okJson(fixture("seedream-ok.json", base))));

        seedream.generate(shot(1));

        ark.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"image\": \"https://example.com/sheet-1.png\"}", true, true)));
    }

    @Test
    void more_than_fourteen_references_are_refused_before_any_call() {
        ProviderException e = Stubs.failure(() -> seedream.generate(shot(15)), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(ark.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_moderated_output_is_a_terminal_moderation_failure() {
        ark.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"OutputImageSensitiveContentDetected\",\"message\":\"The request failed"
                        + " because the output image may contain sensitive information.\",\"param\":\"\",\"type\":\"BadRequest\"}}")));

        ProviderException e = Stubs.failure(() -> seedream.generate(shot(1)), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.MODERATION);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void an_image_error_under_http_200_is_still_a_failure() {
        ark.stubFor(post(PATH).willReturn(okJson("""
                {"model":"seedream-4-5-251128","created":1757323224,
                 "data":[{"error":{"code":"OutputImageSensitiveContentDetected","message":"sensitive"}}],
                 "usage":{"generated_images":0,"output_tokens":0,"total_tokens":0}}""")));

        assertThat(Stubs.failure(() -> seedream.generate(shot(1)), KEY).kind()).isEqualTo(FailureKind.MODERATION);
    }

    @Test
    void the_images_per_minute_limit_is_a_rate_limit() {
        ark.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"code\":\"ModelAccountIpmRateLimitExceeded\",\"message\":\"IPM exceeded\"}}")));

        ProviderException e = Stubs.failure(() -> seedream.generate(shot(1)), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    }
}
