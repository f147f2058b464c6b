package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.VoiceShare;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceActivityTest {
    @TempDir
    Path dir;

    /** {@code parts} alternate sound and silence, in seconds, at 16 kHz mono. */
    static Pcm pcm(double... parts) {
        int rate = 16_000;
        int n = 0;
        for (double p : parts) {
            n += (int) Math.round(p * rate);
        }
        float[] s = new float[n];
        int at = 0;
        for (int k = 0; k < parts.length; k++) {
            int len = (int) Math.round(parts[k] * rate);
            for (int i = 0; i < len; i++) {
                s[at + i] = k % 2 == 0 ? (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / rate)) : 0f;
            }
            at += len;
        }
        return new Pcm(rate, 1, s);
    }

    @Test
    void a_short_pause_inside_a_line_counts_as_voice_a_long_one_does_not() {
        boolean[] shortPause = VoiceActivity.ofLine(pcm(1.0, 0.2, 1.0), 30);
        boolean[] longPause = VoiceActivity.ofLine(pcm(1.0, 1.0, 1.0), 30);

        assertThat(count(shortPause)).isEqualTo(shortPause.length);
        assertThat(count(longPause)).isBetween(59, 61);
    }

    @Test
    void lines_are_measured_where_they_are_placed_on_the_cut() {
        WavFile.write(dir.resolve("a.wav"), pcm(2.0));
        WavFile.write(dir.resolve("b.wav"), pcm(1.0));
        boolean[] voiced = VoiceActivity.of(List.of(new PlacedSpeech(30, dir.resolve("a.wav")),
                new PlacedSpeech(150, dir.resolve("b.wav"))), 210, 30);

        VoiceShare share = VoiceShare.of(voiced, new boolean[210], 30);
        assertThat(share.share()).isCloseTo(90 / 210.0, org.assertj.core.api.Assertions.within(0.02));
        assertThat(share.longestSilence()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(share.silenceAt()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(share.seconds()).isEqualTo(7.0);
    }

    @Test
    void the_title_and_end_cards_are_not_counted_as_silence() {
        boolean[] voiced = new boolean[100];
        boolean[] cards = new boolean[100];
        java.util.Arrays.fill(voiced, 20, 80, true);
        java.util.Arrays.fill(cards, 0, 20, true);
        java.util.Arrays.fill(cards, 80, 100, true);

        VoiceShare share = VoiceShare.of(voiced, cards, 10);
        assertThat(share.longestSilence()).isZero();
        assertThat(share.share()).isEqualTo(0.6);
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean x : b) {
            n += x ? 1 : 0;
        }
        return n;
    }

    @Test
    void the_engines_silence_around_a_line_is_trimmed_to_a_twentieth_of_a_second() {
        Path wav = dir.resolve("line.wav");
        WavFile.write(wav, pcm(0.0, 0.3, 1.0, 0.4));

        Speech s = LanguageVoices.trim(new Speech(wav, 1.7));

        assertThat(s.seconds()).isCloseTo(1.0 + 2 * LanguageVoices.KEEP_SECONDS, org.assertj.core.api.Assertions.within(0.01));
        assertThat(WavFile.seconds(wav)).isEqualTo(s.seconds());
    }
}
