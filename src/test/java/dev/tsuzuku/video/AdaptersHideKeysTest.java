package dev.tsuzuku.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.provider.Stubs;
import dev.tsuzuku.voice.ElevenLabsVoice;
import dev.tsuzuku.voice.OpenAiSpeechVoice;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No adapter prints a credential it holds, whatever prints it. */
class AdaptersHideKeysTest {
    static final String KEY = "secret-key-7c1e9a3f5b2d8e4a6c0f";
    static final String SK = "secret-sk-2f4a6c8e0b1d3f5a7c9e";

    @Test
    void to_string_never_shows_a_key() {
        URI base = URI.create("http://localhost:9");
        List<Object> adapters = List.of(
                new SeedanceVideo(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new KlingLegacyVideo(base, KEY, SK, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new KlingVideo(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new RunwayVideo(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new SeedreamKeyframes(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new OpenAiImageKeyframes(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new OpenAiSpeechVoice(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new ElevenLabsVoice(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK));
        for (Object a : adapters) {
            assertThat(a.toString()).doesNotContain(KEY).doesNotContain(SK).doesNotContain(KEY.substring(0, 12));
        }
    }

    @Test
    void an_unreachable_provider_failure_carries_no_key() {
        // port 9 (discard) is closed here: every adapter fails with a transport error
        URI base = URI.create("http://127.0.0.1:9");
        TakeRequest r = TakeRequest.of("k", "p", 5).withFirstFrame(ImageRef.url(URI.create("https://example.com/a.png")));
        List<VideoProvider> video = List.of(
                new SeedanceVideo(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new KlingLegacyVideo(base, KEY, SK, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new KlingVideo(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK),
                new RunwayVideo(base, KEY, null, Stubs.CONNECT, Stubs.REQUEST, Stubs.CLOCK));
        for (VideoProvider p : video) {
            assertThat(Stubs.failure(() -> p.submit(r), KEY, SK).retryable()).as(p.name()).isTrue();
            assertThat(Stubs.failure(() -> p.poll("text2video/1"), KEY, SK).retryable()).as(p.name()).isTrue();
        }
    }
}
