package dev.tsuzuku.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CjkTest {
    @Test
    void sentences_end_at_japanese_stops_but_not_inside_a_quote() {
        List<String> s = Prose.sentences("太郎は鈴を拾いました。「鳴らすな。危ないぞ。」と和尚は言った。本当かしら？");

        assertThat(s).containsExactly("太郎は鈴を拾いました。", "「鳴らすな。危ないぞ。」", "と和尚は言った。", "本当かしら？");
    }

    @Test
    void corner_brackets_are_quotes_and_a_double_bracket_inside_belongs_to_them() {
        List<Prose.Quote> q = Prose.quotes("男は「『鈴』を渡せ。」と言った。『夢だ』");

        assertThat(q).extracting(Prose.Quote::text).containsExactly("『鈴』を渡せ。", "夢だ");
    }

    @Test
    void length_in_words_is_characters_over_two_and_a_half() {
        assertThat(Cjk.words("鈴が鳴るたびに")).isEqualTo(3);
        assertThat(StoryUnits.wordCount("あいうえおかきくけこ")).isEqualTo(4);
        assertThat(Cjk.words("Hello 世界")).isEqualTo(2);
    }

    @Test
    void content_words_are_kanji_and_katakana_runs() {
        assertThat(Prose.words("太郎はテレビの前で鈴を拾った")).containsExactly("太郎", "テレビ", "前", "鈴", "拾");
    }

    @Test
    void a_speech_tag_names_the_speaker_with_the_honorific() {
        assertThat(Cjk.taggedSpeaker("と和尚様は言いました。")).isEqualTo("和尚様");
        assertThat(Cjk.taggedSpeaker("と花子が尋ねました。")).isEqualTo("花子");
        assertThat(Cjk.taggedSpeaker("と太郎は青ざめました。")).isEqualTo("太郎");
        assertThat(Cjk.taggedSpeaker("。太郎は走った。")).isEmpty();
        assertThat(Cjk.isTag("と太郎は小さくつぶやきました。")).isTrue();
    }

    @Test
    void paragraph_units_drop_the_tag_and_keep_the_speech_whole() {
        List<StoryUnits.Unit> units = StoryUnits.of("「それは山の神様の鈴じゃ。むやみに鳴らしてはならぬ。」と和尚様は言いました。");

        assertThat(units).extracting(StoryUnits.Unit::text)
                .containsExactly("それは山の神様の鈴じゃ。", "むやみに鳴らしてはならぬ。");
        assertThat(units).allMatch(StoryUnits.Unit::spoken);
    }
}
