package dev.tsuzuku.story;

import static dev.tsuzuku.story.WritingFixtures.HOOK;
import static dev.tsuzuku.story.WritingFixtures.aBible;
import static dev.tsuzuku.story.WritingFixtures.aPlan;
import static dev.tsuzuku.story.WritingFixtures.aScript;
import static dev.tsuzuku.story.WritingFixtures.action;
import static dev.tsuzuku.story.WritingFixtures.narration;
import static dev.tsuzuku.story.WritingFixtures.says;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Script;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptRulesTest {
    private final Bible bible = aBible().build();
    private final EpisodePlan plan = aPlan().build();

    private List<String> problemsOf(WritingFixtures.ScriptBuilder script) {
        return ScriptRules.check(script.build(), bible, plan);
    }

    @Test
    void a_script_that_follows_every_rule_has_no_problems() {
        assertThat(problemsOf(aScript())).isEmpty();
    }

    @Test
    void an_episode_shorter_than_the_bible_allows_is_reported_with_the_range() {
        Script script = aScript().build();
        Bible longer = aBible().episodeSeconds(200).build(); // 160–240 s

        assertThat(ScriptRules.check(script, longer, plan)).containsExactly(
                "the episode lasts 150.0 s but must last 160–240 s; add lines or give them more time");
        assertThat(ScriptRules.check(script, aBible().episodeSeconds(100).build(), plan)).containsExactly(
                "the episode lasts 150.0 s but must last 80–120 s; cut lines or shorten them");
    }

    @Test
    void the_total_must_equal_the_sum_of_the_lines_within_half_a_second() {
        assertThat(problemsOf(aScript().estimatedSeconds(150.4))).isEmpty();
        assertThat(problemsOf(aScript().estimatedSeconds(160))).containsExactly(
                "estimatedSeconds is 160.0 s but the lines add up to 150.0 s; "
                        + "set estimatedSeconds to the sum of the line seconds");
    }

    @Test
    void a_script_needs_at_least_one_scene() {
        assertThat(problemsOf(aScript().noScenes().estimatedSeconds(150))).containsExactly(
                "the script has no scenes; write at least one scene with lines",
                "estimatedSeconds is 150.0 s but the lines add up to 0.0 s; "
                        + "set estimatedSeconds to the sum of the line seconds");
    }

    @Test
    void an_empty_line_is_reported_with_its_place_in_the_script() {
        assertThat(problemsOf(aScript().line(1, 1, action("  ", 40)))).containsExactly(
                "scene 1 line 1 (action) is empty; give it text or remove it");
    }

    @Test
    void a_scene_without_lines_is_reported() {
        assertThat(problemsOf(aScript().scene("the sea shore", "day").line(2, 2, says("Otohime", "Farewell.", 30))
                .hook(new Hook("Farewell.", HookKind.TURN))))
                .containsExactly("scene 3 has no lines; add lines or remove the scene");
    }

    @Test
    void a_speaker_outside_the_cast_is_reported_with_the_cast_names() {
        assertThat(problemsOf(aScript().line(1, 3, says("The Turtle", "Come with me.", 20)))).containsExactly(
                "scene 1 line 3 (dialogue) is spoken by \"The Turtle\", who is not in the cast; "
                        + "use one of: Urashima Taro, Otohime, Narrator");
    }

    @Test
    void dialogue_without_a_speaker_is_reported() {
        assertThat(problemsOf(aScript().line(1, 3, says(null, "Come with me.", 20)))).containsExactly(
                "scene 1 line 3 (dialogue) has no speaker; dialogue needs a speaker from the cast: "
                        + "Urashima Taro, Otohime, Narrator");
    }

    @Test
    void an_alias_must_be_written_as_the_cast_name_and_normalising_fixes_it() {
        Script withAlias = aScript().line(1, 3, says("taro", "I must see my parents again.", 20)).build();

        assertThat(ScriptRules.check(withAlias, bible, plan)).containsExactly(
                "scene 1 line 3 (dialogue) names the speaker \"taro\"; write the cast name \"Urashima Taro\" instead");
        Script fixed = ScriptRules.normaliseSpeakers(withAlias, bible);
        assertThat(fixed.scenes().get(0).lines().get(2).speaker()).isEqualTo("Urashima Taro");
        assertThat(ScriptRules.check(fixed, bible, plan)).isEmpty();
    }

    @Test
    void a_narrator_outside_the_cast_is_reported_but_anonymous_narration_is_fine() {
        assertThat(problemsOf(aScript().line(1, 2, narration(null, "Three years passed like three days.", 30))))
                .isEmpty();
        assertThat(problemsOf(aScript().line(1, 2, narration("Storyteller", "Three years passed.", 30))))
                .containsExactly("scene 1 line 2 (narration) is spoken by \"Storyteller\", who is not in the cast; "
                        + "use one of: Urashima Taro, Otohime, Narrator");
    }

    @Test
    void action_lines_have_no_speaker() {
        assertThat(problemsOf(aScript().line(1, 1, new Line(LineKind.ACTION, "Otohime", "She bows.", 40))))
                .containsExactly("scene 1 line 1 (action) is an action line with speaker \"Otohime\"; "
                        + "action lines have no speaker (null), make it dialogue if someone says it");
    }

    @Test
    void a_line_without_a_kind_is_reported() {
        assertThat(problemsOf(aScript().line(1, 1, new Line(null, null, "Lanterns glow.", 40))))
                .containsExactly("scene 1 line 1 (line) has no kind; use action, dialogue or narration");
    }

    @Test
    void the_last_line_must_carry_the_hook() {
        assertThat(problemsOf(aScript().line(2, 2, says("Otohime", "Goodbye, Taro.", 30)))).containsExactly(
                "the last line of the last scene is \"Goodbye, Taro.\" but must carry the hook \"" + HOOK
                        + "\"; end the episode on the hook line");
    }

    @Test
    void a_last_line_that_contains_the_hook_in_other_case_or_quotes_carries_it() {
        Line longer = says("Otohime", "Go home, Taro. But WHATEVER you do,   never open this box.", 30);
        assertThat(problemsOf(aScript().line(2, 2, longer))).isEmpty();
        Hook curly = new Hook("\u201CNever open this box.\u201D", HookKind.THREAT);
        assertThat(problemsOf(aScript().hook(curly).line(2, 2, action("She whispers: \"never open this box.\"", 30))))
                .isEmpty();
    }

    @Test
    void a_hook_quoted_from_the_source_is_carried_by_the_same_words_without_quotes() {
        Hook quoted = new Hook("\"Horrid little bird, why did it eat all my starch?\"", HookKind.QUESTION);
        Line said = says("Otohime", "Horrid little bird, why did it eat all my starch?", 30);

        assertThat(problemsOf(aScript().hook(quoted).line(2, 2, said))).isEmpty();
    }

    @Test
    void a_script_without_a_hook_is_reported() {
        assertThat(problemsOf(aScript().hook(null))).containsExactly(
                "the script has no hook; add \"hook\": {\"text\", \"kind\"} with the closing line");
    }

    @Test
    void episode_number_and_title_must_match_the_plan() {
        assertThat(problemsOf(aScript().episode(5).title("A Box"))).containsExactly(
                "episode number is 5 but the plan says 4; set \"episode\" to 4",
                "title is \"A Box\" but the plan says \"The Box of Jewels\"; use the plan's title exactly");
    }

    @Test
    void every_line_lasts_more_than_zero_seconds() {
        assertThat(problemsOf(aScript().line(1, 1, action("Lanterns glow.", 0)).line(1, 2,
                narration("Narrator", "Three years passed like three days.", 70))))
                .containsExactly("scene 1 line 1 (action) lasts 0.0 s; every line needs more than 0 s");
    }

    @Test
    void a_line_shorter_than_four_words_a_second_is_implausible() {
        // 9 words need at least 2.25 s
        Line rushed = says("Urashima Taro", "I must see my parents again before they die.", 2.0);
        assertThat(problemsOf(aScript().line(1, 3, rushed).estimatedSeconds(132))).containsExactly(
                "scene 1 line 3 (dialogue) lasts 2.0 s, too short for 9 words; "
                        + "give it at least 2.3 s (4 words per second at most)");
        Line enough = says("Urashima Taro", "I must see my parents again before they die.", 2.25);
        assertThat(problemsOf(aScript().line(1, 3, enough).estimatedSeconds(132.25))).isEmpty();
    }

    @Test
    void words_are_runs_with_letters_or_digits_not_dashes() {
        assertThat(ScriptRules.words("Wait \u2014 it's 3 o'clock!")).isEqualTo(4);
        assertThat(ScriptRules.words("  ")).isZero();
        assertThat(ScriptRules.words(null)).isZero();
    }

    @Test
    void every_problem_is_collected_not_just_the_first() {
        assertThat(problemsOf(aScript().episode(9).hook(null).line(1, 3, says("Kappa", "Hm.", 20)))).hasSize(3);
    }
}
