package dev.tsuzuku.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryUnitsTest {
    @Test
    void a_quote_that_names_something_stays_in_its_narrative_sentence() {
        List<StoryUnits.Unit> units = StoryUnits.of(
                "Long ago there lived a brave warrior known to all as Tawara Toda, or \"My Lord Bag of Rice.\" He loved adventure.");

        assertThat(units).noneMatch(StoryUnits.Unit::spoken);
        assertThat(units.get(0).text()).contains("My Lord Bag of Rice");
    }

    @Test
    void speech_is_split_into_whole_sentences_and_the_tag_is_not_narration() {
        List<StoryUnits.Unit> units = StoryUnits.of(
                "\"Yes, it was I,\" answered the man: \"I have an earnest request. Can you grant it?\"");

        assertThat(units).allMatch(StoryUnits.Unit::spoken);
        assertThat(units).extracting(StoryUnits.Unit::text)
                .containsExactly("Yes, it was I, I have an earnest request.", "Can you grant it?");
    }

    @Test
    void narration_keeps_whole_sentences_in_reading_order() {
        List<StoryUnits.Unit> units = StoryUnits.of(
                "The monster seemed to be asleep, and as it breathed fire came out of its nostrils. \"Help!\" cried the boy.");

        assertThat(units).extracting(StoryUnits.Unit::text)
                .containsExactly("The monster seemed to be asleep, and as it breathed fire came out of its nostrils.", "Help!");
    }

    @Test
    void clause_keeps_a_sentence_whole_or_closes_its_first_clause_never_with_an_ellipsis() {
        assertThat(Prose.clause("He ran home.", 5)).isEqualTo("He ran home.");
        assertThat(Prose.clause("Then Hidesato called to the Dragon King to come out with him on the balcony, "
                + "for the centipede was dead and he had nothing more to fear.", 16))
                .isEqualTo("Then Hidesato called to the Dragon King to come out with him on the balcony.");
        assertThat(Prose.clause("one two three four five six seven eight nine ten", 5))
                .isEqualTo("one two three four five six seven eight nine ten");
    }

    @Test
    void salience_prefers_characters_events_and_conflict_over_incidental_detail() {
        dev.tsuzuku.model.Bible bible = dev.tsuzuku.plan.TestBibles.fairyTales().build();
        List<String> s = List.of(
                "The Old Man took his sword and fought the wicked monster on the bridge.",
                "The weather was mild and the fields were green and pleasant to look at.",
                "The Old Man was afraid the monster would kill the sparrow.");
        Salience sal = new Salience(s, new boolean[3], new CastNames(bible));

        assertThat(sal.score(0)).isGreaterThan(sal.score(1));
        assertThat(sal.score(2)).isGreaterThan(sal.score(1));
    }
}
