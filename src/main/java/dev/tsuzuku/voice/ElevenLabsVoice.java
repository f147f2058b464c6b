package dev.tsuzuku.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Secrets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ElevenLabs text-to-speech ({@code POST /v1/text-to-speech/{voice_id}}, header
 * {@code xi-api-key}; provider-apis.md §4.3) behind the {@link Voice} port. The character's
 * {@link VoiceSpec#voice()} is the ElevenLabs voice id. A seed derived from the voice and the
 * line asks the vendor for the same take of the same line each time.
 */
public final class ElevenLabsVoice implements Voice {
    public static final URI API = URI.create("https://api.elevenlabs.io");
    public static final String DEFAULT_MODEL = "eleven_multilingual_v2";
    private static final Pattern VOICE_ID = Pattern.compile("[A-Za-z0-9]{8,40}");

    private final URI base;
    private final String apiKey;
    private final String model;
    private final ProviderHttp http;

    public ElevenLabsVoice(URI baseUrl, String apiKey, String model, Duration connectTimeout,
            Duration requestTimeout, Clock clock) {
        this.base = ProviderHttp.baseUrl(baseUrl);
        this.apiKey = ProviderHttp.credential(apiKey);
        this.model = ProviderHttp.modelOr(model, DEFAULT_MODEL);
        this.http = new ProviderHttp(name(), connectTimeout, requestTimeout, Secrets.of(apiKey), clock);
    }

    @Override
    public String name() {
        return "elevenlabs";
    }

    static long seed(String voiceId, String text) {
        long h = 1125899906842597L;
        for (byte b : (voiceId + "\n" + text).getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return Long.remainderUnsigned(h, 4_294_967_295L);
    }

    @Override
    public Speech speak(String text, VoiceSpec voice, Path wavOut) {
        if (voice.voice() == null || !VOICE_ID.matcher(voice.voice()).matches()) {
            throw new BadInputException("series.yaml", "voice '" + voice.voice() + "' is not an ElevenLabs voice id",
                    "use the id from the voice library, such as 21m00Tcm4TlvDq8ikWAM");
        }
        ObjectNode body = ProviderHttp.object();
        body.put("text", text);
        body.put("model_id", model);
        body.put("seed", seed(voice.voice(), text));
        URI uri = URI.create(base + "/v1/text-to-speech/" + voice.voice() + "?output_format=pcm_"
                + CloudSpeech.SAMPLE_RATE);
        ProviderHttp.Response resp = http.send(http.request(uri).header("xi-api-key", apiKey)
                .header("Content-Type", "application/json").POST(ProviderHttp.jsonBody(body)).build());
        if (!resp.ok()) {
            JsonNode detail = resp.json().path("detail");
            String status = detail.path("status").asText("");
            String message = detail.isTextual() ? detail.asText() : detail.path("message").asText(resp.text());
            throw http.failure(classify(resp.status(), status), resp.status(), status, message,
                    resp.retryAfter().orElse(null), null);
        }
        return CloudSpeech.write(http, resp.bytes(), wavOut);
    }

    /** ElevenLabs answers {@code {"detail":{"status","message"}}}; quota runs out as a 401. */
    static FailureKind classify(int httpStatus, String status) {
        String s = status.toLowerCase(Locale.ROOT);
        if (s.contains("quota") || s.contains("payment") || s.contains("credits")) {
            return FailureKind.INSUFFICIENT_BALANCE;
        }
        if (httpStatus == 429 || s.contains("too_many") || s.contains("rate_limit")) {
            return s.contains("concurrent") ? FailureKind.CONCURRENCY_LIMIT : FailureKind.RATE_LIMITED;
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return FailureKind.AUTH;
        }
        if (httpStatus >= 500) {
            return FailureKind.SERVER_ERROR;
        }
        return FailureKind.INVALID_REQUEST;
    }

    @Override
    public String toString() {
        return "ElevenLabsVoice[" + base + ", model " + model + "]";
    }
}
