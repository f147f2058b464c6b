package dev.tsuzuku.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadingsTest {
    @Test
    void the_longest_word_is_read_first_and_a_word_is_read_wherever_it_stands() {
        Map<String, String> r = Map.of("鈴守", "スズモリ", "山寺", "ヤマデラ", "鈴", "スズ");

        assertThat(Readings.apply("鈴守様は山寺の鈴を鳴らした。", r)).isEqualTo("スズモリ様はヤマデラのスズを鳴らした。");
    }

    @Test
    void one_kanji_is_read_only_where_it_is_a_word_of_its_own() {
        Map<String, String> r = Map.of("懐", "フトコロ");

        assertThat(Readings.apply("太郎は鈴を懐にしまいました。", r)).isEqualTo("太郎は鈴をフトコロにしまいました。");
        assertThat(Readings.apply("懐。", r)).isEqualTo("フトコロ。");
        assertThat(Readings.apply("懐", r)).isEqualTo("フトコロ");
        // part of another word: 懐かしい (なつかしい), 本懐 (ほんかい), 懐中 (かいちゅう)
        assertThat(Readings.apply("懐かしい歌だ。", r)).isEqualTo("懐かしい歌だ。");
        assertThat(Readings.apply("本懐を遂げた。", r)).isEqualTo("本懐を遂げた。");
        assertThat(Readings.apply("懐中時計。", r)).isEqualTo("懐中時計。");
    }
}
