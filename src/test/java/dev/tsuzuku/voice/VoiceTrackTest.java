package dev.tsuzuku.voice;

import static dev.tsuzuku.voice.StoryboardBuilder.aStoryboard;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character.Role;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceTrackTest {
    @TempDir
    Path dir;

    /** The built-in voice, remembering what it was asked to say. */
    static final class RecordingVoice implements Voice {
        final List<String> said = new ArrayList<>();
        final List<VoiceSpec> voices = new ArrayList<>();
        final SynthVoice inner = new SynthVoice();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Speech speak(String text, VoiceSpec voice, Path wavOut) {
            said.add(text);
            voices.add(voice);
            return inner.speak(text, voice, wavOut);
        }
    }

    final Bible bible = VoiceCastingTest.bible(
            VoiceCastingTest.member("Narrator", Role.NARRATOR, VoiceCastingTest.NARRATOR),
            VoiceCastingTest.member("Taro", Role.LEAD, VoiceCastingTest.TARO));
    final RecordingVoice voice = new RecordingVoice();
    final VoiceTrack track = new VoiceTrack(voice);

    Storyboard board(String taroSays) {
        return aStoryboard()
                .story(90).line(null, "Long ago, by the sea.", 10, 80)
                .story(120).line("Taro", taroSays, 5, 50).line("Taro", "Hello?", 60, 110)
                .build();
    }

    @Test
    void every_line_is_spoken_in_its_speakers_voice_with_its_real_length() {
        List<VoiceTrack.SpokenLine> lines = track.speak(board("Who is there?"), bible, dir);

        assertThat(voice.said).containsExactly("Long ago, by the sea.", "Who is there?", "Hello?");
        assertThat(voice.voices).containsExactly(VoiceCastingTest.NARRATOR, VoiceCastingTest.TARO, VoiceCastingTest.TARO);
        assertThat(lines).extracting(l -> l.shot() + "/" + l.line()).containsExactly("1/0", "2/0", "2/1");
        for (VoiceTrack.SpokenLine l : lines) {
            assertThat(l.speech().seconds()).isEqualTo(WavFile.seconds(l.speech().wav())).isGreaterThan(0.2);
        }
    }

    @Test
    void speaking_again_after_one_line_changed_speaks_only_that_line() {
        List<VoiceTrack.SpokenLine> first = track.speak(board("Who is there?"), bible, dir);
        voice.said.clear();

        List<VoiceTrack.SpokenLine> again = track.speak(board("Who goes there?"), bible, dir);

        assertThat(voice.said).containsExactly("Who goes there?");
        assertThat(again.get(0).speech()).isEqualTo(first.get(0).speech());
        assertThat(again.get(2).speech()).isEqualTo(first.get(2).speech());
    }

    @Test
    void lines_are_placed_at_their_shots_first_frame_plus_their_own_start() {
        Storyboard sb = board("Who is there?");

        List<PlacedSpeech> placed = VoiceTrack.place(sb, track.speak(sb, bible, dir));

        assertThat(placed).extracting(PlacedSpeech::startFrame).containsExactly(10, 95, 150);
    }
}
