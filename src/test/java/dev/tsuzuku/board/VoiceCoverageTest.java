package dev.tsuzuku.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceCoverageTest {
    private static Shot shot(int index, ShotKind kind, int frames, ShotLine... lines) {
        return new Shot(index, kind, frames, Framing.MEDIUM, CameraMove.STATIC, "Bridge", "day", List.of(), "action",
                List.of(lines), List.of(), "prompt");
    }

    @Test
    void counts_voiced_frames_and_the_longest_silence_outside_the_cards() {
        Storyboard sb = new Storyboard(1, 30, 1080, 1920, "tense", "end", List.of(
                shot(1, ShotKind.COLD_OPEN, 90, new ShotLine(null, "a", 0, 90)),
                shot(2, ShotKind.TITLE, 60),
                shot(3, ShotKind.STORY, 300, new ShotLine("Taro", "b", 0, 60), new ShotLine("Taro", "c", 210, 300)),
                shot(4, ShotKind.STORY, 60),
                shot(5, ShotKind.END_CARD, 90)));

        VoiceCoverage c = VoiceCoverage.of(sb);

        assertThat(c.totalFrames()).isEqualTo(600);
        assertThat(c.voicedFrames()).isEqualTo(90 + 60 + 90);
        assertThat(c.share()).isEqualTo(0.4);
        // 150 silent frames inside shot 3; the silent story shot 4 (60) runs into the end card, which is excused
        assertThat(c.longestSilentFrames()).isEqualTo(150);
        assertThat(c.longestSilentAt()).isEqualTo((90 + 60 + 60) / 30.0);
        assertThat(c.meetsTarget()).isFalse();
    }

    @Test
    void a_fully_voiced_story_between_silent_cards_meets_the_target() {
        Storyboard sb = new Storyboard(1, 30, 1080, 1920, "tense", "end", List.of(
                shot(1, ShotKind.TITLE, 60),
                shot(2, ShotKind.STORY, 1200, new ShotLine(null, "a", 0, 1190)),
                shot(3, ShotKind.END_CARD, 90)));

        VoiceCoverage c = VoiceCoverage.of(sb);

        assertThat(c.share()).isGreaterThan(0.85);
        assertThat(c.longestSilentFrames()).isEqualTo(10);
        assertThat(c.meetsTarget()).isTrue();
    }
}
