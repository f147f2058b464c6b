package dev.tsuzuku.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The art style presets a bible may name in {@code style.preset}, each with the palette hints
 * the animatic renderer and the video prompts start from. Adding a preset here is all it takes
 * for {@code series.yaml} to accept it.
 */
public final class ArtStylePresets {

    /**
     * How a preset looks. {@code backgroundTint} is 0xRRGGBB laid over backgrounds,
     * {@code lineWeight} the outline width in pixels at 1080×1920, {@code saturation} a factor
     * applied to the cast's colours (1.0 = as written in the bible).
     */
    public record Preset(String name, String description, int backgroundTint, double lineWeight, double saturation) {}

    public static final String DEFAULT = "ghibli-watercolor";

    private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();

    static {
        add(new Preset("ghibli-watercolor", "soft watercolor backgrounds, clean line art, warm daylight", 0xf3ead2, 3.0, 0.85));
        add(new Preset("shojo-pastel", "pastel palette, sparkles, thin delicate lines, big expressive eyes", 0xfbe4ee, 2.0, 0.7));
        add(new Preset("shonen-action", "bold saturated colours, thick outlines, speed lines, hard shadows", 0xe8eef8, 5.0, 1.2));
        add(new Preset("noir-ink", "black ink, heavy shadows, near-monochrome with one accent colour", 0x2a2a2e, 4.0, 0.25));
        add(new Preset("chibi-comedy", "super-deformed proportions, flat bright colours, round shapes", 0xfff6d8, 4.0, 1.1));
    }

    private ArtStylePresets() {}

    private static void add(Preset p) {
        PRESETS.put(p.name(), p);
    }

    public static Optional<Preset> find(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    /** The preset with this name, or the default preset when the name is unknown. */
    public static Preset get(String name) {
        return PRESETS.getOrDefault(name, PRESETS.get(DEFAULT));
    }

    /** Preset names in the order the bible's comments list them. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }
}
