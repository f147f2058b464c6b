package dev.tsuzuku.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.Multipart;
import dev.tsuzuku.provider.OpenAiErrors;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Secrets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The OpenAI Images API (provider-apis.md §3.6): without references
 * {@code POST /v1/images/generations} (JSON); with references {@code POST /v1/images/edits}
 * (multipart, the images as repeated {@code image[]} parts, a single one as {@code image}).
 * GPT image models answer {@code data[]{b64_json}}; moderation is HTTP 400
 * {@code moderation_blocked}.
 */
public final class OpenAiImageKeyframes implements KeyframeProvider {
    public static final URI API = URI.create("https://api.openai.com/v1");
    public static final String DEFAULT_MODEL = "gpt-image-2";
    static final int MAX_REFERENCES = 16;
    /** The portrait size every GPT image model accepts. */
    static final String PORTRAIT = "1024x1536";

    private final URI base;
    private final String apiKey;
    private final String defaultModel;
    private final ProviderHttp http;

    /** @param baseUrl {@link #API} or a stub, ending in {@code /v1} */
    public OpenAiImageKeyframes(URI baseUrl, String apiKey, String defaultModel, Duration connectTimeout,
            Duration requestTimeout, Clock clock) {
        this.base = ProviderHttp.baseUrl(baseUrl);
        this.apiKey = ProviderHttp.credential(apiKey);
        this.defaultModel = ProviderHttp.modelOr(defaultModel, DEFAULT_MODEL);
        this.http = new ProviderHttp(name(), connectTimeout, requestTimeout, Secrets.of(apiKey), clock);
    }

    @Override
    public String name() {
        return "openai-images";
    }

    @Override
    public int maxReferenceImages() {
        return MAX_REFERENCES;
    }

    /** The API's size for a requested frame: portrait sizes go to 1024x1536, square to 1024x1024. */
    static String size(KeyframeRequest r) {
        if (r.height() > r.width()) {
            return PORTRAIT;
        }
        return r.height() == r.width() ? "1024x1024" : "1536x1024";
    }

    @Override
    public Keyframe generate(KeyframeRequest r) {
        if (r.referenceImages().size() > MAX_REFERENCES) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck", "the images API takes at most "
                    + MAX_REFERENCES + " reference images, got " + r.referenceImages().size(), null, null);
        }
        String quality = r.quality() == null ? "medium" : r.quality();
        HttpRequest request;
        if (r.referenceImages().isEmpty()) {
            ObjectNode body = ProviderHttp.object();
            body.put("model", r.modelOr(defaultModel));
            body.put("prompt", r.prompt());
            body.put("n", 1);
            body.put("size", size(r));
            body.put("quality", quality);
            body.put("output_format", "png");
            request = authed("/images/generations").header("Content-Type", "application/json")
                    .POST(ProviderHttp.jsonBody(body)).build();
        } else {
            Multipart form = new Multipart().field("model", r.modelOr(defaultModel)).field("prompt", r.prompt())
                    .field("n", "1").field("size", size(r)).field("quality", quality).field("output_format", "png");
            List<ImageRef> refs = r.referenceImages();
            String part = refs.size() == 1 ? "image" : "image[]";
            for (int i = 0; i < refs.size(); i++) {
                ImageRef ref = refs.get(i);
                byte[] bytes = ref.isUrl() ? http.fetch(ref.url()) : ref.data();
                String type = ref.isUrl() ? "image/png" : ref.mediaType();
                form.file(part, "reference-" + (i + 1) + "." + type.substring("image/".length()), type, bytes);
            }
            request = authed("/images/edits").header("Content-Type", form.contentType()).POST(form.publisher()).build();
        }
        JsonNode json = OpenAiErrors.checked(http, http.send(request)).requireJson();
        for (JsonNode d : json.path("data")) {
            if (!d.path("b64_json").asText("").isEmpty()) {
                return new Keyframe(ImageRef.png(Base64.getDecoder().decode(d.path("b64_json").asText())),
                        json.path("size").asText(size(r)), new Usage(Usage.IMAGES, 1));
            }
            if (!d.path("url").asText("").isEmpty()) {
                return new Keyframe(ImageRef.url(URI.create(d.path("url").asText())), json.path("size").asText(size(r)),
                        new Usage(Usage.IMAGES, 1));
            }
        }
        throw http.failure(FailureKind.SERVER_ERROR, 200, "", "the answer holds no image", null, null);
    }

    @Override
    public Path save(Keyframe keyframe, Path target) {
        return Keyframes.save(http, keyframe, target);
    }

    private HttpRequest.Builder authed(String path) {
        return http.request(URI.create(base + path)).header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    @Override
    public String toString() {
        return "OpenAiImageKeyframes[" + base + ", model " + defaultModel + "]";
    }
}
