package dev.tsuzuku.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * OpenAI's error answer {@code {"error":{"message","type","param","code"}}} (images and speech
 * alike) mapped onto failure kinds. A 429 is a rate limit unless its code says the account is
 * out of money ({@code insufficient_quota}), which no amount of waiting fixes.
 */
public final class OpenAiErrors {
    private OpenAiErrors() {}

    public static FailureKind classify(int status, String code, String type) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.equals("moderation_blocked") || c.equals("content_policy_violation") || status == 451
                || type.equals("image_generation_user_error") && c.contains("moderation")) {
            return FailureKind.MODERATION;
        }
        if (c.equals("insufficient_quota") || c.equals("billing_hard_limit_reached") || c.equals("billing_not_active")) {
            return FailureKind.INSUFFICIENT_BALANCE;
        }
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status == 401 || status == 403) {
            return FailureKind.AUTH;
        }
        if (status == 408 || status == 504) {
            return FailureKind.TIMEOUT;
        }
        if (status >= 500) {
            return FailureKind.SERVER_ERROR;
        }
        return FailureKind.INVALID_REQUEST;
    }

    /** The body of a 2xx answer, or the classified failure of any other. */
    public static ProviderHttp.Response checked(ProviderHttp http, ProviderHttp.Response resp) {
        if (resp.ok()) {
            return resp;
        }
        JsonNode e = resp.json().path("error");
        String code = e.path("code").asText("");
        String message = e.path("message").asText(resp.text());
        throw http.failure(classify(resp.status(), code, e.path("type").asText("")), resp.status(), code, message,
                resp.retryAfter().orElse(null), null);
    }
}
