package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.VoiceSpec;
import org.junit.jupiter.api.Test;

class SynthVoiceTest extends VoiceContract {

    @Override
    Voice voice() {
        return new SynthVoice();
    }

    @Test
    void a_higher_pitch_setting_raises_the_voice() {
        double low = zeroCrossingsPerSecond(SynthVoice.render("Aaa aaa aaa.", new VoiceSpec("en-us", 10, 160)));
        double high = zeroCrossingsPerSecond(SynthVoice.render("Aaa aaa aaa.", new VoiceSpec("en-us", 90, 160)));

        assertThat(high).isGreaterThan(low);
    }

    @Test
    void punctuation_adds_pauses() {
        int plain = SynthVoice.render("yes no yes no", OTOHIME).length;
        int paused = SynthVoice.render("Yes. No. Yes. No.", OTOHIME).length;

        assertThat(paused).isGreaterThan(plain + SynthVoice.RATE / 2);
    }

    @Test
    void an_empty_line_is_a_short_silence_not_an_error() {
        float[] s = SynthVoice.render("", OTOHIME);

        assertThat(s.length).isBetween(1, SynthVoice.RATE / 2);
    }

    @Test
    void words_split_into_syllables_at_their_vowel_groups() {
        assertThat(SynthVoice.syllables("fisherman")).hasSize(3);
        assertThat(SynthVoice.syllables("time")).hasSize(1);
        assertThat(SynthVoice.syllables("sea")).hasSize(1);
        assertThat(SynthVoice.syllables("hmm")).hasSize(1);
    }

    private static double zeroCrossingsPerSecond(float[] s) {
        int crossings = 0;
        for (int i = 1; i < s.length; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        return crossings / (s.length / (double) SynthVoice.RATE);
    }
}
