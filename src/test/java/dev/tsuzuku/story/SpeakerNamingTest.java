package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.plan.TestBibles;
import dev.tsuzuku.story.OfflineWriter.Candidate;
import dev.tsuzuku.text.CastNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeakerNamingTest {
    private final Bible bible = TestBibles.fairyTales().with("the man", Character.Role.MINOR).build();
    private final CastNames cast = new CastNames(bible);

    private static Candidate said(String speaker, String text, int segment) {
        return new Candidate(new Line(LineKind.DIALOGUE, speaker, text, 2.0), segment, 0, 0);
    }

    @Test
    void the_man_who_names_himself_is_that_character_before_and_after_within_his_tale_only() {
        List<Candidate> pool = List.of(
                said("the man", "Was it you that called me?", 0),
                said("the man", "I am the Dragon King of the Lake.", 0),
                said("the man", "Help me.", 1),
                said("the man", "Good day to you.", 2));

        List<Candidate> out = SpeakerNaming.apply(pool, cast, new int[] {0, 0, 1});

        assertThat(out).extracting(c -> c.line().speaker())
                .containsExactly("Dragon King", "Dragon King", "Dragon King", "the man");
    }

    @Test
    void one_who_has_already_spoken_is_not_the_stranger_introducing_himself() {
        List<Candidate> pool = List.of(
                said("Urashima", "Where is my home?", 0),
                said("the man", "My name is Urashima Taro.", 0),
                said("the man", "That is a story three hundred years old.", 0));

        List<Candidate> out = SpeakerNaming.apply(pool, cast, new int[] {0});

        assertThat(out).extracting(c -> c.line().speaker()).containsExactly("Urashima", "the man", "the man");
    }
}
