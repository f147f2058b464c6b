package dev.tsuzuku.video;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Secrets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Kling's old-style API (model as {@code model_name}, paths {@code /v1/videos/text2video},
 * {@code /image2video}, {@code /multi-image2video}; provider-apis.md §2.2). Each call carries a
 * fresh HS256 JWT ({@code iss} = access key, {@code exp} = now + 30 min, {@code nbf} = now − 5 s)
 * signed with the secret key, built with com.auth0:java-jwt as in Kling's own Java sample.
 * Statuses are {@code submitted}, {@code processing}, {@code succeed} (sic), {@code failed};
 * timestamps are milliseconds. The idempotency key goes out as {@code external_task_id}, and a
 * task is found again by querying the same path with that id in place of the task id.
 *
 * <p>The task id this adapter hands out is {@code <endpoint>/<kling task id>} (for example
 * {@code image2video/831922345719271433}), because a task can only be queried on the endpoint
 * that created it.
 */
public final class KlingLegacyVideo implements VideoProvider {
    public static final URI GLOBAL = URI.create("https://api-singapore.klingai.com");
    public static final URI CHINA = URI.create("https://api-beijing.klingai.com");
    public static final String DEFAULT_MODEL = "kling-v2-6";
    static final String MULTI_IMAGE_MODEL = "kling-v1-6";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(5);
    static final List<String> ENDPOINTS = List.of("text2video", "image2video", "multi-image2video");

    private final URI base;
    private final String accessKey;
    private final Algorithm signer;
    private final String defaultModel;
    private final ProviderHttp http;
    private final Clock clock;

    public KlingLegacyVideo(URI baseUrl, String accessKey, String secretKey, String defaultModel,
            Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.base = ProviderHttp.baseUrl(baseUrl);
        this.accessKey = ProviderHttp.credential(accessKey);
        this.signer = Algorithm.HMAC256(secretKey == null || secretKey.isBlank() ? "-" : secretKey.strip());
        this.defaultModel = ProviderHttp.modelOr(defaultModel, DEFAULT_MODEL);
        this.clock = clock;
        this.http = new ProviderHttp(name(), connectTimeout, requestTimeout, Secrets.of(accessKey, secretKey), clock);
    }

    @Override
    public String name() {
        return "kling";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, 4, false, true, List.of(5, 10));
    }

    /** The Bearer token for the next call. */
    String token() {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(accessKey)
                .withExpiresAt(Date.from(now.plus(TOKEN_LIFETIME)))
                .withNotBefore(Date.from(now.minus(NOT_BEFORE_SKEW)))
                .sign(signer);
    }

    static String endpoint(TakeRequest r) {
        if (r.firstFrame() != null) {
            return "image2video";
        }
        return r.referenceImages().isEmpty() ? "text2video" : "multi-image2video";
    }

    @Override
    public String submit(TakeRequest r) {
        String endpoint = endpoint(r);
        if (r.lastFrame() != null && r.firstFrame() == null) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck",
                    "Kling takes a last frame (image_tail) only with a first frame", null, null);
        }
        if (r.referenceImages().size() > 4) {
            throw http.failure(FailureKind.INVALID_REQUEST, 0, "LocalCheck",
                    "Kling multi-image2video takes at most 4 images, got " + r.referenceImages().size(), null, null);
        }
        ObjectNode body = ProviderHttp.object();
        body.put("model_name", r.modelOr(endpoint.equals("multi-image2video") ? MULTI_IMAGE_MODEL : defaultModel));
        body.put("prompt", r.prompt());
        body.put("mode", "1080p".equals(r.resolution()) ? "pro" : "std");
        body.put("aspect_ratio", r.ratio());
        body.put("duration", Integer.toString(r.durationSeconds()));
        if (r.generateAudio()) {
            body.put("sound", "on");
        }
        if (r.firstFrame() != null) {
            body.put("image", r.firstFrame().urlOrBase64());
        }
        if (r.lastFrame() != null) {
            body.put("image_tail", r.lastFrame().urlOrBase64());
        }
        if (endpoint.equals("multi-image2video")) {
            var list = body.putArray("image_list");
            for (ImageRef ref : r.referenceImages()) {
                list.addObject().put("image", ref.urlOrBase64());
            }
        }
        if (r.callbackUrl() != null) {
            body.put("callback_url", r.callbackUrl().toString());
        }
        body.put("external_task_id", r.idempotencyKey());
        ProviderHttp.Response resp = http.send(authed("/v1/videos/" + endpoint)
                .header("Content-Type", "application/json").POST(ProviderHttp.jsonBody(body)).build());
        String id = KlingErrors.checked(http, resp, false).path("data").path("task_id").asText("");
        if (id.isEmpty()) {
            throw http.failure(FailureKind.SERVER_ERROR, resp.status(), "", "create answer has no data.task_id", null,
                    null);
        }
        return endpoint + "/" + id;
    }

    @Override
    public VideoTask poll(String taskId) {
        int slash = taskId.indexOf('/');
        if (slash < 0 || !ENDPOINTS.contains(taskId.substring(0, slash))) {
            throw http.failure(FailureKind.NOT_FOUND, 0, "LocalCheck",
                    "'" + taskId + "' is not a task id of this adapter (expected <endpoint>/<id>)", null, null);
        }
        return query(taskId.substring(0, slash), taskId.substring(slash + 1));
    }

    @Override
    public Optional<VideoTask> find(TakeRequest r, Instant since) {
        try {
            VideoTask t = query(endpoint(r), r.idempotencyKey());
            return r.idempotencyKey().equals(t.externalId()) ? Optional.of(t) : Optional.empty();
        } catch (ProviderException e) {
            if (e.kind() == FailureKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private VideoTask query(String endpoint, String id) {
        ProviderHttp.Response resp = http.send(authed("/v1/videos/" + endpoint + "/" + SeedanceVideo.encode(id))
                .GET().build());
        return task(endpoint, KlingErrors.checked(http, resp, true).path("data"));
    }

    /** Maps the old-style task object (also the old-style callback body) to a {@link VideoTask}. */
    VideoTask task(String endpoint, JsonNode d) {
        String id = endpoint + "/" + d.path("task_id").asText("");
        String status = d.path("task_status").asText("");
        Instant created = d.has("created_at") ? Instant.ofEpochMilli(d.path("created_at").asLong()) : null;
        Instant updated = d.has("updated_at") ? Instant.ofEpochMilli(d.path("updated_at").asLong()) : null;
        String external = d.path("task_info").path("external_task_id").asText(null);
        Usage usage = null;
        String units = d.path("final_unit_deduction").asText("");
        if (!units.isBlank()) {
            try {
                usage = new Usage(Usage.UNITS, Double.parseDouble(units));
            } catch (NumberFormatException ignored) {
                // not a number: leave the usage unknown
            }
        }
        List<URI> videos = new ArrayList<>();
        for (JsonNode v : d.path("task_result").path("videos")) {
            if (!v.path("url").asText("").isEmpty()) {
                videos.add(URI.create(v.path("url").asText()));
            }
        }
        return KlingErrors.task(http, id, status, "succeed", videos, d.path("task_status_msg").asText(""), external,
                usage, created, updated);
    }

    @Override
    public Path download(URI output, Path target) {
        return http.download(output, target);
    }

    private HttpRequest.Builder authed(String path) {
        return http.request(URI.create(base + path)).header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
    }

    @Override
    public String toString() {
        return "KlingLegacyVideo[" + base + ", model " + defaultModel + "]";
    }
}
