package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineVoicesTest {
    final List<String> notes = new ArrayList<>();

    @Test
    void espeak_is_used_when_installed() {
        assertThat(OfflineVoices.pick(true, notes::add)).isInstanceOf(EspeakVoice.class);
        assertThat(notes).isEmpty();
    }

    @Test
    void without_espeak_the_built_in_voice_speaks_and_the_user_is_told_how_to_get_espeak() {
        assertThat(OfflineVoices.pick(false, notes::add)).isInstanceOf(SynthVoice.class);
        assertThat(notes).singleElement().asString()
                .contains("espeak-ng not found")
                .contains("scripts/setup.sh");
    }
}
