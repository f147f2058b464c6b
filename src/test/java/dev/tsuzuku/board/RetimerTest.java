package dev.tsuzuku.board;

import static dev.tsuzuku.board.BoardFixtures.aBible;
import static dev.tsuzuku.board.BoardFixtures.aPlan;
import static dev.tsuzuku.board.BoardFixtures.aScript;
import static dev.tsuzuku.board.BoardFixtures.urashimaEpisode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The retimer: measured speech lengths replace the estimates after the voices are made. */
class RetimerTest {
    private static final ZonedDateTime NEXT_DROP =
            ZonedDateTime.of(LocalDateTime.of(2026, 11, 26, 18, 0), ZoneId.of("Asia/Tokyo"));
    private final Bible bible = aBible().episodeSeconds(60).build();

    private Storyboard board(Script script) {
        return new Storyboarder().board(script, bible, aPlan(script.episode(), "Stay with me here, and you will never grow old."), NEXT_DROP);
    }

    private final Storyboard sb = board(urashimaEpisode());

    @Test
    void measured_lengths_replace_the_estimates_and_shots_grow_or_shrink_to_fit() {
        Storyboard slower = Retimer.retime(sb, l -> 4.0);
        assertThat(StoryboardRules.check(slower)).isEmpty();
        for (int i = 0; i < sb.shots().size(); i++) {
            Shot before = sb.shots().get(i);
            Shot after = slower.shots().get(i);
            if (after.lines().isEmpty()) {
                assertThat(after).isEqualTo(before);
                continue;
            }
            for (ShotLine l : after.lines()) {
                if (after.kind() != ShotKind.COLD_OPEN) {
                    assertThat(l.endFrame() - l.startFrame()).isEqualTo(120);
                }
            }
            if (after.kind() == ShotKind.STORY) {
                int lines = after.lines().size();
                assertThat(after.frames()).isGreaterThanOrEqualTo(lines * 120 + (lines - 1) * ShotTiming.MEASURED_GAP);
            }
        }
        Storyboard faster = Retimer.retime(sb, l -> 0.8);
        assertThat(StoryboardRules.check(faster)).isEmpty();
        assertThat(faster.totalFrames()).isLessThan(sb.totalFrames());
        assertThat(slower.totalFrames()).isGreaterThan(sb.totalFrames());
    }

    @Test
    void the_cold_open_stays_between_three_and_five_seconds_whatever_the_voice_takes() {
        assertThat(Retimer.retime(sb, l -> 9.0).shots().get(0).frames()).isEqualTo(150);
        assertThat(Retimer.retime(sb, l -> 0.5).shots().get(0).frames()).isEqualTo(90);
        assertThat(StoryboardRules.check(Retimer.retime(sb, l -> 9.0))).isEmpty();
    }

    @Test
    void a_recording_brings_its_own_silence_so_retiming_adds_only_a_short_breath_between_lines() {
        Storyboard same = Retimer.retime(sb, l -> (l.endFrame() - l.startFrame()) / 30.0);
        assertThat(StoryboardRules.check(same)).isEmpty();
        assertThat(same.totalFrames()).isLessThan(sb.totalFrames());
        for (int i = 0; i < sb.shots().size(); i++) {
            Shot before = sb.shots().get(i);
            Shot after = same.shots().get(i);
            if (before.lines().isEmpty()) {
                assertThat(after).isEqualTo(before);
                continue;
            }
            assertThat(after.lines()).extracting(l -> l.endFrame() - l.startFrame())
                    .containsExactlyElementsOf(before.lines().stream().map(l -> l.endFrame() - l.startFrame()).toList());
            assertThat(after.lines().get(0).startFrame()).isZero();
            for (int j = 1; j < after.lines().size(); j++) {
                assertThat(after.lines().get(j).startFrame() - after.lines().get(j - 1).endFrame())
                        .isEqualTo(ShotTiming.MEASURED_GAP);
            }
        }
    }

    @Test
    void a_hold_added_to_reach_the_episode_length_survives_retiming() {
        Script tiny = aScript().scene("Beach", "day").narration("Taro walked along the beach.")
                .hook("Taro", "Who is there?", HookKind.QUESTION).build();
        Storyboard stretched = board(tiny);
        Storyboard retimed = Retimer.retime(stretched, l -> (l.endFrame() - l.startFrame()) / 30.0 + 1.0);
        assertThat(retimed.totalFrames()).isGreaterThan(stretched.totalFrames());
        assertThat(StoryboardRules.check(retimed, bible)).isEmpty();
    }

    @Test
    void the_storyboarder_retimes_through_the_retimer() {
        assertThat(new Storyboarder().retime(sb, l -> 2.5)).isEqualTo(Retimer.retime(sb, l -> 2.5));
    }
}
