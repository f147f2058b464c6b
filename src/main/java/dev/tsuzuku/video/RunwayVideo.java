package dev.tsuzuku.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Secrets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runway's developer API (provider-apis.md §3.1): {@code POST /v1/image_to_video} → {@code {"id"}},
 * {@code GET /v1/tasks/{id}}, every call with {@code X-Runway-Version}. Statuses PENDING,
 * THROTTLED (queued behind the organisation's concurrency limit), RUNNING (with progress),
 * SUCCEEDED ({@code output[]}), FAILED ({@code failure}, {@code failureCode}), CANCELLED.
 * Runway keeps no caller-chosen id, so reconciliation works only by the task id recorded at
 * submit ({@link Capabilities#findsByKey()} is false).
 */
public final class RunwayVideo implements VideoProvider {
    public static final URI API = URI.create("https://api.dev.runwayml.com");
    public static final String API_VERSION = "2024-11-06";
    public static final String DEFAULT_MODEL = "gen4_turbo";

    private final URI base;
    private final String apiSecret;
    private final String defaultModel;
    private final String version;
    private final ProviderHttp http;

    public RunwayVideo(URI baseUrl, String apiSecret, String defaultModel, Duration connectTimeout,
            Duration requestTimeout, Clock clock) {
        this.base = ProviderHttp.baseUrl(baseUrl);
        this.apiSecret = ProviderHttp.credential(apiSecret);
        this.defaultModel = ProviderHttp.modelOr(defaultModel, DEFAULT_MODEL);
        this.version = API_VERSION;
        this.http = new ProviderHttp(name(), connectTimeout, requestTimeout, Secrets.of(apiSecret), clock);
    }

    @Override
    public String name() {
        return "runway";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(false, true, 0, false, false, Capabilities.range(2, 10));
    }

    /**
     * Runway's pixel ratio for a request: 9:16 is 720:1280 (1080:1920 on Veo models); a pixel
     * ratio such as {@code 1584:672} passes through; anything else is null (not expressible).
     */
    static String ratio(String model, String ratio) {
        boolean veo = model.startsWith("veo");
        return switch (ratio) {
            case "9:16" -> veo ? "1080:1920" : "720:1280";
            case "16:9" -> veo ? "1920:1080" : "1280:720";
            case "1:1" -> "960:960";
            case "3:4" -> "832:1104";
            case "4:3" -> "1104:832";
            default -> ratio.matches("\\d{3,4}:\\d{3,4}") ? ratio : null;
        };
    }

    @Override
    public String submit(TakeRequest r) {
        if (r.firstFrame() == null) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck",
                    "Runway image_to_video needs a first frame (promptImage)", null, null);
        }
        if (!r.referenceImages().isEmpty()) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck",
                    "Runway image_to_video takes no reference images; put the cast into the first frame", null, null);
        }
        String model = r.modelOr(defaultModel);
        String ratio = ratio(model, r.ratio());
        if (ratio == null) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck",
                    "Runway has no ratio for " + r.ratio() + " (use 9:16, 16:9, 1:1, 3:4, 4:3 or a pixel ratio)", null, null);
        }
        ObjectNode body = ProviderHttp.object();
        body.put("model", model);
        if (r.lastFrame() == null) {
            body.put("promptImage", r.firstFrame().urlOrDataUrl());
        } else {
            ArrayNode images = body.putArray("promptImage");
            images.addObject().put("uri", r.firstFrame().urlOrDataUrl()).put("position", "first");
            images.addObject().put("uri", r.lastFrame().urlOrDataUrl()).put("position", "last");
        }
        body.put("promptText", r.prompt());
        body.put("ratio", ratio);
        body.put("duration", r.durationSeconds());
        if (r.seed() != null && r.seed() >= 0) {
            body.put("seed", r.seed());
        }
        ProviderHttp.Response resp = http.send(authed("/v1/image_to_video").header("Content-Type", "application/json")
                .POST(ProviderHttp.jsonBody(body)).build());
        String id = checked(resp, false).path("id").asText("");
        if (id.isEmpty()) {
            throw http.failure(FailureKind.SERVER_ERROR, resp.status(), "", "create answer has no id", null, null);
        }
        return id;
    }

    @Override
    public VideoTask poll(String taskId) {
        return task(checked(http.send(authed("/v1/tasks/" + SeedanceVideo.encode(taskId)).GET().build()), true));
    }

    /** Runway cannot look a task up by anything but its id: always empty. */
    @Override
    public Optional<VideoTask> find(TakeRequest request, Instant since) {
        return Optional.empty();
    }

    VideoTask task(JsonNode t) {
        String id = t.path("id").asText("");
        String status = t.path("status").asText("");
        Instant created = null;
        try {
            created = t.has("createdAt") ? Instant.parse(t.path("createdAt").asText()) : null;
        } catch (DateTimeParseException ignored) {
            // keep it unknown
        }
        return switch (status) {
            case "PENDING", "THROTTLED" -> new VideoTask(id, TaskState.QUEUED, status, null, null, null, null, null, null,
                    created);
            case "RUNNING" -> new VideoTask(id, TaskState.RUNNING, status,
                    t.has("progress") ? t.path("progress").asDouble() : null, null, null, null, null, null, created);
            case "SUCCEEDED" -> {
                List<URI> urls = new ArrayList<>();
                for (JsonNode o : t.path("output")) {
                    urls.add(URI.create(o.asText()));
                }
                if (urls.isEmpty()) {
                    throw http.failure(FailureKind.SERVER_ERROR, 200, "", "task " + id + " succeeded without output",
                            null, null);
                }
                yield new VideoTask(id, TaskState.SUCCEEDED, status, 1.0, urls, null, null, null, null, created);
            }
            case "FAILED" -> {
                String code = t.path("failureCode").asText("");
                yield new VideoTask(id, TaskState.FAILED, status, null, null, null, new ProviderFailure(
                        taskFailure(code), 0, code, http.secrets().redact(t.path("failure").asText(""))),
                        null, null, created);
            }
            case "CANCELLED" -> new VideoTask(id, TaskState.FAILED, status, null, null, null,
                    new ProviderFailure(FailureKind.CANCELLED, 0, "", "the task was cancelled"), null, null, created);
            default -> new VideoTask(id, TaskState.RUNNING, status, null, null, null, null, null, null, created);
        };
    }

    /** Runway failure codes: {@code SAFETY.*} is moderation, input/asset problems are the request's, the rest may pass on a retry. */
    static FailureKind taskFailure(String code) {
        String c = code.toUpperCase(Locale.ROOT);
        if (c.contains("SAFETY")) {
            return FailureKind.MODERATION;
        }
        if (c.startsWith("ASSET") || c.startsWith("INPUT_PREPROCESSING") || c.startsWith("INVALID")) {
            return FailureKind.INVALID_REQUEST;
        }
        return FailureKind.GENERATION_FAILED;
    }

    static FailureKind classify(int status, String message, boolean lookingUpTask) {
        String m = message.toLowerCase(Locale.ROOT);
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (m.contains("credits") && (m.contains("enough") || m.contains("insufficient"))) {
            return FailureKind.INSUFFICIENT_BALANCE;
        }
        if (status == 401 || status == 403) {
            return FailureKind.AUTH;
        }
        if (status == 404) {
            return lookingUpTask ? FailureKind.NOT_FOUND : FailureKind.INVALID_REQUEST;
        }
        if (status == 408 || status == 504) {
            return FailureKind.TIMEOUT;
        }
        if (status >= 500) {
            return FailureKind.SERVER_ERROR;
        }
        if (m.contains("safety") || m.contains("moderation") || m.contains("content policy")) {
            return FailureKind.MODERATION;
        }
        return FailureKind.INVALID_REQUEST;
    }

    private JsonNode checked(ProviderHttp.Response resp, boolean lookingUpTask) {
        if (resp.ok()) {
            return resp.requireJson();
        }
        JsonNode body = resp.json();
        String message = body.path("error").isTextual() ? body.path("error").asText()
                : body.path("error").path("message").asText(resp.text());
        throw http.failure(classify(resp.status(), message, lookingUpTask), resp.status(), "", message,
                resp.retryAfter().orElse(null), null);
    }

    @Override
    public Path download(URI output, Path target) {
        return http.download(output, target);
    }

    private HttpRequest.Builder authed(String path) {
        return http.request(URI.create(base + path)).header("Authorization", "Bearer " + apiSecret)
                .header("X-Runway-Version", version).header("Accept", "application/json");
    }

    @Override
    public String toString() {
        return "RunwayVideo[" + base + ", model " + defaultModel + "]";
    }
}
