package dev.tsuzuku.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArtStylePresetsTest {

    @Test
    void the_default_preset_is_one_of_the_presets() {
        assertThat(ArtStylePresets.names()).contains(ArtStylePresets.DEFAULT).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void every_preset_has_palette_hints_a_renderer_can_use() {
        for (String name : ArtStylePresets.names()) {
            ArtStylePresets.Preset p = ArtStylePresets.find(name).orElseThrow();
            assertThat(p.backgroundTint()).isBetween(0, 0xffffff);
            assertThat(p.lineWeight()).isPositive();
            assertThat(p.saturation()).isBetween(0.0, 2.0);
            assertThat(p.description()).isNotBlank();
        }
    }

    @Test
    void an_unknown_name_falls_back_to_the_default_for_renderers() {
        assertThat(ArtStylePresets.find("vaporwave")).isEmpty();
        assertThat(ArtStylePresets.get("vaporwave").name()).isEqualTo(ArtStylePresets.DEFAULT);
    }
}
