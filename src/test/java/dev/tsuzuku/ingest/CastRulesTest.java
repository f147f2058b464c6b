package dev.tsuzuku.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The drafted cast on small texts written for each rule: one entry per person, no places or groups. */
class CastRulesTest {
    /** Enough text around a passage for ingest to accept it as a book. */
    private static String padded(String text) {
        return text + "\n\nCHAPTER XX\n\n" + ("The weather held, and the days went by without event. ".repeat(8) + "\n\n").repeat(6);
    }

    private static Optional<Character> who(Bible b, String nameOrAlias) {
        return b.character(nameOrAlias);
    }

    @Test
    void a_journal_with_a_dated_heading_and_a_signature_names_its_first_person_narrator() {
        String journal = padded("""
                CHAPTER I

                3 October.--I reached the inn at dusk, tired from the coach. Arthur met me at the door, and
                Arthur said that the doctor would come in the morning. I wrote my letters by the fire.

                4 October.--I slept badly. Arthur came again with the doctor, and Arthur told me the house
                on the hill was empty. I mean to see it for myself, though my heart is heavy.

                "You must not go alone," said Arthur.

                I promised him nothing.

                ELIZA GRANT.
                """);
        Bible b = BibleDrafter.draft(Ingest.parse("journal.txt", journal), null);
        Character narrator = who(b, "Eliza Grant").orElseThrow(() -> new AssertionError("no Eliza Grant in " + names(b)));
        assertThat(narrator.role()).isEqualTo(Character.Role.LEAD);
        assertThat(who(b, "Arthur")).isPresent();
    }

    @Test
    void a_journal_heading_names_its_narrator() {
        String journal = padded("""
                CHAPTER I

                MINA MURRAY'S JOURNAL

                24 July. Whitby.--Lucy met me at the station, looking sweeter and lovelier than ever. I told
                Lucy all my news, and Lucy laughed at me for a goose. My heart was lighter than it had been
                for weeks.
                """);
        Bible b = BibleDrafter.draft(Ingest.parse("journal.txt", journal), null);
        assertThat(who(b, "Mina Murray")).map(Character::role).contains(Character.Role.LEAD);
        assertThat(names(b)).doesNotContain("Whitby");
    }

    @Test
    void a_person_named_three_ways_is_one_cast_entry() {
        String book = padded("""
                CHAPTER I

                Jonathan Harker left the hotel early. At the station Jonathan Harker shook hands with the
                porter, and Jonathan waved from the carriage. "I shall write," said Jonathan. The porter
                thought that Jonathan Harker looked glad to be going.

                CHAPTER II

                Mr. Harker, the clerk said, had taken the night train. Harker slept badly. Harker woke at
                dawn and Harker looked out at the mountains. "Where are we?" asked Harker.
                """);
        Bible b = BibleDrafter.draft(Ingest.parse("novel.txt", book), null);
        List<Character> harkers = b.cast().stream().filter(c -> c.name().contains("Harker") || c.name().equals("Jonathan")
                || c.aliases().contains("Harker")).toList();
        assertThat(harkers).hasSize(1);
        assertThat(harkers.get(0).name()).isEqualTo("Jonathan Harker");
        assertThat(harkers.get(0).aliases()).contains("Jonathan", "Harker");
    }

    @Test
    void a_place_that_looks_like_a_name_and_a_people_are_not_cast() {
        String book = padded("""
                CHAPTER I

                Lucy took the morning train to Whitby. Whitby lay grey under the cliffs, and Whitby was
                quiet in the rain. Lucy walked through Whitby to the harbour, and Lucy said she loved the
                place. "I could live here for ever," said Lucy.

                The Szgany came down from the hills with their carts. The Szgany camped by the river, and
                the Szgany sang all night. Lucy heard the Szgany from her window. Whitby slept.
                """);
        Bible b = BibleDrafter.draft(Ingest.parse("novel.txt", book), null);
        assertThat(names(b)).contains("Lucy").doesNotContain("Whitby", "Szgany", "the Szgany");
    }

    @Test
    void the_old_man_of_two_tales_is_two_cast_entries() {
        String tales = """
                THE PEACH BOY

                Long ago the old man went to the hills to cut wood. The old man was poor but kind, and the
                old man said to his wife: "We have no child." Then Momotaro came out of a peach, and Momotaro
                grew strong. Momotaro said: "I will go to the island of the ogres." The old man wept.

                THE SPARROW

                In another village the old man kept a sparrow. The old man loved the bird, and the old man
                said to it: "Sing for me." The sparrow sang, and the sparrow flew away. The old man went to
                look for the sparrow in the bamboo wood, and Suzume said the old man was welcome.
                """;
        Bible b = BibleDrafter.draft(Ingest.parse("tales.txt", padded(tales)), null);
        List<String> oldMen = names(b).stream().filter(n -> n.startsWith("the old man")).toList();
        assertThat(oldMen).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void an_unnamed_speaker_who_is_then_named_is_that_character() {
        String book = padded("""
                CHAPTER I

                At the ford a tall man in a grey cloak barred the way. "Who goes there?" said the stranger.
                "A traveller," answered Toshiro, "on his way to the capital." The stranger laughed at him.
                "I am Kageyama of the mountain pass," said the stranger, "and no one crosses without my leave."
                Toshiro bowed, for everyone had heard of Kageyama. "Then let me pay the toll," said Toshiro.
                Kageyama took the coin and stepped aside, and Kageyama watched him go.
                """);
        Bible b = BibleDrafter.draft(Ingest.parse("novel.txt", book), null);
        assertThat(names(b)).contains("Kageyama", "Toshiro").doesNotContain("the stranger");
        assertThat(who(b, "the stranger")).map(Character::name).contains("Kageyama");
    }

    @Test
    void a_stranger_the_narration_names_later_is_that_character() {
        String book = padded("""
                CHAPTER I

                "Give me water," said the beggar at the gate. "I have walked all night," said the beggar.
                Hana brought him a cup, and Hana sat with him in the shade while he drank. "You are kind,"
                said the beggar. The beggar was none other than Lord Sanada, who had lost his way in the
                storm, and Lord Sanada rewarded Hana with a purse of gold. "Thank you," said Hana.
                """);
        Bible b = BibleDrafter.draft(Ingest.parse("novel.txt", book), null);
        assertThat(names(b)).contains("Lord Sanada", "Hana").doesNotContain("the beggar");
    }

    @Test
    void a_title_used_as_a_name_in_two_tales_is_two_people_each_with_their_own_names() {
        String tales = """
                THE FISHER LAD

                Urashima went down to the shore, and Urashima rode the tortoise to the palace of the Sea King.
                The Sea King welcomed him, and the Sea King gave a feast. "Stay with us," said the Sea King.
                Urashima stayed three years, and then Urashima longed for home, and the Sea King let him go.

                THE HUNTER

                The hunter lost his brother's hook in the sea. He went down to Ryn Jin, the Sea King of the deep.
                The Sea King heard him out, and the Sea King called all the fishes. "Who has the hook?" said the
                Sea King. Ryn Jin found the hook in the throat of a bream, and the Sea King gave it back to him.
                The hunter thanked Ryn Jin, and Ryn Jin sent him home on a crocodile.
                """;
        Bible b = BibleDrafter.draft(Ingest.parse("tales.txt", padded(tales)), null);
        List<String> kings = names(b).stream().filter(n -> n.startsWith("Sea King")).toList();
        assertThat(kings).hasSize(2).doesNotHaveDuplicates().allMatch(n -> n.matches("Sea King \\(.+\\)"));
        assertThat(who(b, "Ryn Jin")).as(b.cast().toString()).map(Character::name).hasValueSatisfying(n -> assertThat(n).isIn(kings));
        assertThat(b.character("Sea King")).isEmpty(); // each tale's writer gives the plain title to its own
        assertThat(b.character(kings.get(0)).orElseThrow().shownName()).isEqualTo("Sea King");
    }

    @Test
    void a_piece_of_a_stated_nickname_is_no_alias_and_the_role_before_known_as_is_the_person() {
        String book = padded("""
                CHAPTER I

                Long, long ago there lived in Japan a brave warrior known to all as Tawara Toda, or "My Lord Bag
                of Rice." His true name was Fujiwara Hidesato. One day Hidesato set out on the road, and the
                warrior came to a bridge. Hidesato crossed it without fear, and the warrior laughed at the serpent.
                The serpent begged Hidesato for help, and Hidesato shot the centipede. The people called
                Hidesato My Lord Bag of Rice ever after, and the warrior was glad of it, and Hidesato went home.
                """);
        Bible b = BibleDrafter.draft(Ingest.parse("novel.txt", book), null);
        Character hidesato = who(b, "Hidesato").orElseThrow(() -> new AssertionError("no Hidesato in " + names(b)));
        assertThat(hidesato.aliases()).contains("Tawara Toda", "My Lord Bag of Rice", "Fujiwara Hidesato")
                .doesNotContain("Lord Bag");
        assertThat(who(b, "the warrior")).as(b.cast().toString()).map(Character::name).contains(hidesato.name());
        assertThat(names(b)).doesNotContain("Lord Bag", "the warrior");
    }

    @Test
    void a_name_then_or_the_title_is_one_person() {
        String book = padded("""
                CHAPTER I

                Under the sea lived a wonderful King. He was called Rin Jin, or the Dragon King of the Sea. The
                Dragon King ruled all the fishes, and the Dragon King was wise. "Bring me the monkey," said the
                Dragon King. Rin Jin waited in his palace, and the Dragon King was patient.
                """);
        Bible b = BibleDrafter.draft(Ingest.parse("novel.txt", book), null);
        assertThat(b.cast().stream().filter(c -> c.name().contains("Dragon King") || c.name().equals("Rin Jin")
                || c.aliases().contains("Rin Jin"))).hasSize(1);
    }

    private static List<String> names(Bible b) {
        return b.cast().stream().map(Character::name).toList();
    }
}
