package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.VoiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link Voice} promises; each implementation's test extends this. */
abstract class VoiceContract {
    static final VoiceSpec URASHIMA = new VoiceSpec("en-us+m3", 45, 160);
    static final VoiceSpec OTOHIME = new VoiceSpec("en-us+f3", 65, 160);
    static final String SHORT = "Who is there?";
    static final String LONG = "Long ago, a young fisherman named Urashima Taro lived by the sea, "
            + "and every day he rowed out alone to fish.";

    @TempDir
    Path dir;

    abstract Voice voice();

    @Test
    void speaks_a_line_into_a_non_empty_wav_whose_length_matches_the_reported_seconds() {
        Speech s = voice().speak(SHORT, URASHIMA, dir.resolve("a.wav"));

        assertThat(s.wav()).isEqualTo(dir.resolve("a.wav"));
        Pcm pcm = WavFile.read(s.wav());
        assertThat(pcm.frames()).isGreaterThan(pcm.sampleRate() / 4);
        assertThat(Audio.rms(pcm.samples())).as("not silence").isGreaterThan(0.01);
        assertThat(s.seconds()).isCloseTo(pcm.seconds(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void a_longer_line_lasts_longer() {
        double shortLine = voice().speak(SHORT, URASHIMA, dir.resolve("short.wav")).seconds();
        double longLine = voice().speak(LONG, URASHIMA, dir.resolve("long.wav")).seconds();

        assertThat(longLine).isGreaterThan(shortLine * 3);
    }

    @Test
    void a_faster_speaking_rate_gives_a_shorter_line() {
        double slow = voice().speak(LONG, new VoiceSpec("en-us+m3", 45, 120), dir.resolve("slow.wav")).seconds();
        double fast = voice().speak(LONG, new VoiceSpec("en-us+m3", 45, 240), dir.resolve("fast.wav")).seconds();

        assertThat(fast).isLessThan(slow * 0.75);
    }

    @Test
    void the_same_line_in_the_same_voice_gives_the_same_bytes() throws Exception {
        voice().speak(LONG, OTOHIME, dir.resolve("one.wav"));
        voice().speak(LONG, OTOHIME, dir.resolve("two.wav"));

        assertThat(Files.readAllBytes(dir.resolve("two.wav"))).isEqualTo(Files.readAllBytes(dir.resolve("one.wav")));
    }

    @Test
    void different_voices_give_different_audio() throws Exception {
        voice().speak(SHORT, URASHIMA, dir.resolve("him.wav"));
        voice().speak(SHORT, OTOHIME, dir.resolve("her.wav"));

        assertThat(Files.readAllBytes(dir.resolve("her.wav"))).isNotEqualTo(Files.readAllBytes(dir.resolve("him.wav")));
    }
}
