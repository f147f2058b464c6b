package dev.tsuzuku.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MusicBedTest {

    @Test
    void a_bed_is_stereo_at_48_khz_and_exactly_as_long_as_asked() {
        assertThat(MusicBed.render("tense", 2.5, 1)).hasSize(2 * 120_000);
        assertThat(MusicBed.render("tense", 1.0 / 30, 1)).hasSize(2 * 1_600);
        assertThat(MusicBed.render("tense", 0, 1)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tense", "tender", "playful", "mysterious", "triumphant", "sad"})
    void every_mood_plays_at_bed_level_without_clipping(String mood) {
        float[] bed = MusicBed.render(mood, 12, 7);

        double rmsDb = Audio.db(Audio.rms(bed, 2, 10));
        assertThat(rmsDb).isBetween(-30.0, -18.0);
        assertThat(Audio.peak(bed)).isLessThanOrEqualTo(0.5);
    }

    @Test
    void the_same_mood_length_and_seed_give_the_same_samples() {
        assertThat(MusicBed.render("playful", 5, 42)).isEqualTo(MusicBed.render("playful", 5, 42));
    }

    @Test
    void the_mood_changes_the_music() {
        float[] tense = MusicBed.render("tense", 6, 1);
        float[] tender = MusicBed.render("tender", 6, 1);

        assertThat(tense).isNotEqualTo(tender);
        assertThat(correlation(tense, tender)).isLessThan(0.2);
    }

    @Test
    void the_seed_varies_the_arrangement() {
        assertThat(MusicBed.render("tender", 6, 1)).isNotEqualTo(MusicBed.render("tender", 6, 2));
    }

    @Test
    void the_bed_fades_in_and_out() {
        float[] bed = MusicBed.render("triumphant", 20, 3);

        assertThat(Math.abs(bed[0])).isLessThan(1e-6f);
        assertThat(Math.abs(bed[bed.length - 1])).isLessThan(1e-6f);
        assertThat(Audio.rms(bed, 0, 0.2)).isLessThan(Audio.rms(bed, 5, 15) / 10);
        assertThat(Audio.rms(bed, 19.8, 20)).isLessThan(Audio.rms(bed, 5, 15) / 10);
    }

    @Test
    void the_loop_repeats_seamlessly_over_any_length() {
        String mood = "playful";
        int loop = MusicBed.loopFrames(mood);
        float[] bed = MusicBed.renderFrames(mood, 3 * loop + 12_345, 9);

        // Between the fades, the second pass is the first one sample for sample ...
        float[] second = Arrays.copyOfRange(bed, 2 * loop, 3 * loop);
        float[] third = Arrays.copyOfRange(bed, 4 * loop, 5 * loop);
        assertThat(third).isEqualTo(second);
        // ... and the seam is no bigger a step than the music takes anywhere else.
        double seam = Math.abs(bed[2 * (2 * loop)] - bed[2 * (2 * loop - 1)]);
        double largest = 0;
        for (int i = 2 * loop; i < 4 * loop; i += 2) {
            largest = Math.max(largest, Math.abs(bed[i] - bed[i - 2]));
        }
        assertThat(seam).isLessThanOrEqualTo(largest);
    }

    @Test
    void an_unknown_mood_plays_the_tender_bed_and_synonyms_map_to_their_mood() {
        assertThat(MusicBed.moodOf("whatever")).isEqualTo("tender");
        assertThat(MusicBed.moodOf(null)).isEqualTo("tender");
        assertThat(MusicBed.moodOf(" Suspense ")).isEqualTo("tense");
        assertThat(MusicBed.moodOf("melancholy")).isEqualTo("sad");
        assertThat(MusicBed.render("whatever", 3, 1)).isEqualTo(MusicBed.render("tender", 3, 1));
    }

    @Test
    void a_negative_length_is_refused() {
        assertThatThrownBy(() -> MusicBed.render("sad", -1, 1)).hasMessageContaining("seconds must be >= 0").hasMessageContaining("was -1.0");
    }

    private static double correlation(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return Math.abs(ab) / Math.sqrt(aa * bb);
    }
}
