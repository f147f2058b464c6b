package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JapaneseVoiceTest {
    @Test
    void particles_are_said_as_particles_and_words_are_joined_again() {
        assertThat(JapaneseVoice.particles("たろう は やま へ いき 、 てら には おしょう が いた 。"))
                .isEqualTo("たろうわやまえいき、てらにわおしょうがいた。");
    }

    @Test
    void without_a_japanese_hts_voice_the_line_goes_through_kakasi_word_split_then_readings_then_espeak() {
        List<List<String>> ran = new ArrayList<>();
        ProcessRunner runner = request -> {
            ran.add(request.command());
            String out = request.command().contains("-w") ? "太郎 は 鈴 を 拾っ た 。" : "たろう は すず を ひろっ た 。";
            return new ProcessRunner.Result(0, out, "", null);
        };
        List<String> spoken = new ArrayList<>();
        Voice espeak = new Voice() {
            @Override
            public String name() {
                return "espeak-ng";
            }

            @Override
            public Speech speak(String text, VoiceSpec voice, Path wavOut) {
                spoken.add(text);
                return new Speech(wavOut, 1.0);
            }
        };
        JapaneseVoice v = new JapaneseVoice(runner, espeak, Optional.empty(), Path.of("/dic"), Duration.ofSeconds(5));

        v.speak("太郎は鈴を拾った。", new VoiceSpec("ja+m3", 45, 160), Path.of("x.wav"));

        assertThat(ran).extracting(c -> c.get(0)).containsExactly("kakasi", "kakasi");
        assertThat(ran.get(1)).contains("-JH", "-KH");
        assertThat(spoken).containsExactly("たろうわすずをひろった。");
        assertThat(v.name()).isEqualTo("kakasi+espeak-ng");
    }

    @Test
    void a_japanese_voice_is_given_the_readings_longest_word_first_and_other_voices_the_line_as_written() {
        java.util.Map<String, String> readings = java.util.Map.of("鈴守", "すずもり", "鈴", "すず", "山寺", "やまでら");

        assertThat(JapaneseVoice.withReadings("鈴守様は山寺の鈴を鳴らした。", new VoiceSpec("ja+f5", 60, 170), readings))
                .isEqualTo("スズモリ様はヤマデラのスズを鳴らした。");
        assertThat(JapaneseVoice.withReadings("鈴守様", new VoiceSpec("en-us+m3", 45, 160), readings)).isEqualTo("鈴守様");
        assertThat(JapaneseVoice.withReadings("鈴守様", new VoiceSpec("ja+m3", 45, 160), java.util.Map.of())).isEqualTo("鈴守様");
    }

    @Test
    void open_jtalk_takes_the_characters_pace_and_pitch() {
        JapaneseVoice v = new JapaneseVoice(request -> new ProcessRunner.Result(0, "", "", null), new SynthVoice(),
                Optional.of(Path.of("/usr/share/hts-voice/m001.htsvoice")), Path.of("/dic"), Duration.ofSeconds(5));

        List<String> him = v.openJtalkCommand(new VoiceSpec("ja+m3", 40, 165), Path.of("a.wav"));
        List<String> her = v.openJtalkCommand(new VoiceSpec("ja+f5", 60, 198), Path.of("b.wav"));

        assertThat(him).containsSequence("-x", "/dic").containsSequence("-m", "/usr/share/hts-voice/m001.htsvoice")
                .containsSequence("-r", "1.00").containsSequence("-fm", "-2.0").containsSequence("-ow", "a.wav");
        assertThat(her).containsSequence("-r", "1.20").containsSequence("-fm", "7.0");
        assertThat(v.name()).isEqualTo("open-jtalk");
    }
}
