package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.VoiceSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineVoicesTest {
    final List<String> notes = new ArrayList<>();

    @Test
    void espeak_is_used_when_installed_for_languages_without_a_better_voice() {
        Voice picked = OfflineVoices.pick(true, notes::add);
        assertThat(picked).isInstanceOf(LanguageVoices.class);
        assertThat(((LanguageVoices) picked).of(new VoiceSpec("fr+m3", 50, 160))).isInstanceOf(EspeakVoice.class);
        assertThat(notes).isEmpty();
    }

    @Test
    void japanese_voice_ids_go_to_the_voice_that_reads_kanji_and_english_ones_to_flite() {
        Voice espeak = new SynthVoice();
        Voice japanese = new SynthVoice();
        Voice english = new SynthVoice();
        LanguageVoices voices = new LanguageVoices(espeak, japanese, english);

        assertThat(voices.of(new VoiceSpec("ja+f5", 60, 160))).isSameAs(japanese);
        assertThat(voices.of(new VoiceSpec("en-us+m3", 45, 160))).isSameAs(english);
        assertThat(voices.of(new VoiceSpec("cmn+m3", 45, 160))).isSameAs(espeak);
    }

    @Test
    void without_espeak_the_built_in_voice_speaks_and_the_user_is_told_how_to_get_espeak() {
        assertThat(OfflineVoices.pick(false, notes::add)).isInstanceOf(SynthVoice.class);
        assertThat(notes).singleElement().asString()
                .contains("espeak-ng not found")
                .contains("scripts/setup.sh");
    }
}
