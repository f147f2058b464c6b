package dev.tsuzuku.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kling's new-style API (model version in the path: {@code POST /text-to-video/<model>},
 * {@code POST /image-to-video/<model>}; {@code GET /tasks?task_ids=…} or
 * {@code ?external_task_ids=…}; provider-apis.md §2.3), authenticated with the console's static
 * API key. Statuses are {@code submitted}, {@code processing}, {@code succeeded}, {@code failed};
 * outputs come as {@code outputs[]}, billing as {@code billing[]}. Callbacks are signed with
 * Standard Webhooks: {@link #callback} verifies and parses one.
 */
public final class KlingVideo implements VideoProvider {
    public static final String DEFAULT_MODEL = "kling-2.6";

    private final URI base;
    private final String apiKey;
    private final String defaultModel;
    private final ProviderHttp http;

    public KlingVideo(URI baseUrl, String apiKey, String defaultModel, Duration connectTimeout,
            Duration requestTimeout, Clock clock) {
        this.base = ProviderHttp.baseUrl(baseUrl);
        this.apiKey = ProviderHttp.credential(apiKey);
        this.defaultModel = ProviderHttp.modelOr(defaultModel, DEFAULT_MODEL);
        this.http = new ProviderHttp(name(), connectTimeout, requestTimeout, Secrets.of(apiKey), clock);
    }

    @Override
    public String name() {
        return "kling";
    }

    @Override
    public Capabilities capabilities() {
        boolean v3 = defaultModel.startsWith("kling-3");
        return new Capabilities(true, true, 0, false, true, v3 ? Capabilities.range(3, 15) : List.of(5, 10));
    }

    @Override
    public String submit(TakeRequest r) {
        if (!r.referenceImages().isEmpty()) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck",
                    "the new-style text/image-to-video endpoints take no reference images; use the first frame",
                    null, null);
        }
        if (r.lastFrame() != null && r.firstFrame() == null) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck",
                    "Kling takes a last frame (image_tail) only with a first frame", null, null);
        }
        String path = (r.firstFrame() == null ? "/text-to-video/" : "/image-to-video/") + r.modelOr(defaultModel);
        ObjectNode body = ProviderHttp.object();
        body.put("prompt", r.prompt());
        if (r.firstFrame() != null) {
            body.put("image", r.firstFrame().urlOrBase64());
        }
        if (r.lastFrame() != null) {
            body.put("image_tail", r.lastFrame().urlOrBase64());
        }
        ObjectNode settings = body.putObject("settings");
        settings.put("audio", r.generateAudio() ? "native" : "off");
        settings.put("resolution", r.resolution());
        settings.put("aspect_ratio", r.ratio());
        settings.put("duration", r.durationSeconds());
        ObjectNode options = body.putObject("options");
        if (r.callbackUrl() != null) {
            options.put("callback_url", r.callbackUrl().toString());
        }
        options.put("external_task_id", r.idempotencyKey());
        options.putObject("watermark_info").put("enabled", false);
        ProviderHttp.Response resp = http.send(authed(path).header("Content-Type", "application/json")
                .POST(ProviderHttp.jsonBody(body)).build());
        String id = KlingErrors.checked(http, resp, false).path("data").path("id").asText("");
        if (id.isEmpty()) {
            throw http.failure(FailureKind.SERVER_ERROR, resp.status(), "", "create answer has no data.id", null, null);
        }
        return id;
    }

    @Override
    public VideoTask poll(String taskId) {
        return tasks("task_ids", taskId).orElseThrow(() -> http.failure(FailureKind.NOT_FOUND, 404, "",
                "no task " + taskId, null, null));
    }

    @Override
    public Optional<VideoTask> find(TakeRequest r, Instant since) {
        return tasks("external_task_ids", r.idempotencyKey());
    }

    private Optional<VideoTask> tasks(String param, String value) {
        ProviderHttp.Response resp = http.send(authed("/tasks?" + param + "=" + SeedanceVideo.encode(value)).GET().build());
        JsonNode data = KlingErrors.checked(http, resp, true).path("data");
        for (JsonNode t : data) {
            String key = param.equals("task_ids") ? t.path("id").asText("") : t.path("external_id").asText("");
            if (key.equals(value)) {
                return Optional.of(task(t));
            }
        }
        return Optional.empty();
    }

    /**
     * A callback, verified: the signature must match the endpoint secret and the timestamp be
     * fresh, or it is rejected as {@code AUTH}. Returns the task id it is about; the body is a
     * hint only (the engine polls that id for the authoritative state and outputs).
     */
    public String callback(StandardWebhooks verifier, String webhookId, String webhookTimestamp,
            String webhookSignature, String rawBody) {
        if (!verifier.verify(webhookId, webhookTimestamp, webhookSignature, rawBody)) {
            throw http.failure(FailureKind.AUTH, 0, "BadSignature",
                    "callback " + webhookId + " has no valid Standard-Webhooks signature", null, null);
        }
        String id = "";
        try {
            id = ProviderHttp.JSON.readTree(rawBody).path("id").asText("");
        } catch (IOException e) {
            id = "";
        }
        if (id.isEmpty()) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "", "callback body names no task id", null, null);
        }
        return id;
    }

    /** Maps a new-style task object ({@code data[]} element and callback body). */
    VideoTask task(JsonNode t) {
        String id = t.path("id").asText("");
        String status = t.path("status").asText("");
        Instant created = t.has("create_time") ? Instant.ofEpochMilli(t.path("create_time").asLong()) : null;
        Instant updated = t.has("update_time") ? Instant.ofEpochMilli(t.path("update_time").asLong()) : null;
        String external = t.path("external_id").asText(null);
        Usage usage = null;
        double units = 0;
        boolean billed = false;
        for (JsonNode b : t.path("billing")) {
            if ("unit".equals(b.path("charge_type").asText())) {
                units += b.path("amount").asDouble();
                billed = true;
            }
        }
        if (billed) {
            usage = new Usage(Usage.UNITS, units);
        }
        List<URI> videos = new ArrayList<>();
        for (JsonNode o : t.path("outputs")) {
            if ("video".equals(o.path("type").asText("video")) && !o.path("url").asText("").isEmpty()) {
                videos.add(URI.create(o.path("url").asText()));
            }
        }
        return KlingErrors.task(http, id, status, "succeeded", videos, t.path("message").asText(""), external, usage,
                created, updated);
    }

    @Override
    public Path download(URI output, Path target) {
        return http.download(output, target);
    }

    private HttpRequest.Builder authed(String path) {
        return http.request(URI.create(base + path)).header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    @Override
    public String toString() {
        return "KlingVideo[" + base + ", model " + defaultModel + "]";
    }
}
