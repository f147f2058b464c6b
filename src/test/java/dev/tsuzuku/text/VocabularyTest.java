package dev.tsuzuku.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    @Test
    void an_animal_word_names_one_kind_whatever_its_case_or_number() {
        assertThat(Vocabulary.animalKind("Foxes")).contains("fox");
        assertThat(Vocabulary.animalKind("kitsune")).contains("fox");
        assertThat(Vocabulary.animalKind("CRANES")).contains("bird");
        assertThat(Vocabulary.animalKind("tortoise")).contains("turtle");
        assertThat(Vocabulary.animalKind("fisherman")).isEmpty();
        Set<String> seen = new HashSet<>();
        Vocabulary.ANIMAL_KINDS.values().forEach(words -> words.forEach(w -> assertThat(seen.add(w)).as(w).isTrue()));
    }

    @Test
    void role_nouns_are_the_people_animals_and_things_a_tale_names_by_role() {
        assertThat(Vocabulary.ROLE_NOUNS).containsAll(Vocabulary.PERSON_ROLES).containsAll(Vocabulary.ANIMALS)
                .contains("mortar", "ogre", "jelly fish")
                .hasSize(Vocabulary.PERSON_ROLES.size() + Vocabulary.ANIMALS.size() + Vocabulary.THING_CHARACTERS.size());
        assertThat(Vocabulary.PERSON_ROLES).doesNotContainAnyElementsOf(Vocabulary.ANIMALS);
    }

    @Test
    void a_word_is_female_or_male_never_both_and_royal_titles_are_titles() {
        assertThat(Vocabulary.FEMALE_WORDS).doesNotContainAnyElementsOf(Vocabulary.MALE_WORDS);
        assertThat(Vocabulary.TITLES).containsAll(Vocabulary.ROYAL_TITLES);
        assertThat(Vocabulary.NOT_NAMES).doesNotContain("taro", "momotaro");
    }
}
