package dev.tsuzuku.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Source;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Japanese book in Aozora Bunko notation: the bundled samples/suzu-no-oto.txt. */
class JapaneseIngestTest {
    static final Path SAMPLE = Path.of("samples/suzu-no-oto.txt");

    @TempDir
    Path tmp;

    @Test
    void aozora_notation_is_read_away_and_ruby_is_kept_as_a_reading() {
        Map<String, String> readings = new LinkedHashMap<>();
        String line = Aozora.plain("　昔、山の奥に古い山寺《やまでら》があり、冷たい風が｜古い鐘撞き堂《かねつきどう》を吹き抜けた。［＃「吹」に傍点］", readings);

        assertThat(line).isEqualTo("　昔、山の奥に古い山寺があり、冷たい風が古い鐘撞き堂を吹き抜けた。");
        assertThat(readings).containsEntry("山寺", "やまでら").containsEntry("古い鐘撞き堂", "かねつきどう");
    }

    @Test
    void the_books_ruby_is_drafted_into_the_bible_as_readings_and_glosses_that_are_not_kana_are_not() {
        Map<String, String> glosses = new LinkedHashMap<>();
        Aozora.plain("彼は英語《English》で話した。", glosses);
        assertThat(glosses).isEmpty();

        Bible bible = BibleDrafter.draft(Ingest.read(SAMPLE), null);

        assertThat(bible.readings()).containsEntry("鈴守", "すずもり").containsEntry("山寺", "やまでら")
                .containsEntry("古い鐘撞き堂", "かねつきどう").containsEntry("権三", "ごんぞう");
        assertThat(dev.tsuzuku.workspace.BibleFile.parse("series.yaml", dev.tsuzuku.workspace.BibleFile.render(bible)).readings())
                .isEqualTo(bible.readings());
    }

    @Test
    void the_samples_places_are_its_own_nouns_and_the_mountain_temple_is_one_place_not_two() {
        Bible bible = BibleDrafter.draft(Ingest.read(SAMPLE), null);

        assertThat(bible.places()).extracting(dev.tsuzuku.model.Place::name)
                .contains("山寺", "村", "祠").doesNotContain("寺", "山", "Unknown place");
        dev.tsuzuku.model.Place temple = bible.places().stream().filter(p -> p.name().equals("山寺")).findFirst().orElseThrow();
        assertThat(temple.kind()).isEqualTo("exterior"); // a temple in the mountains, seen from its grounds
        assertThat(temple.description()).isEqualTo("昔、山の奥に古い山寺がありました。");
        assertThat(PlaceFinder.find("家に帰った。家の中は暗い。家で寝た。", "ja")).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo("interior"));
    }

    @Test
    void chinese_place_nouns_are_found_longest_first() {
        String text = "从前，山脚下有一个小村庄。村庄里住着一个樵夫。樵夫每天去森林砍柴。"
                + "有一天，他在森林里迷了路。村庄里的人都很担心。他走出森林，看见一座寺庙。寺庙里有一个老和尚。"
                + "老和尚把他送回了村庄。后来他常常去寺庙。";

        assertThat(PlaceFinder.find(text, "zh")).extracting(dev.tsuzuku.model.Place::name)
                .containsExactly("村庄", "森林", "寺庙");
    }

    @Test
    void a_japanese_role_name_gives_the_look_its_english_words_the_osho_is_an_old_monk() {
        Bible bible = BibleDrafter.draft(Ingest.read(SAMPLE), null);
        Character osho = bible.cast().stream().filter(c -> c.name().equals("和尚")).findFirst().orElseThrow();
        Character taro = bible.cast().stream().filter(c -> c.name().equals("太郎")).findFirst().orElseThrow();

        // "monk" is what the painter shaves the head for, "old" what greys the hair
        assertThat(osho.look().silhouette()).contains("old monk");
        assertThat(osho.look().hair()).isIn("white", "silver", "gray");
        assertThat(taro.look().silhouette()).doesNotContain("monk");
        // a woman's name says nothing to the painter: her silhouette does (花子 was drawn as a boy)
        Character hanako = bible.cast().stream().filter(c -> c.name().equals("花子")).findFirst().orElseThrow();
        assertThat(hanako.look().silhouette()).containsAnyOf("woman", "girl");
        assertThat(taro.look().silhouette()).doesNotContain("woman", "girl");
    }

    @Test
    void the_sample_has_its_title_its_three_chapters_and_no_notation_or_colophon() {
        Source s = Ingest.read(SAMPLE);

        assertThat(s.title()).isEqualTo("鈴の音");
        assertThat(s.chapters()).extracting(Chapter::title)
                .containsExactly("第一章　山寺の鈴", "第二章　霧の森", "第三章　山の神様");
        assertThat(s.text()).doesNotContain("《", "》", "［＃", "｜", "底本", "テキスト中に現れる記号")
                .startsWith("第一章");
        assertThat(BibleDrafter.language(s.text())).isEqualTo("ja");
    }

    @Test
    void names_with_honorifics_are_one_cast_entry_and_speakers_are_people() {
        Bible bible = BibleDrafter.draft(Ingest.read(SAMPLE), null);

        assertThat(bible.language()).isEqualTo("ja");
        assertThat(bible.cast()).extracting(Character::name).contains("太郎", "花子", "和尚", "権三", "Narrator");
        Character osho = bible.character("和尚").orElseThrow();
        assertThat(osho.aliases()).contains("和尚様");
        // 花子さん and 花子ちゃん are 花子; no entry is a form of another.
        assertThat(bible.cast()).extracting(Character::name).doesNotContain("花子さん", "花子ちゃん", "和尚様", "太郎くん");
        assertThat(bible.character("太郎").orElseThrow().voice().voice()).startsWith("ja");
    }

    @Test
    void speech_tags_after_a_quote_name_the_speaker() {
        Bible bible = BibleDrafter.draft(Ingest.read(SAMPLE), null);
        String p = "「私も一緒に参ります。」と花子が言いました。「井戸が枯れたのは、私の村ですから。」";

        assertThat(Attribution.speakerOf(p, 0, bible)).map(Character::name).contains("花子");
        assertThat(Attribution.speakerOf(p, p.indexOf("「井戸"), bible)).map(Character::name).contains("花子");
        assertThat(Attribution.speakerOf("「それは山の神様の鈴じゃ。」と和尚様は言いました。", 0, bible))
                .map(Character::name).contains("和尚");
    }

    @Test
    void japanese_given_names_say_who_is_a_woman_and_who_a_man() {
        assertThat(JapaneseNames.gender("花子さん")).isEqualTo(CastIndex.Gender.FEMALE);
        assertThat(JapaneseNames.gender("太郎")).isEqualTo(CastIndex.Gender.MALE);
        assertThat(JapaneseNames.gender("権三殿")).isEqualTo(CastIndex.Gender.MALE);
        assertThat(JapaneseNames.gender("鈴守")).isEqualTo(CastIndex.Gender.UNKNOWN);
        assertThat(JapaneseNames.gender("Urashima")).isEqualTo(CastIndex.Gender.UNKNOWN);
        Bible bible = BibleDrafter.draft(Ingest.read(SAMPLE), null);
        assertThat(bible.character("花子").orElseThrow().voice().voice()).contains("+f");
        assertThat(bible.character("権三").orElseThrow().voice().voice()).contains("+m");
    }

    @Test
    void honorific_forms_merge_only_with_their_own_name() {
        assertThat(Honorifics.strip("花子さん")).isEqualTo("花子");
        assertThat(Honorifics.strip("鈴守様")).isEqualTo("鈴守");
        assertThat(Honorifics.strip("権三殿")).isEqualTo("権三");
        assertThat(Honorifics.strip("太郎くん")).isEqualTo("太郎");
        assertThat(Honorifics.strip("花子ちゃん")).isEqualTo("花子");
        assertThat(Honorifics.strip("様")).isEqualTo("様");
    }

    @Test
    void chinese_chapters_are_headings_too() {
        StringBuilder b = new StringBuilder();
        for (int c = 1; c <= 2; c++) {
            b.append(c == 1 ? "第一章 山中" : "第二回 归来").append("\n\n");
            for (int i = 0; i < 8; i++) {
                b.append("李明走进了山里的小庙，看见一位老和尚坐在门前。老和尚说：“你从哪里来？”李明答道：“我从山下的村子来。”\n\n");
            }
        }
        Source s = Ingest.parse("b.txt", b.toString());

        assertThat(s.chapters()).extracting(Chapter::title).containsExactly("第一章 山中", "第二回 归来");
    }

    @Test
    void shift_jis_japanese_is_decoded_and_gb18030_chinese_gets_the_iconv_fix() throws Exception {
        String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        Path sjis = tmp.resolve("sjis.txt");
        Files.write(sjis, text.getBytes(Charset.forName("windows-31j")));
        assertThat(Ingest.read(sjis).title()).isEqualTo("鈴の音");

        Path gb = tmp.resolve("gb.txt");
        Files.write(gb, "第一章 山中\n\n李明走进了山里的小庙，看见一位老和尚坐在门前。\n".repeat(40).getBytes(Charset.forName("GB18030")));
        assertThatThrownBy(() -> Ingest.read(gb)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("GB18030").hasMessageContaining("iconv -f GB18030 -t UTF-8");
    }
}
