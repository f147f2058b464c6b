package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SfxTest {

    @ParameterizedTest
    @ValueSource(strings = {"waves", "wind", "thunder", "rain", "bell", "footsteps", "door", "splash", "birds",
        "sword", "fire"})
    void every_named_effect_renders_audible_stereo_without_clipping(String cue) {
        float[] fx = Sfx.render(cue, 4, 1);

        assertThat(fx.length).isGreaterThan(Sfx.RATE / 2 * 2).isEven();
        assertThat(Audio.rms(fx)).isGreaterThan(0.005);
        assertThat(Audio.peak(fx)).isLessThanOrEqualTo(0.5f);
    }

    @ParameterizedTest
    @CsvSource({
        "distant thunder, thunder", "waves crash on the shore, waves", "Temple bell, bell",
        "seabirds cry, birds", "sliding shoji door, door", "rain on the roof, rain",
        "crackling fire, fire", "katana unsheathes, sword", "a big splash, splash", "footsteps, footsteps",
        "wind howling, wind"})
    void a_cue_is_matched_by_its_words(String cue, String kind) {
        assertThat(Sfx.kindOf(cue)).contains(kind);
    }

    @Test
    void a_cue_nothing_fits_renders_nothing() {
        assertThat(Sfx.kindOf("window rattles")).isEmpty();
        assertThat(Sfx.kindOf(null)).isEqualTo(Optional.empty());
        assertThat(Sfx.render("a heavy silence", 3, 1)).isEmpty();
        assertThat(Sfx.render("", 3, 1)).isEmpty();
    }

    @Test
    void an_ambience_lasts_as_long_as_the_shot_and_a_one_shot_keeps_its_own_length() {
        assertThat(Sfx.render("rain", 3, 1)).hasSize(2 * 3 * Sfx.RATE);
        assertThat(Sfx.render("rain", 60, 1)).hasSize(2 * (int) Sfx.MAX_AMBIENCE_SECONDS * Sfx.RATE);
        assertThat(Sfx.render("bell", 1, 1).length).isEqualTo(Sfx.render("bell", 8, 1).length);
    }

    @Test
    void the_same_cue_and_seed_give_the_same_samples_and_another_seed_varies_them() {
        assertThat(Sfx.render("fire", 2, 5)).isEqualTo(Sfx.render("fire", 2, 5));
        assertThat(Sfx.render("fire", 2, 5)).isNotEqualTo(Sfx.render("fire", 2, 6));
    }
}
