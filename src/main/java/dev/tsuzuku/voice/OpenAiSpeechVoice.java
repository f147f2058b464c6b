package dev.tsuzuku.voice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.provider.OpenAiErrors;
import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.provider.Secrets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * OpenAI text-to-speech ({@code POST /v1/audio/speech}; provider-apis.md §4.2) behind the
 * {@link Voice} port. The character's {@link VoiceSpec#voice()} is the OpenAI voice name
 * ({@code alloy}, {@code nova}, …); its speaking rate maps onto {@code speed} (160 wpm = 1.0);
 * pitch has no equivalent and is ignored. Failures are classified
 * {@link dev.tsuzuku.provider.ProviderException}s.
 */
public final class OpenAiSpeechVoice implements Voice {
    public static final URI API = URI.create("https://api.openai.com/v1");
    public static final String DEFAULT_MODEL = "tts-1-hd";
    static final double NORMAL_WPM = 160;
    private static final Pattern VOICE = Pattern.compile("[a-z][a-z0-9_-]{1,40}");

    private final URI base;
    private final String apiKey;
    private final String model;
    private final ProviderHttp http;

    public OpenAiSpeechVoice(URI baseUrl, String apiKey, String model, Duration connectTimeout,
            Duration requestTimeout, Clock clock) {
        this.base = ProviderHttp.baseUrl(baseUrl);
        this.apiKey = ProviderHttp.credential(apiKey);
        this.model = ProviderHttp.modelOr(model, DEFAULT_MODEL);
        this.http = new ProviderHttp(name(), connectTimeout, requestTimeout, Secrets.of(apiKey), clock);
    }

    @Override
    public String name() {
        return "openai-speech";
    }

    static double speed(int wordsPerMinute) {
        double s = wordsPerMinute / NORMAL_WPM;
        return Math.max(0.25, Math.min(4.0, Math.round(s * 100) / 100.0));
    }

    @Override
    public Speech speak(String text, VoiceSpec voice, Path wavOut) {
        if (voice.voice() == null || !VOICE.matcher(voice.voice()).matches()) {
            throw new BadInputException("series.yaml", "voice '" + voice.voice() + "' is not an OpenAI voice name",
                    "use a name such as alloy, echo, fable, onyx, nova or shimmer");
        }
        ObjectNode body = ProviderHttp.object();
        body.put("model", model);
        body.put("input", text);
        body.put("voice", voice.voice());
        body.put("response_format", "pcm");
        body.put("speed", speed(voice.wordsPerMinute()));
        ProviderHttp.Response resp = OpenAiErrors.checked(http, http.send(http.request(URI.create(base + "/audio/speech"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(ProviderHttp.jsonBody(body)).build()));
        return CloudSpeech.write(http, resp.bytes(), wavOut);
    }

    @Override
    public String toString() {
        return "OpenAiSpeechVoice[" + base + ", model " + model + "]";
    }
}
