package dev.tsuzuku.board;

import static dev.tsuzuku.board.BoardFixtures.aBible;
import static dev.tsuzuku.board.BoardFixtures.aPlan;
import static dev.tsuzuku.board.BoardFixtures.urashimaEpisode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StoryboardRulesTest {
    private final Bible bible = aBible().episodeSeconds(60).build();
    private final Storyboard good = new Storyboarder().board(urashimaEpisode(), bible, aPlan(1, "Who are you?"), null);

    private Storyboard withShot(int i, UnaryOperator<Shot> change) {
        List<Shot> shots = new ArrayList<>(good.shots());
        shots.set(i, change.apply(shots.get(i)));
        return new Storyboard(good.episode(), good.fps(), good.width(), good.height(), good.mood(), good.endCard(), shots);
    }

    private static Shot frames(Shot s, int frames) {
        return new Shot(s.index(), s.kind(), frames, s.framing(), s.camera(), s.place(), s.timeOfDay(), s.cast(),
                s.action(), s.lines(), s.sfx(), s.prompt());
    }

    private static Shot lines(Shot s, List<ShotLine> lines) {
        return new Shot(s.index(), s.kind(), s.frames(), s.framing(), s.camera(), s.place(), s.timeOfDay(), s.cast(),
                s.action(), lines, s.sfx(), s.prompt());
    }

    private static Shot kind(Shot s, ShotKind kind) {
        return new Shot(s.index(), kind, s.frames(), s.framing(), s.camera(), s.place(), s.timeOfDay(), s.cast(),
                s.action(), s.lines(), s.sfx(), s.prompt());
    }

    @Test
    void a_storyboard_from_the_storyboarder_has_no_problems() {
        assertThat(StoryboardRules.check(good, bible)).isEmpty();
    }

    @Test
    void a_line_ending_after_its_shot_is_named_with_expected_and_actual() {
        Storyboard bad = withShot(4, s -> lines(frames(s, 90), List.of(
                new ShotLine("Taro", "Hello.", 0, 40), new ShotLine("Taro", "Bye.", 50, 97))));
        assertThat(StoryboardRules.check(bad)).containsExactly(
                "shots[4].lines[1].endFrame: expected ≤ 90 (shot frames), was 97");
    }

    @Test
    void overlapping_lines_are_reported() {
        Storyboard bad = withShot(4, s -> lines(frames(s, 120), List.of(
                new ShotLine("Taro", "Hello.", 0, 40), new ShotLine("Turtle", "Bye.", 30, 60))));
        assertThat(StoryboardRules.check(bad)).containsExactly(
                "shots[4].lines[1].startFrame: expected ≥ 40 (end of lines[0]), was 30");
    }

    @Test
    void a_shot_shorter_than_one_and_a_half_seconds_is_reported() {
        Storyboard bad = withShot(2, s -> frames(lines(s, List.of()), 44));
        assertThat(StoryboardRules.check(bad)).containsExactly("shots[2].frames: expected ≥ 45 (1.5 s), was 44");
    }

    @Test
    void a_cold_open_outside_three_to_five_seconds_is_reported() {
        Storyboard bad = withShot(0, s -> frames(s, 151));
        assertThat(StoryboardRules.check(bad)).containsExactly(
                "shots[0].frames: expected 90–150 (3–5 s cold open), was 151");
    }

    @Test
    void structure_cold_open_first_hook_then_end_card_last() {
        int last = good.shots().size() - 1;
        assertThat(StoryboardRules.check(withShot(last - 1, s -> kind(s, ShotKind.STORY)))).containsExactly(
                "shots[" + (last - 1) + "].kind: expected hook (before the end card), was story");
        assertThat(StoryboardRules.check(withShot(last, s -> kind(s, ShotKind.STORY)))).containsExactly(
                "shots[" + last + "].kind: expected end-card, was story");
        assertThat(StoryboardRules.check(withShot(0, s -> kind(s, ShotKind.STORY)))).containsExactly(
                "shots[0].kind: expected cold-open, was story");
    }

    @Test
    void a_total_outside_the_series_range_is_reported_against_the_bible() {
        Bible longer = aBible().episodeSeconds(150).build();
        assertThat(StoryboardRules.check(good, longer)).singleElement().asString()
                .startsWith("totalFrames: expected 3600–5400 (120–180 s), was ");
    }
}
