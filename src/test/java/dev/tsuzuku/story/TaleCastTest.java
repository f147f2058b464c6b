package dev.tsuzuku.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.plan.TestBibles;
import org.junit.jupiter.api.Test;

class TaleCastTest {
    private final Bible bible = TestBibles.aBible().with("Dragon King", Character.Role.SUPPORTING, "the King", "Ryujin").build();

    @Test
    void a_title_alias_names_the_character_only_in_a_tale_that_also_calls_him_by_his_name() {
        Bible lake = TaleCast.within(bible, "The Dragon King rose from the lake. \"Help me,\" said the King.");
        Bible court = TaleCast.within(bible, "The King of the land sent his son to fight the brigands. \"Go,\" said the King.");

        assertThat(lake.character("the King")).map(Character::name).contains("Dragon King");
        assertThat(court.character("the King")).isEmpty();
        assertThat(court.character("Ryujin")).map(Character::name).contains("Dragon King");
        assertThat(TaleCast.isTitle("the King")).isTrue();
        assertThat(TaleCast.isTitle("Ryujin")).isFalse();
    }
}
