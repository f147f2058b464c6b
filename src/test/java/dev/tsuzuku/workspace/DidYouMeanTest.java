package dev.tsuzuku.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    static final List<String> KEYS = List.of("id", "title", "episodeSeconds", "schedule", "monetization");

    @Test
    void case_dashes_and_underscores_do_not_count_as_edits() {
        assertThat(DidYouMean.closest("episode_seconds", KEYS)).hasValue("episodeSeconds");
        assertThat(DidYouMean.closest("Episode-Seconds", KEYS)).hasValue("episodeSeconds");
    }

    @Test
    void a_swapped_pair_of_letters_is_one_edit() {
        assertThat(DidYouMean.distance("bleu", "blue")).isEqualTo(1);
        assertThat(DidYouMean.closest("titel", KEYS)).hasValue("title");
    }

    @Test
    void a_prefix_or_the_city_of_a_zone_is_enough() {
        assertThat(DidYouMean.closest("ghibli", ArtStylePresets.names())).hasValue("ghibli-watercolor");
        assertThat(DidYouMean.closest("Tokyo", List.of("Europe/Paris", "Asia/Tokyo"))).hasValue("Asia/Tokyo");
    }

    @Test
    void nothing_is_suggested_when_nothing_is_close() {
        assertThat(DidYouMean.closest("accent", KEYS)).isEmpty();
        assertThat(DidYouMean.closest("x", KEYS)).isEmpty();
        assertThat(DidYouMean.closest("", KEYS)).isEmpty();
    }
}
