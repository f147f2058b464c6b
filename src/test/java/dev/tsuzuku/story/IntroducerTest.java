package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.plan.TestBibles;
import dev.tsuzuku.text.CastNames;
import org.junit.jupiter.api.Test;

/** An untagged quote after "…and now addressed him:" belongs to the one who addresses, not the one addressed. */
class IntroducerTest {
    private final Bible bible = TestBibles.fairyTales().with("the man", Character.Role.MINOR).build();
    private final CastNames cast = new CastNames(bible);

    @Test
    void the_subject_of_the_introducing_sentence_speaks_not_its_object() {
        String previous = "Hidesato wondered much at the strange occurrence. While these thoughts passed through his"
                + " mind he had come up to the man on the bridge and now addressed him:";
        assertThat(OfflineWriter.introducer(previous, "\"Was it you that called me just now?\"", cast)).isEqualTo("Hidesato");
    }

    @Test
    void a_named_subject_before_the_pronoun_speaks() {
        String previous = "The tortoise swam on. Then Urashima turned to the tortoise and said:";
        assertThat(OfflineWriter.introducer(previous, "\"How far is it?\"", cast)).isEqualTo("Urashima");
    }

    @Test
    void without_a_colon_there_is_no_introducer() {
        assertThat(OfflineWriter.introducer("Hidesato looked at the man.", "\"Who are you?\"", cast)).isNull();
    }
}
