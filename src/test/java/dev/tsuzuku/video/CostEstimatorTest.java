package dev.tsuzuku.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tsuzuku.video.CostEstimator.Estimate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented price formulas, at list prices and with overrides. */
class CostEstimatorTest {
    private final CostEstimator list = CostEstimator.listPrices();

    private static TakeRequest take(int seconds) {
        return TakeRequest.of("k", "p", seconds);
    }

    @Test
    void seedance_720p_vertical_5s_is_the_documented_102960_tokens() {
        Estimate e = list.video("seedance", "doubao-seedance-2-0-260128", take(5));

        assertThat(e.unit()).isEqualTo(Usage.TOKENS);
        assertThat(e.quantity()).isEqualTo(102_960);
        assertThat(e.usd()).isCloseTo(102_960 / 1e6 * 6.76, within(1e-9));
        assertThat(e.basis()).contains("704x1248").contains("102960 tokens");
    }

    @Test
    void seedance_scales_with_duration_and_resolution_and_1_5_pro_bills_audio_double() {
        double fiveSeconds = list.video("seedance", SeedanceVideo.DEFAULT_MODEL, take(5)).usd();
        double tenSeconds = list.video("seedance", SeedanceVideo.DEFAULT_MODEL, take(10)).usd();
        double withAudio = list.video("seedance", SeedanceVideo.DEFAULT_MODEL, take(5).withAudio(true)).usd();
        Estimate hd = list.video("seedance", SeedanceVideo.DEFAULT_MODEL, take(5).withResolution("1080p"));

        assertThat(tenSeconds).isCloseTo(2 * fiveSeconds, within(1e-9));
        assertThat(withAudio).isCloseTo(2 * fiveSeconds, within(1e-9));
        assertThat(hd.quantity()).isEqualTo(Math.floor(1088.0 * 1920 * 24 * 5 / 1024));
        assertThat(fiveSeconds).isCloseTo(102_960 / 1e6 * 1.2, within(1e-9));
    }

    @Test
    void the_fast_model_is_not_priced_as_the_full_one() {
        double fast = list.video("seedance", "doubao-seedance-2-0-fast-260128", take(5)).usd();
        double full = list.video("seedance", "seedance-2-0-260128", take(5)).usd();

        assertThat(fast).isCloseTo(102_960 / 1e6 * 5.44, within(1e-9));
        assertThat(full).isCloseTo(102_960 / 1e6 * 6.76, within(1e-9));
    }

    @Test
    void kling_units_by_model_mode_and_audio_in_both_api_spellings() {
        Estimate std = list.video("kling", "kling-v2-6", take(5));
        Estimate newStyle = list.video("kling", "kling-2.6", take(5));
        Estimate pro = list.video("kling", "kling-2.6", take(10).withResolution("1080p"));
        Estimate master = list.video("kling", "kling-v2-1-master", take(5));

        assertThat(std.quantity()).isCloseTo(1.5, within(1e-9));
        assertThat(std.usd()).isCloseTo(0.21, within(1e-9));
        assertThat(newStyle).isEqualTo(new Estimate("kling", "kling-2.6", Usage.UNITS, std.quantity(), std.usd(),
                newStyle.basis()));
        assertThat(pro.quantity()).isCloseTo(5.0, within(1e-9));
        assertThat(master.usd()).isCloseTo(10 * 0.14, within(1e-9));
    }

    @Test
    void runway_credits_per_second() {
        Estimate e = list.video("runway", RunwayVideo.DEFAULT_MODEL, take(5));

        assertThat(e.unit()).isEqualTo(Usage.CREDITS);
        assertThat(e.quantity()).isEqualTo(25);
        assertThat(e.usd()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void an_unknown_model_is_priced_as_the_dearest_of_its_table() {
        assertThat(list.video("seedance", "seedance-9-9-ultra", take(5)).usd())
                .isCloseTo(102_960 / 1e6 * 6.76, within(1e-9));
        assertThat(list.video("kling", "kling-v9", take(5)).quantity()).isCloseTo(10, within(1e-9));
        assertThat(list.video("runway", "gen9", take(5)).quantity()).isEqualTo(200);
    }

    @Test
    void images_by_model_quality_and_shape() {
        KeyframeRequest portrait = KeyframeRequest.of("k", "p", List.of(), 1440, 2560);
        KeyframeRequest high = new KeyframeRequest("k", "p", List.of(), 1024, 1024, null, "high", "gpt-image-1-mini");

        assertThat(list.keyframe("seedream", SeedreamKeyframes.DEFAULT_MODEL, portrait).usd()).isEqualTo(0.04);
        assertThat(list.keyframe("seedream", "doubao-seedream-4-0-250828", portrait).usd()).isEqualTo(0.03);
        assertThat(list.keyframe("openai-images", "gpt-image-1", portrait).usd()).isEqualTo(0.063);
        assertThat(list.keyframe("openai-images", null, high).usd()).isEqualTo(0.036);
        // gpt-image-2 has no list price yet: the dearest known model at that quality and shape
        assertThat(list.keyframe("openai-images", OpenAiImageKeyframes.DEFAULT_MODEL, portrait).usd()).isEqualTo(0.063);
    }

    @Test
    void actual_cost_comes_from_what_the_vendor_billed() {
        Estimate est = list.video("seedance", SeedanceVideo.DEFAULT_MODEL, take(5));

        Estimate seedance = list.actual("seedance", SeedanceVideo.DEFAULT_MODEL, false,
                new Usage(Usage.TOKENS, 100_000), est);
        Estimate kling = list.actual("kling", "kling-v2-6", false, new Usage(Usage.UNITS, 2.5), est);
        Estimate runway = list.actual("runway", "gen4_turbo", false, null, est);

        assertThat(seedance.usd()).isCloseTo(0.12, within(1e-9));
        assertThat(kling.usd()).isCloseTo(0.35, within(1e-9));
        assertThat(runway).isSameAs(est);
    }

    @Test
    void rates_can_be_overridden() {
        PriceList cheaper = new PriceList(Map.of("seedance-2-0", 3.38), 24, 0.10, Map.of("kling-2-6:std", 0.2), 0.008,
                Map.of("gen4_turbo", 5.0), Map.of("seedream-4-5", 0.02));
        CostEstimator c = new CostEstimator(cheaper);

        assertThat(c.video("seedance", "seedance-2-0-260128", take(5)).usd()).isCloseTo(102_960 / 1e6 * 3.38, within(1e-9));
        assertThat(c.video("kling", "kling-v2-6", take(5)).usd()).isCloseTo(0.1, within(1e-9));
        assertThat(c.video("runway", "gen4_turbo", take(5)).usd()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void model_ids_normalise_across_vendors_spellings() {
        assertThat(PriceList.normalise("doubao-seedance-1-5-pro-251215")).isEqualTo("seedance-1-5-pro");
        assertThat(PriceList.normalise("dreamina-seedance-2-0-260128")).isEqualTo("seedance-2-0");
        assertThat(PriceList.normalise("kling-v2-6")).isEqualTo("kling-2-6");
        assertThat(PriceList.normalise("kling-2.6")).isEqualTo("kling-2-6");
        assertThat(PriceList.normalise("kling-3.0")).isEqualTo("kling-3");
        assertThat(PriceList.normalise("kling-v3")).isEqualTo("kling-3");
    }
}
