package dev.tsuzuku.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tsuzuku.provider.Stubs.CLOCK;
import static dev.tsuzuku.provider.Stubs.CONNECT;
import static dev.tsuzuku.provider.Stubs.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.Stubs;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAI speech and ElevenLabs behind the Voice port, against stubs that answer raw 24 kHz PCM. */
class CloudVoicesTest {
    static final String OPENAI_KEY = "sk-proj-speech-8e7d6c5b4a3f2e1d0c9b";
    static final String ELEVEN_KEY = "xi-2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e0b";

    private final WireMockServer stub = new WireMockServer(options().dynamicPort());
    private OpenAiSpeechVoice openai;
    private ElevenLabsVoice eleven;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        stub.start();
        openai = new OpenAiSpeechVoice(URI.create(stub.baseUrl() + "/v1"), OPENAI_KEY, null, CONNECT, REQUEST, CLOCK);
        eleven = new ElevenLabsVoice(URI.create(stub.baseUrl()), ELEVEN_KEY, null, CONNECT, REQUEST, CLOCK);
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    /** {@code seconds} of a 220 Hz tone as 16-bit little-endian mono PCM at 24 kHz. */
    static byte[] tone(double seconds) {
        int n = (int) Math.round(seconds * 24_000);
        ByteBuffer b = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) (Math.sin(2 * Math.PI * 220 * i / 24_000.0) * 12_000));
        }
        return b.array();
    }

    @Test
    void openai_speech_writes_the_returned_pcm_as_a_wav_of_the_right_length() {
        stub.stubFor(post("/v1/audio/speech").willReturn(aResponse().withHeader("Content-Type", "audio/pcm")
                .withBody(tone(1.5))));

        Speech s = openai.speak("Who is there?", new VoiceSpec("nova", 50, 200), dir.resolve("a.wav"));

        Pcm pcm = WavFile.read(s.wav());
        assertThat(pcm.sampleRate()).isEqualTo(24_000);
        assertThat(pcm.channels()).isEqualTo(1);
        assertThat(s.seconds()).isCloseTo(1.5, within(1e-9));
        assertThat(Audio.rms(pcm.samples())).isGreaterThan(0.1);
        stub.verify(postRequestedFor(urlEqualTo("/v1/audio/speech"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(equalToJson("""
                        {"model": "tts-1-hd", "input": "Who is there?", "voice": "nova",
                         "response_format": "pcm", "speed": 1.25}""")));
    }

    @Test
    void elevenlabs_sends_the_voice_in_the_path_the_key_in_xi_api_key_and_a_stable_seed() {
        stub.stubFor(post(urlPathEqualTo("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM"))
                .withQueryParam("output_format", equalTo("pcm_24000"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/pcm").withBody(tone(0.75))));
        VoiceSpec rachel = new VoiceSpec("21m00Tcm4TlvDq8ikWAM", 50, 160);

        Speech s = eleven.speak("Long ago, by the sea.", rachel, dir.resolve("b.wav"));
        eleven.speak("Long ago, by the sea.", rachel, dir.resolve("c.wav"));

        assertThat(s.seconds()).isCloseTo(0.75, within(1e-9));
        var sent = stub.findAll(postRequestedFor(urlPathEqualTo("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getHeader("xi-api-key")).isEqualTo(ELEVEN_KEY);
        assertThat(sent.get(0).getBodyAsString()).isEqualTo(sent.get(1).getBodyAsString());
        stub.verify(postRequestedFor(urlPathEqualTo("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM")).withRequestBody(
                equalToJson("{\"text\": \"Long ago, by the sea.\", \"model_id\": \"eleven_multilingual_v2\","
                        + " \"seed\": " + ElevenLabsVoice.seed(rachel.voice(), "Long ago, by the sea.") + "}")));
    }

    @Test
    void voice_ids_that_cannot_be_the_vendors_are_bad_input_naming_the_bible() {
        assertThatThrownBy(() -> openai.speak("hi", new VoiceSpec("en-us+f3", 50, 160), dir.resolve("x.wav")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("series.yaml").hasMessageContaining("alloy");
        assertThatThrownBy(() -> eleven.speak("hi", new VoiceSpec("../../etc", 50, 160), dir.resolve("x.wav")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("ElevenLabs voice id");
        assertThat(stub.getAllServeEvents()).isEmpty();
    }

    @Test
    void speech_failures_are_classified_and_never_show_the_key() {
        stub.stubFor(post("/v1/audio/speech").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Incorrect API key "
                        + "provided: " + OPENAI_KEY + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        stub.stubFor(post(urlPathEqualTo("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json").withBody(
                        "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request exceeds your quota. "
                                + "Key " + ELEVEN_KEY + "\"}}")));
        stub.stubFor(post(urlPathEqualTo("/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb")).willReturn(aResponse()
                .withStatus(429).withHeader("Retry-After", "4").withHeader("Content-Type", "application/json").withBody(
                        "{\"detail\":{\"status\":\"too_many_concurrent_requests\",\"message\":\"too many\"}}")));

        var auth = Stubs.failure(() -> openai.speak("hi", new VoiceSpec("alloy", 50, 160), dir.resolve("x.wav")),
                OPENAI_KEY);
        var quota = Stubs.failure(() -> eleven.speak("hi", new VoiceSpec("21m00Tcm4TlvDq8ikWAM", 50, 160),
                dir.resolve("y.wav")), ELEVEN_KEY);
        var busy = Stubs.failure(() -> eleven.speak("hi", new VoiceSpec("JBFqnCBsd6RMkjVDRZzb", 50, 160),
                dir.resolve("z.wav")), ELEVEN_KEY);

        assertThat(auth.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(quota.kind()).isEqualTo(FailureKind.INSUFFICIENT_BALANCE);
        assertThat(busy.kind()).isEqualTo(FailureKind.CONCURRENCY_LIMIT);
        assertThat(busy.retryAfter()).contains(java.time.Duration.ofSeconds(4));
        assertThat(dir.resolve("x.wav")).doesNotExist();
    }

    @Test
    void the_speaking_rate_maps_onto_speed_within_the_api_range() {
        assertThat(OpenAiSpeechVoice.speed(160)).isEqualTo(1.0);
        assertThat(OpenAiSpeechVoice.speed(120)).isEqualTo(0.75);
        assertThat(OpenAiSpeechVoice.speed(10)).isEqualTo(0.25);
        assertThat(OpenAiSpeechVoice.speed(2000)).isEqualTo(4.0);
    }
}
