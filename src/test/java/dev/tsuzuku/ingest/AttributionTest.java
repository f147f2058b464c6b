package dev.tsuzuku.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Character.Role;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.VoiceSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributionTest {
    private static final Bible BIBLE = bibleWith(
            character("the old man", List.of()),
            character("Urashima Taro", List.of("Urashima")),
            character("the monkey", List.of()),
            character("Momotaro", List.of("Son of a Peach")),
            character(BibleDrafter.NARRATOR, List.of(), Role.NARRATOR));

    private static Optional<String> speaker(String paragraph) {
        return Attribution.speakerOf(paragraph, paragraph.indexOf('"') >= 0 ? paragraph.indexOf('"') : paragraph.indexOf('“'), BIBLE)
                .map(Character::name);
    }

    @Test
    void said_the_role_name_after_the_quote() {
        assertThat(speaker("\"You must be sent to be my child,\" said the old man, and took it home.")).contains("the old man");
    }

    @Test
    void name_said_after_the_quote_and_an_alias() {
        assertThat(speaker("\"I will go,\" Urashima answered.")).contains("Urashima Taro");
    }

    @Test
    void verb_then_name_with_curly_quotes() {
        assertThat(speaker("“Give me a dumpling!” cried the monkey.")).contains("the monkey");
    }

    @Test
    void name_said_colon_before_the_quote() {
        assertThat(speaker("Then Momotaro said: \"Follow me to the island.\"")).contains("Momotaro");
    }

    @Test
    void he_said_is_the_cast_member_the_narration_named_last() {
        String p = "Momotaro looked at the monkey. The old man had warned him of this. \"Who are you?\" he asked.";

        assertThat(Attribution.speakerOf(p, p.indexOf('"'), BIBLE)).map(Character::name).contains("the old man");
    }

    @Test
    void names_inside_earlier_quotes_do_not_count_for_he_said() {
        String p = "Urashima stood up. \"Is Momotaro here?\" he asked. \"No,\" said he.";

        assertThat(Attribution.speakerOf(p, p.indexOf("\"No"), BIBLE)).map(Character::name).contains("Urashima Taro");
    }

    @Test
    void pronouns_with_no_one_named_and_unknown_names_give_no_speaker() {
        assertThat(speaker("\"Who are you?\" he asked.")).isEmpty();
        assertThat(speaker("\"Who are you?\" asked the stranger.")).isEmpty();
        assertThat(speaker("\"Who are you?\"")).isEmpty();
    }

    @Test
    void the_quote_asked_about_decides_which_attribution_counts() {
        String p = "\"Wait,\" said the monkey. \"Why?\" asked Momotaro.";

        assertThat(Attribution.speakerOf(p, 0, BIBLE)).map(Character::name).contains("the monkey");
        assertThat(Attribution.speakerOf(p, p.indexOf("\"Why"), BIBLE)).map(Character::name).contains("Momotaro");
    }

    private static Character character(String name, List<String> aliases) {
        return character(name, aliases, Role.SUPPORTING);
    }

    private static Character character(String name, List<String> aliases, Role role) {
        return new Character(name, aliases, role, new Look("black", "brown", "indigo", "fair", "slim"),
                new VoiceSpec("en-us+m1", 40, 160));
    }

    private static Bible bibleWith(Character... cast) {
        return new Bible("t", "T", "", "en", "drama", new ArtStyle("shojo-pastel", ""), List.of(cast), List.of(), 150,
                BibleDrafter.SCHEDULE, BibleDrafter.MONETIZATION, BibleDrafter.ROUTING);
    }
}
