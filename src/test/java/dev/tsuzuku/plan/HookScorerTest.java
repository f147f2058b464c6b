package dev.tsuzuku.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.HookKind;
import org.junit.jupiter.api.Test;

class HookScorerTest {

    @Test
    void a_question_in_the_closing_line_is_a_question_hook() {
        HookScorer.Scored s = HookScorer.score("The door creaked. \"Who is there?\" asked the old man.", false, null);

        assertThat(s.kind()).isEqualTo(HookKind.QUESTION);
        assertThat(s.cues()).contains("question mark");
        assertThat(s.line()).contains("Who is there?");
    }

    @Test
    void a_spoken_threat_is_a_threat_and_narrated_danger_is_danger() {
        HookScorer.Scored spoken = HookScorer.score("\"I will kill you at dawn,\" growled the ogre.", false, null);
        HookScorer.Scored narrated = HookScorer.score("Far below, the fire spread through the forest.", false, null);

        assertThat(spoken.kind()).isEqualTo(HookKind.THREAT);
        assertThat(spoken.cues()).contains("threat word: kill", "threat word: ogre");
        assertThat(narrated.kind()).isEqualTo(HookKind.DANGER);
        assertThat(narrated.cues()).contains("danger word: fire");
    }

    @Test
    void a_reveal_phrase_makes_a_reveal() {
        HookScorer.Scored s = HookScorer.score("The stranger lifted his hat. He was none other than the Dragon King.", false, null);

        assertThat(s.kind()).isEqualTo(HookKind.REVEAL);
        assertThat(s.cues()).contains("reveal: was none other than");
    }

    @Test
    void a_closing_line_with_a_cue_outscores_a_plain_one() {
        double plain = HookScorer.score("The farmer walked along the road and looked at the fields.", false, null).strength();
        double hook = HookScorer.score("The farmer walked on. Suddenly the storm broke over the hills.", false, null).strength();

        assertThat(plain).isZero();
        assertThat(hook).isGreaterThan(plain + 1.0);
    }

    @Test
    void the_end_of_a_tale_is_a_promise_of_the_next_tale_not_a_cliffhanger() {
        HookScorer.Scored s = HookScorer.score("And they lived happily ever after.", true, "The Tongue-Cut Sparrow");

        assertThat(s.kind()).isEqualTo(HookKind.PROMISE);
        assertThat(s.line()).isEqualTo("Next, a new tale begins: The Tongue-Cut Sparrow.");
        assertThat(s.strength()).isLessThan(1.5);
    }

    @Test
    void an_episode_never_ends_on_a_heading() {
        HookScorer.Scored s = HookScorer.score("THE OGRE OF RASHOMON.", false, null);

        assertThat(s.strength()).isNegative();
        assertThat(s.cues()).containsExactly("heading: never end on a title");
    }
}
