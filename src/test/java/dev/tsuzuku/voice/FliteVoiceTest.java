package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.VoiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FliteVoiceTest {
    @Test
    void women_speak_with_slt_and_men_with_one_of_the_male_voices_varied_by_character() {
        assertThat(FliteVoice.voiceOf(new VoiceSpec("en-us+f3", 65, 160))).isEqualTo("slt");
        Set<String> men = new HashSet<>();
        for (int pitch = 30; pitch < 60; pitch++) {
            men.add(FliteVoice.voiceOf(new VoiceSpec("en-us+m3", pitch, 160)));
        }
        assertThat(men).containsExactlyInAnyOrderElementsOf(FliteVoice.MEN);
    }

    @Test
    void pitch_and_pace_follow_the_characters_espeak_settings() {
        FliteVoice v = new FliteVoice((request) -> null, Duration.ofSeconds(5));
        List<String> cmd = v.command("-- Who is there?", new VoiceSpec("en-us+f3", 99, 225), Path.of("a.wav"));

        assertThat(cmd).containsSequence("-voice", "slt").contains("int_f0_target_mean=230", "duration_stretch=1.00")
                .containsSequence("-t", " Who is there?").containsSequence("-o", "a.wav");
        assertThat(FliteVoice.f0(new VoiceSpec("en-us+m1", 0, 160))).isEqualTo(85);
        assertThat(v.command("Who?", new VoiceSpec("en-us+m1", 40, 160), Path.of("a.wav")))
                .as("the planned 160 words a minute, not flite's own ~225").contains("duration_stretch=1.41");
    }
}
