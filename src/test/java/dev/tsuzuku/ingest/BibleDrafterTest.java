package dev.tsuzuku.ingest;

import static dev.tsuzuku.ingest.Books.book;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.ingest.CastIndex.Gender;
import dev.tsuzuku.ingest.CastIndex.Member;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Colors;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Source;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BibleDrafterTest {
    private static Source sample;
    private static Bible bible;

    @BeforeAll
    static void draftTheSampleOnce() {
        sample = Ingest.read(Books.SAMPLE);
        bible = BibleDrafter.draft(sample, null);
    }

    private static List<String> castOfTale(String titleStart) {
        Chapter tale = sample.chapters().stream().filter(c -> c.title().startsWith(titleStart)).findFirst().orElseThrow();
        return BibleDrafter.castOf(sample, tale).members().stream().map(Member::name).toList();
    }

    // --- the cast of each tale -----------------------------------------------------------------

    @Test
    void urashima_taro_meets_the_tortoise_and_the_princess() {
        List<String> cast = castOfTale("The Story of Urashima Taro");

        assertThat(cast.get(0)).isEqualTo("Urashima Taro");
        assertThat(cast).contains("the tortoise", "the Princess", "Sea King");
    }

    @Test
    void momotaro_leads_the_dog_the_monkey_and_the_pheasant() {
        List<String> cast = castOfTale("Momotaro");

        assertThat(cast.get(0)).isEqualTo("Momotaro");
        assertThat(cast).contains("the dog", "the monkey", "the pheasant", "the old man", "the old woman");
    }

    @Test
    void my_lord_bag_of_rice_is_hidesato_and_the_dragon_king() {
        assertThat(castOfTale("My Lord Bag of Rice")).startsWith("Hidesato", "Dragon King").contains("the centipede");
    }

    @Test
    void the_bamboo_cutter_tale_has_princess_moonlight_and_the_old_man() {
        List<String> cast = castOfTale("The Bamboo-Cutter");

        assertThat(cast.get(0)).isEqualTo("Princess Moonlight");
        assertThat(cast).contains("the old man", "the bamboo-cutter", "the Emperor");
    }

    @Test
    void the_tongue_cut_sparrow_is_told_by_role_names() {
        assertThat(castOfTale("The Tongue-Cut Sparrow")).startsWith("the old man", "the old woman").contains("the sparrow");
    }

    @Test
    void a_tale_cast_stays_small_and_sentence_starters_are_not_names() {
        for (Chapter c : sample.chapters()) {
            List<String> cast = BibleDrafter.castOf(sample, c).members().stream().map(Member::name).toList();
            assertThat(cast).as(c.title()).hasSizeLessThanOrEqualTo(CastIndex.PER_CHAPTER)
                    .doesNotContain("The", "Then", "When", "Long", "One", "Japan", "Yes", "Now");
        }
    }

    // --- aliases, mentions, dialogue ----------------------------------------------------------

    @Test
    void aliases_are_merged_into_the_fullest_name() {
        Character urashima = bible.character("Urashima").orElseThrow();
        Character yamato = bible.character("Yamato Take").orElseThrow();

        assertThat(urashima.name()).isEqualTo("Urashima Taro");
        assertThat(yamato.name()).isEqualTo("Prince Yamato Take");
        assertThat(yamato.aliases()).contains("Yamato", "the Prince");
    }

    @Test
    void an_alias_the_text_states_is_kept() {
        assertThat(bible.character("Son of a Peach")).map(Character::name).contains("Momotaro");
        assertThat(bible.character("the Princess")).isPresent();
    }

    @Test
    void mentions_point_at_the_name_in_the_text_and_dialogue_is_counted() {
        Chapter momotaro = sample.chapters().get(18);
        Member hero = BibleDrafter.castOf(sample, momotaro).find("Momotaro").orElseThrow();

        assertThat(hero.mentions()).allSatisfy(at -> assertThat(sample.text().substring(at)).startsWithIgnoringCase("momotaro"));
        assertThat(hero.mentions()).allSatisfy(at -> assertThat(at).isBetween(momotaro.span().startChar(), momotaro.span().endChar()));
        assertThat(hero.spokenLines()).isGreaterThanOrEqualTo(10);
        assertThat(hero.gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void who_is_present_in_a_span_comes_from_the_mentions() {
        Chapter momotaro = sample.chapters().get(18);
        CastIndex cast = BibleDrafter.castOf(sample, momotaro);
        var firstScene = momotaro.scenes().get(0).span();

        assertThat(cast.presentIn(firstScene)).extracting(Member::name).contains("the old woman").doesNotContain("the pheasant");
    }

    // --- the whole bible ---------------------------------------------------------------------

    @Test
    void the_book_cast_has_each_tales_hero_and_a_narrator_and_at_most_forty() {
        List<String> names = bible.cast().stream().map(Character::name).toList();

        assertThat(names).contains("Urashima Taro", "Momotaro", "Hidesato", "Princess Moonlight", "Kintaro",
                "Dragon King (Hidesato)", "the dog (Momotaro)", "the old man (Momotaro)", "the old man (The Tongue-Cut Sparrow)",
                "Sea King (Urashima Taro)", "Sea King (Happy Hunter)");
        // a title of two tales is two people; a piece of a nickname is no alias; no name answers for two entries
        assertThat(bible.character("Hidesato").orElseThrow().aliases()).contains("My Lord Bag of Rice").doesNotContain("Lord Bag");
        assertThat(bible.character("Ryn Jin")).map(Character::name).contains("Sea King (Happy Hunter)");
        List<String> every = new java.util.ArrayList<>();
        bible.cast().forEach(c -> {
            every.add(c.name().toLowerCase(java.util.Locale.ROOT));
            c.aliases().forEach(a -> every.add(a.toLowerCase(java.util.Locale.ROOT)));
        });
        assertThat(every).doesNotHaveDuplicates();
        // "the old man" of each tale is his own entry, told apart by the tale
        assertThat(names).filteredOn(n -> n.startsWith("the old man")).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(bible.cast()).filteredOn(c -> c.role() == Character.Role.NARRATOR).hasSize(1);
        // a collection keeps up to four people of each tale beyond the book's fifty
        assertThat(bible.cast().size()).isLessThanOrEqualTo(CastIndex.PER_BOOK + 22 * (CastIndex.TALE_PEOPLE - 1) + 1);
        assertThat(bible.character("Momotaro").orElseThrow().role()).isEqualTo(Character.Role.LEAD);
    }

    @Test
    void every_look_uses_colour_names_the_bible_accepts() {
        for (Character c : bible.cast()) {
            assertThat(List.of(c.look().hair(), c.look().eyes(), c.look().outfit(), c.look().skin()))
                    .as(c.name()).allSatisfy(colour -> assertThat(Colors.rgb(colour)).as(colour).isPresent());
        }
    }

    @Test
    void colour_words_next_to_a_name_become_the_look() {
        assertThat(bible.character("the hare (The White Hare and the Crocodiles)").orElseThrow().look().hair()).isEqualTo("white");
        Chapter yamato = sample.chapters().stream().filter(c -> c.title().contains("Yamato")).findFirst().orElseThrow();
        Member princess = BibleDrafter.castOf(sample, yamato).find("Princess Ototachibana").orElseThrow();
        assertThat(princess.colours()).containsEntry("hair", "black");
        assertThat(Casting.look(princess).hair()).isEqualTo("black");
    }

    @Test
    void every_voice_is_distinct_and_in_range() {
        Set<String> voices = new HashSet<>();
        for (Character c : bible.cast()) {
            assertThat(c.voice().voice()).matches("en-us\\+[mf]\\d");
            assertThat(c.voice().pitch()).isBetween(0, 99);
            assertThat(c.voice().wordsPerMinute()).isBetween(140, 190);
            assertThat(voices.add(c.voice().voice() + "@" + c.voice().pitch())).as(c.name()).isTrue();
        }
        assertThat(bible.character("the old woman (The Tongue-Cut Sparrow)").orElseThrow().voice().voice()).contains("+f");
        assertThat(bible.character("Urashima Taro").orElseThrow().voice().voice()).contains("+m");
    }

    @Test
    void places_are_the_settings_the_tales_return_to() {
        assertThat(bible.places()).extracting(Place::name).contains("the sea", "the palace", "the mountain", "Sea King's palace");
        assertThat(bible.places()).filteredOn(p -> p.name().equals("the palace")).extracting(Place::kind).containsExactly("interior");
        assertThat(bible.places()).filteredOn(p -> p.name().equals("the sea")).extracting(Place::kind).containsExactly("exterior");
    }

    @Test
    void title_id_language_logline_and_house_defaults() {
        assertThat(bible.title()).isEqualTo("Japanese Fairy Tales");
        assertThat(bible.id()).isEqualTo("japanese-fairy-tales");
        assertThat(bible.language()).isEqualTo("en");
        assertThat(bible.logline()).startsWith("Long, long ago there lived, in Japan a brave warrior").contains("Featuring");
        assertThat(bible.episodeSeconds()).isEqualTo(150);
        assertThat(bible.schedule().time()).isEqualTo(LocalTime.of(18, 0));
        assertThat(bible.schedule().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(bible.monetization().freeEpisodes()).isEqualTo(5);
        assertThat(bible.monetization().coinsPerEpisode()).isEqualTo(60);
        assertThat(bible.routing().writer()).isEqualTo("offline");
        assertThat(bible.routing().video()).isEqualTo("animatic");
    }

    @Test
    void drafting_is_deterministic() {
        assertThat(BibleDrafter.draft(sample, null)).isEqualTo(bible);
    }

    @Test
    void the_title_comes_from_the_option_then_the_file_then_the_first_heading_then_the_file_name() {
        Source headed = Ingest.parse("/x/plums.txt", book().chapter("CHAPTER I: THE RIVER", 10).chapter("CHAPTER II", 10).text());
        Source bare = Ingest.parse("/x/plums.txt", book().chapter("", 20).text().strip());

        assertThat(BibleDrafter.draft(sample, "  Tales of Old Japan ").title()).isEqualTo("Tales of Old Japan");
        assertThat(BibleDrafter.draft(headed, null).title()).isEqualTo("Chapter I: The River");
        assertThat(BibleDrafter.draft(bare, null).title()).isEqualTo("plums");
        assertThat(BibleDrafter.slug("Tōkyō Ghoul: Re — Part 2!")).isEqualTo("tokyo-ghoul-re-part-2");
        assertThat(BibleDrafter.slug("桃太郎")).isEqualTo("series");
    }

    @Test
    void a_synthetic_story_finds_its_named_heroine_and_the_old_fox() {
        Source s = Ingest.parse("plums.txt", book().chapter("CHAPTER I", 12).chapter("CHAPTER II", 12).text());
        Bible b = BibleDrafter.draft(s, null);

        assertThat(b.cast()).extracting(Character::name).startsWith("Aiko", "the old fox");
        assertThat(b.character("Aiko").orElseThrow().voice().voice()).contains("+f");
        assertThat(b.places()).extracting(Place::name).contains("the river");
    }

    @Test
    void mostly_cjk_text_is_japanese_with_kana_and_chinese_without() {
        assertThat(BibleDrafter.language("むかしむかし、あるところに、おじいさんとおばあさんが住んでいました。桃太郎")).isEqualTo("ja");
        assertThat(BibleDrafter.language("很久很久以前，有一位老人和他的妻子。")).isEqualTo("zh");
        assertThat(BibleDrafter.language("Once upon a time 桃太郎 lived.")).isEqualTo("en");
    }
}
