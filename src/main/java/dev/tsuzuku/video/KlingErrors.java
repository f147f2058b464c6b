package dev.tsuzuku.video;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.provider.ProviderHttp;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Kling's error code table (both API generations share it; provider-apis.md §2.4) mapped onto
 * failure kinds. Kling answers errors as {@code {"code":<int>,"message":…,"request_id":…}}.
 */
final class KlingErrors {
    /** Parallel tasks over the resource pack's limit. */
    static final int CONCURRENCY = 1303;

    private KlingErrors() {}

    static FailureKind classify(int httpStatus, int code, boolean lookingUpTask) {
        if (code >= 1000 && code <= 1004) {
            return FailureKind.AUTH;
        }
        return switch (code) {
            case 1100, 1103, 1304 -> FailureKind.AUTH; // account exception, no permission, IP whitelist
            case 1101, 1102 -> FailureKind.INSUFFICIENT_BALANCE; // arrears, resource pack exhausted or expired
            case 1200, 1201, 1202 -> FailureKind.INVALID_REQUEST;
            case 1203 -> lookingUpTask ? FailureKind.NOT_FOUND : FailureKind.INVALID_REQUEST;
            case 1300, 1301 -> FailureKind.MODERATION;
            case 1302 -> FailureKind.RATE_LIMITED;
            case CONCURRENCY -> FailureKind.CONCURRENCY_LIMIT;
            case 5000, 5001 -> FailureKind.SERVER_ERROR;
            case 5002 -> FailureKind.TIMEOUT;
            default -> byStatus(httpStatus, lookingUpTask);
        };
    }

    private static FailureKind byStatus(int status, boolean lookingUpTask) {
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status == 401 || status == 403) {
            return FailureKind.AUTH;
        }
        if (status == 404) {
            return lookingUpTask ? FailureKind.NOT_FOUND : FailureKind.INVALID_REQUEST;
        }
        if (status == 504) {
            return FailureKind.TIMEOUT;
        }
        return status >= 500 ? FailureKind.SERVER_ERROR : FailureKind.INVALID_REQUEST;
    }

    /**
     * A failed task's message: Kling gives no code for it, only {@code task_status_msg} /
     * {@code message}; a safety refusal is recognised by its words, anything else may succeed
     * on a new try.
     */
    static FailureKind taskFailure(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        for (String w : new String[] {"risk", "sensitive", "safety", "moderat", "violat", "policy", "inappropriate",
            "审核", "敏感", "违规"}) {
            if (m.contains(w)) {
                return FailureKind.MODERATION;
            }
        }
        return FailureKind.GENERATION_FAILED;
    }

    /** Throws the classified failure for a non-2xx answer or a 2xx envelope with a non-zero code. */
    static JsonNode checked(ProviderHttp http, ProviderHttp.Response resp, boolean lookingUpTask) {
        JsonNode body = resp.json();
        int code = body.path("code").asInt(resp.ok() ? 0 : -1);
        if (resp.ok() && code == 0) {
            return resp.requireJson();
        }
        String message = body.path("message").asText(resp.text());
        throw http.failure(classify(resp.status(), code, lookingUpTask), resp.status(),
                code < 0 ? "" : Integer.toString(code), message, resp.retryAfter().orElse(null), null);
    }

    /**
     * The state of a Kling task, the same in both API generations once their field names are read:
     * {@code submitted} is queued, {@code succeededWord} ("succeed" in the old API, "succeeded" in the
     * new) needs at least one video URL, {@code failed} is classified from its message, anything else
     * is running.
     */
    static VideoTask task(ProviderHttp http, String id, String status, String succeededWord, List<URI> videos,
            String failureMessage, String external, Usage usage, Instant created, Instant updated) {
        if (status.equals(succeededWord)) {
            if (videos.isEmpty()) {
                throw http.failure(FailureKind.SERVER_ERROR, 200, "", "task " + id + " succeeded without a video url",
                        null, null);
            }
            return new VideoTask(id, TaskState.SUCCEEDED, status, 1.0, videos, null, null, external, usage, created,
                    updated);
        }
        return switch (status) {
            case "submitted" -> new VideoTask(id, TaskState.QUEUED, status, null, null, null, null, external, null, created);
            case "failed" -> {
                String msg = http.secrets().redact(failureMessage);
                yield new VideoTask(id, TaskState.FAILED, status, null, null, null,
                        new ProviderFailure(taskFailure(msg), 0, "", msg), external, usage, created, updated);
            }
            default -> new VideoTask(id, TaskState.RUNNING, status, null, null, null, null, external, null, created);
        };
    }
}
