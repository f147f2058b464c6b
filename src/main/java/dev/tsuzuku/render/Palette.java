package dev.tsuzuku.render;

import dev.tsuzuku.model.Colors;
import dev.tsuzuku.model.Look;
import java.util.List;
import java.util.Locale;

/**
 * The flat colours of one character (0xRRGGBB): the base tones from the bible's look words and one
 * cel-shadow tone per base, derived by a fixed rule, plus the outline. Same look → same palette,
 * which is what keeps a character recognisable across shots and episodes.
 */
public record Palette(
        int hair, int hairShadow,
        int eyes,
        int outfit, int outfitShadow,
        int skin, int skinShadow,
        int accent,
        int outline,
        List<Swatch> swatches) {

    public Palette {
        swatches = List.copyOf(swatches);
    }

    /** A named colour for the character sheet: role ("hair"), the word it came from, the RGB. */
    public record Swatch(String role, String name, int rgb) {}

    private static final int[] HAIR_FALLBACK = {0x1b1b1f, 0x6e4628, 0x3b3f8c, 0x8a4b2a, 0x36454f};
    private static final int[] OUTFIT_FALLBACK = {0xc8283c, 0x3464c8, 0x3c9a50, 0x7a3c9a, 0xf08a24, 0x208080};

    static Palette from(Look look, String name, double pastel, boolean animal) {
        long seed = Seed.of("palette", name);
        Look l = look == null ? new Look(null, null, null, null, null) : look;
        Pick hair = pick(l.hair(), HAIR_FALLBACK[(int) Math.floorMod(seed, HAIR_FALLBACK.length)]);
        Pick eyes = pick(l.eyes(), 0x6e4628);
        Pick outfit = pick(l.outfit(), OUTFIT_FALLBACK[(int) Math.floorMod(seed >>> 8, OUTFIT_FALLBACK.length)]);
        int hairRgb = soften(hair.rgb, pastel);
        // an animal's "skin" is its muzzle and belly: a pale version of its fur unless the bible says otherwise
        Pick skin = pick(l.skin(), animal ? mix(hairRgb, 0xfff8ec, 0.6) : 0xf8dcc4);
        int outfitRgb = soften(outfit.rgb, pastel);
        int skinRgb = skin.rgb;
        // the sash/trim colour: the outfit's complement, pulled toward gold so it reads as an accent
        int accent = mix(complement(outfitRgb), 0xe6be3c, 0.45);
        int outline = mix(shadow(hairRgb, 0.35), 0x1e1428, 0.7);
        return new Palette(
                hairRgb, shadow(hairRgb, 0.72),
                eyes.rgb,
                outfitRgb, shadow(outfitRgb, 0.74),
                skinRgb, shadow(skinRgb, 0.86),
                accent, outline,
                List.of(new Swatch("hair", hair.name, hairRgb), new Swatch("eyes", eyes.name, eyes.rgb),
                        new Swatch("outfit", outfit.name, outfitRgb), new Swatch("skin", skin.name, skinRgb),
                        new Swatch("accent", hex(accent), accent), new Swatch("outline", hex(outline), outline)));
    }

    private record Pick(String name, int rgb) {}

    /** The whole phrase, else the first word that is a colour ("long glossy black" → black), else the fallback. */
    private static Pick pick(String words, int fallback) {
        if (words != null && !words.isBlank()) {
            var whole = Colors.rgb(words);
            if (whole.isPresent()) {
                return new Pick(words.trim().toLowerCase(Locale.ROOT), whole.get());
            }
            String[] parts = words.trim().toLowerCase(Locale.ROOT).split("[\\s,;/-]+");
            for (int i = 0; i + 1 < parts.length; i++) {
                var two = Colors.rgb(parts[i] + " " + parts[i + 1]);
                if (two.isPresent()) {
                    return new Pick(parts[i] + " " + parts[i + 1], two.get());
                }
            }
            for (String p : parts) {
                var one = Colors.rgb(p);
                if (one.isPresent()) {
                    return new Pick(p, one.get());
                }
            }
        }
        return new Pick(hex(fallback), fallback);
    }

    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    /** Cel shadow: darker and shifted toward violet-blue, the usual anime shading. */
    static int shadow(int rgb, double f) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        r = clamp((int) (r * f * 0.96));
        g = clamp((int) (g * f * 0.93));
        b = clamp((int) (b * f + 18 * (1 - f)));
        return (r << 16) | (g << 8) | b;
    }

    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(bl);
    }

    static int soften(int rgb, double pastel) {
        return pastel <= 0 ? rgb : mix(rgb, 0xffffff, pastel);
    }

    private static int complement(int rgb) {
        return 0xffffff - (rgb & 0xffffff);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
