package dev.tsuzuku.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Secrets;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ByteDance Seedance through the "content generation tasks" API of Volcengine Ark (China) or
 * BytePlus ModelArk (international): same paths, same {@code Bearer} API key, different base URL.
 * Create {@code POST /contents/generations/tasks}, get {@code GET …/tasks/{id}}, list
 * {@code GET …/tasks?page_num&page_size&filter.model} (provider-apis.md §1).
 *
 * <p>Seedance keeps no caller-chosen task id, so the idempotency key travels as a hash in
 * {@code safety_identifier}, which the task object echoes; reconciliation lists the account's
 * tasks for the model and matches it (falling back to the fixed seed and shape when a listing
 * lacks the field).
 */
public final class SeedanceVideo implements VideoProvider {
    public static final URI VOLCENGINE_ARK = URI.create("https://ark.cn-beijing.volces.com/api/v3");
    public static final URI BYTEPLUS_MODELARK = URI.create("https://ark.ap-southeast.bytepluses.com/api/v3");
    public static final String DEFAULT_MODEL = "doubao-seedance-1-5-pro-251215";
    static final String TASKS = "/contents/generations/tasks";
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 20;

    private final URI base;
    private final String apiKey;
    private final String defaultModel;
    private final ProviderHttp http;

    /**
     * @param baseUrl       {@link #VOLCENGINE_ARK}, {@link #BYTEPLUS_MODELARK} or a stub, ending in {@code /api/v3}
     * @param apiKey        the Ark API key (never logged)
     * @param defaultModel  model or endpoint id used when a request names none
     */
    public SeedanceVideo(URI baseUrl, String apiKey, String defaultModel, Duration connectTimeout,
            Duration requestTimeout, Clock clock) {
        this.base = ProviderHttp.baseUrl(baseUrl);
        this.apiKey = ProviderHttp.credential(apiKey);
        this.defaultModel = ProviderHttp.modelOr(defaultModel, DEFAULT_MODEL);
        this.http = new ProviderHttp(name(), connectTimeout, requestTimeout, Secrets.of(apiKey), clock);
    }

    @Override
    public String name() {
        return "seedance";
    }

    @Override
    public Capabilities capabilities() {
        // allowed durations per generation (provider-apis.md §1.3): 1.0 2–12 s, 1.5 pro 4–12 s, 2.0 4–15 s
        String m = PriceList.normalise(defaultModel);
        List<Integer> durations = m.startsWith("seedance-2") ? Capabilities.range(4, 15)
                : m.startsWith("seedance-1-0") ? Capabilities.range(2, 12) : Capabilities.range(4, 12);
        return new Capabilities(true, true, m.startsWith("seedance-2") ? 9 : 4, true, true, durations);
    }

    @Override
    public String submit(TakeRequest r) {
        if (r.firstFrame() != null && !r.referenceImages().isEmpty()) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck",
                    "Seedance takes either a first/last frame or reference images, not both", null, null);
        }
        if (r.lastFrame() != null && r.firstFrame() == null) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck",
                    "Seedance needs a first frame to go with a last frame", null, null);
        }
        ObjectNode body = ProviderHttp.object();
        body.put("model", r.modelOr(defaultModel));
        ArrayNode content = body.putArray("content");
        content.addObject().put("type", "text").put("text", r.prompt());
        image(content, r.firstFrame(), "first_frame");
        image(content, r.lastFrame(), "last_frame");
        for (ImageRef ref : r.referenceImages()) {
            image(content, ref, "reference_image");
        }
        body.put("ratio", r.ratio());
        body.put("resolution", r.resolution());
        body.put("duration", r.durationSeconds());
        body.put("seed", r.seed() == null ? -1 : r.seed());
        body.put("generate_audio", r.generateAudio());
        body.put("watermark", false);
        body.put("return_last_frame", true);
        body.put("safety_identifier", tag(r.idempotencyKey()));
        if (r.callbackUrl() != null) {
            body.put("callback_url", r.callbackUrl().toString());
        }
        ProviderHttp.Response resp = http.send(authed(URI.create(base + TASKS))
                .header("Content-Type", "application/json")
                .header("X-Client-Request-Id", tag(r.idempotencyKey()))
                .POST(ProviderHttp.jsonBody(body)).build());
        JsonNode json = checked(resp, false);
        String id = json.path("id").asText("");
        if (id.isEmpty()) {
            throw http.failure(FailureKind.SERVER_ERROR, resp.status(), "", "create answer has no task id", null, null);
        }
        return id;
    }

    @Override
    public VideoTask poll(String taskId) {
        ProviderHttp.Response resp = http.send(authed(URI.create(base + TASKS + "/" + encode(taskId)))
                .GET().build());
        return task(checked(resp, true));
    }

    @Override
    public Optional<VideoTask> find(TakeRequest r, Instant since) {
        String tag = tag(r.idempotencyKey());
        String model = r.modelOr(defaultModel);
        VideoTask bySeed = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            URI uri = URI.create(base + TASKS + "?page_num=" + page + "&page_size=" + PAGE_SIZE
                    + "&filter.model=" + encode(model));
            JsonNode json = checked(http.send(authed(uri).GET().build()), false);
            JsonNode items = json.path("items");
            for (JsonNode item : items) {
                Instant created = item.has("created_at") ? Instant.ofEpochSecond(item.path("created_at").asLong()) : null;
                if (created != null && created.isBefore(since.minusSeconds(1))) {
                    continue;
                }
                if (tag.equals(item.path("safety_identifier").asText(null))) {
                    return Optional.of(task(item));
                }
                if (bySeed == null && !item.has("safety_identifier") && sameShape(r, item)) {
                    bySeed = task(item);
                }
            }
            long total = json.path("total").asLong(0);
            if (items.size() < PAGE_SIZE || (long) page * PAGE_SIZE >= total) {
                break;
            }
        }
        return Optional.ofNullable(bySeed);
    }

    /**
     * A {@code callback_url} POST: the task object, unsigned (Ark documents no signature), so it
     * is only a hint: this returns the task id to poll for the authoritative state.
     */
    public String callback(String rawBody) {
        String id = "";
        try {
            id = ProviderHttp.JSON.readTree(rawBody).path("id").asText("");
        } catch (java.io.IOException e) {
            id = "";
        }
        if (!id.startsWith("cgt-")) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "", "callback body names no content generation task",
                    null, null);
        }
        return id;
    }

    @Override
    public Path download(URI output, Path target) {
        return http.download(output, target);
    }

    /** The idempotency key as sent: a hash, so the key itself never leaves us. */
    static String tag(String idempotencyKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "tsuzuku-" + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameShape(TakeRequest r, JsonNode item) {
        return r.seed() != null && r.seed() >= 0 && item.path("seed").asLong(-2) == r.seed()
                && item.path("duration").asInt(-1) == r.durationSeconds()
                && r.ratio().equals(item.path("ratio").asText(""))
                && r.resolution().equals(item.path("resolution").asText(""));
    }

    VideoTask task(JsonNode t) {
        String id = t.path("id").asText("");
        String status = t.path("status").asText("");
        Instant created = t.has("created_at") ? Instant.ofEpochSecond(t.path("created_at").asLong()) : null;
        Instant updated = t.has("updated_at") ? Instant.ofEpochSecond(t.path("updated_at").asLong()) : null;
        Usage usage = t.path("usage").has("completion_tokens")
                ? new Usage(Usage.TOKENS, t.path("usage").path("completion_tokens").asDouble()) : null;
        String external = t.path("safety_identifier").asText(null);
        JsonNode content = t.path("content");
        return switch (status) {
            case "queued" -> new VideoTask(id, TaskState.QUEUED, status, null, null, null, null, external, null, created);
            case "succeeded" -> {
                String video = content.path("video_url").asText("");
                if (video.isEmpty()) {
                    throw http.failure(FailureKind.SERVER_ERROR, 200, "", "task " + id + " succeeded without a video_url",
                            null, null);
                }
                String last = content.path("last_frame_url").asText("");
                yield new VideoTask(id, TaskState.SUCCEEDED, status, 1.0, List.of(URI.create(video)),
                        last.isEmpty() ? null : URI.create(last), null, external, usage, created, updated);
            }
            case "failed" -> {
                JsonNode e = t.path("error");
                String code = e.path("code").asText("");
                yield failed(id, status, new ProviderFailure(taskFailure(code), 0, code,
                        http.secrets().redact(e.path("message").asText(""))), external, created, updated);
            }
            case "expired" -> failed(id, status, new ProviderFailure(FailureKind.EXPIRED, 0, "expired",
                    "the task passed its execution_expires_after window"), external, created, updated);
            case "cancelled" -> failed(id, status, new ProviderFailure(FailureKind.CANCELLED, 0, "cancelled",
                    "the task was cancelled"), external, created, updated);
            // running, and any state a newer API adds: keep polling
            default -> new VideoTask(id, TaskState.RUNNING, status, null, null, null, null, external, null, created);
        };
    }

    private static VideoTask failed(String id, String status, ProviderFailure f, String external, Instant created,
            Instant updated) {
        return new VideoTask(id, TaskState.FAILED, status, null, null, null, f, external, null, created, updated);
    }

    static FailureKind taskFailure(String code) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.contains("sensitivecontent")) {
            return FailureKind.MODERATION;
        }
        if (c.startsWith("invalid") || c.startsWith("missingparameter")) {
            return FailureKind.INVALID_REQUEST;
        }
        return FailureKind.GENERATION_FAILED;
    }

    /**
     * Classifies an Ark error answer ({@code {"error":{code,message,param,type}}}), using the
     * HTTP status and the code table of BytePlus doc 1299023.
     */
    static FailureKind classify(int status, String code, String message, boolean lookingUpTask) {
        String c = code.toLowerCase(Locale.ROOT);
        String m = message.toLowerCase(Locale.ROOT);
        if (c.contains("sensitivecontent")) {
            return FailureKind.MODERATION;
        }
        if (c.equals("setlimitexceeded") || c.equals("quotaexceeded") || c.contains("overdue")) {
            return FailureKind.INSUFFICIENT_BALANCE;
        }
        if (status == 429 || c.contains("ratelimit") || c.equals("toomanyrequests") || c.equals("requestbursttoofast")
                || c.equals("serveroverloaded")) {
            return c.contains("queue") || m.contains("queue") ? FailureKind.QUEUE_FULL : FailureKind.RATE_LIMITED;
        }
        if (status == 401 || status == 403 || c.equals("authenticationerror") || c.equals("accessdenied")) {
            return FailureKind.AUTH;
        }
        if (status == 404) {
            return lookingUpTask && !c.contains("endpoint") && !c.contains("model")
                    ? FailureKind.NOT_FOUND : FailureKind.INVALID_REQUEST;
        }
        if (status == 408) {
            return FailureKind.TIMEOUT;
        }
        if (status == 409 || status >= 500 || c.equals("internalserviceerror")) {
            return FailureKind.SERVER_ERROR;
        }
        return FailureKind.INVALID_REQUEST;
    }

    private JsonNode checked(ProviderHttp.Response resp, boolean lookingUpTask) {
        if (resp.ok()) {
            return resp.requireJson();
        }
        JsonNode body = resp.json();
        JsonNode e = body.has("error") ? body.path("error") : body;
        String code = e.path("code").asText("");
        String message = e.path("message").asText(resp.text());
        throw http.failure(classify(resp.status(), code, message, lookingUpTask), resp.status(), code, message,
                resp.retryAfter().orElse(null), null);
    }

    private java.net.http.HttpRequest.Builder authed(URI uri) {
        return http.request(uri).header("Authorization", "Bearer " + apiKey).header("Accept", "application/json");
    }

    private static void image(ArrayNode content, ImageRef ref, String role) {
        if (ref != null) {
            ObjectNode item = content.addObject();
            item.put("type", "image_url");
            item.putObject("image_url").put("url", ref.urlOrDataUrl());
            item.put("role", role);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SeedanceVideo[" + base + ", model " + defaultModel + "]";
    }
}
