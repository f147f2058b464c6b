package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardsTest {
    @Test
    void the_title_cards_kicker_speaks_the_series_language() {
        assertThat(Cards.kicker("en", 3)).isEqualTo("EPISODE 3");
        assertThat(Cards.kicker(null, 3)).isEqualTo("EPISODE 3");
        assertThat(Cards.kicker("ja", 3)).isEqualTo("第3話");
        assertThat(Cards.kicker("ja-JP", 12)).isEqualTo("第12話");
        assertThat(Cards.kicker("zh", 7)).isEqualTo("第7集");
    }

    @Test
    void a_title_action_gives_the_kicker_and_the_title() {
        assertThat(Cards.parseTitle("Title card: Episode 3 — The Peach Boy", 1, "en")).containsExactly("EPISODE 3", "The Peach Boy");
        assertThat(Cards.parseTitle("Title card: Episode 2 — 鈴の音", 2, "ja")).containsExactly("第2話", "鈴の音");
        assertThat(Cards.parseTitle("太郎と銀の鈴", 1, "ja")).containsExactly("第1話", "太郎と銀の鈴");
        assertThat(Cards.parseTitle("", 4, "en")).containsExactly("EPISODE 4", "Episode 4");
    }

    @Test
    void an_absurd_episode_number_in_the_action_is_just_title_text() {
        String action = "Episode 99999999999999999999 — Overflow";
        assertThat(Cards.parseTitle(action, 5, "en")[0]).isEqualTo("EPISODE 5");
    }
}
