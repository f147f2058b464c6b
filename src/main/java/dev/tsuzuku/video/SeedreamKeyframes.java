package dev.tsuzuku.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Secrets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Seedream on Volcengine Ark / BytePlus ModelArk (provider-apis.md §3.6):
 * {@code POST /images/generations} with {@code image} = up to 14 reference images; synchronous,
 * {@code data[]{url|b64_json,size}} and {@code usage.generated_images}. A moderation refusal is
 * HTTP 400 {@code OutputImageSensitiveContentDetected}, or a {@code data[i].error} under HTTP 200.
 * The watermark defaults to on at the vendor, so we always send {@code false}.
 */
public final class SeedreamKeyframes implements KeyframeProvider {
    public static final String DEFAULT_MODEL = "doubao-seedream-4-5-251128";
    static final int MAX_REFERENCES = 14;

    private final URI base;
    private final String apiKey;
    private final String defaultModel;
    private final ProviderHttp http;

    /** @param baseUrl the Ark base ending in {@code /api/v3} ({@link SeedanceVideo#VOLCENGINE_ARK} etc.) */
    public SeedreamKeyframes(URI baseUrl, String apiKey, String defaultModel, Duration connectTimeout,
            Duration requestTimeout, Clock clock) {
        this.base = ProviderHttp.baseUrl(baseUrl);
        this.apiKey = ProviderHttp.credential(apiKey);
        this.defaultModel = ProviderHttp.modelOr(defaultModel, DEFAULT_MODEL);
        this.http = new ProviderHttp(name(), connectTimeout, requestTimeout, Secrets.of(apiKey), clock);
    }

    @Override
    public String name() {
        return "seedream";
    }

    @Override
    public int maxReferenceImages() {
        return MAX_REFERENCES;
    }

    @Override
    public Keyframe generate(KeyframeRequest r) {
        if (r.referenceImages().size() > MAX_REFERENCES) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck", "Seedream takes at most " + MAX_REFERENCES
                    + " reference images, got " + r.referenceImages().size(), null, null);
        }
        ObjectNode body = ProviderHttp.object();
        body.put("model", r.modelOr(defaultModel));
        body.put("prompt", r.prompt());
        if (r.referenceImages().size() == 1) {
            body.put("image", r.referenceImages().get(0).urlOrDataUrl());
        } else if (!r.referenceImages().isEmpty()) {
            ArrayNode images = body.putArray("image");
            r.referenceImages().forEach(i -> images.add(i.urlOrDataUrl()));
        }
        body.put("size", r.size());
        if (r.seed() != null) {
            body.put("seed", r.seed());
        }
        body.put("sequential_image_generation", "disabled");
        body.put("response_format", "url");
        body.put("watermark", false);
        ProviderHttp.Response resp = http.send(http.request(URI.create(base + "/images/generations"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(ProviderHttp.jsonBody(body)).build());
        if (!resp.ok()) {
            JsonNode e = resp.json().has("error") ? resp.json().path("error") : resp.json();
            String code = e.path("code").asText("");
            String message = e.path("message").asText(resp.text());
            FailureKind kind = code.equals("ModelAccountIpmRateLimitExceeded") ? FailureKind.RATE_LIMITED
                    : SeedanceVideo.classify(resp.status(), code, message, false);
            throw http.failure(kind, resp.status(), code, message, resp.retryAfter().orElse(null), null);
        }
        JsonNode json = resp.requireJson();
        long billed = json.path("usage").path("generated_images").asLong(-1);
        for (JsonNode d : json.path("data")) {
            String url = d.path("url").asText("");
            String b64 = d.path("b64_json").asText("");
            if (!url.isEmpty() || !b64.isEmpty()) {
                ImageRef image = !url.isEmpty() ? ImageRef.url(URI.create(url))
                        : ImageRef.bytes(Base64.getDecoder().decode(b64), "image/jpeg");
                return new Keyframe(image, d.path("size").asText(r.size()),
                        new Usage(Usage.IMAGES, billed < 0 ? 1 : billed));
            }
        }
        JsonNode e = json.path("data").path(0).path("error");
        if (e.isMissingNode()) {
            e = json.path("error");
        }
        String code = e.path("code").asText("");
        throw http.failure(e.isMissingNode() ? FailureKind.SERVER_ERROR : SeedanceVideo.taskFailure(code), 200, code,
                e.path("message").asText("the answer holds no image"), null, null);
    }

    @Override
    public Path save(Keyframe keyframe, Path target) {
        return Keyframes.save(http, keyframe, target);
    }

    @Override
    public String toString() {
        return "SeedreamKeyframes[" + base + ", model " + defaultModel + "]";
    }
}
