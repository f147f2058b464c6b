package dev.tsuzuku.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Colour names the bible accepts (CSS names plus hair/eye words writers use) and #RRGGBB.
 * The one place a colour word becomes an RGB value, so the sheets, the animatic and the
 * prompts agree.
 */
public final class Colors {
    private static final Map<String, Integer> NAMES = new LinkedHashMap<>();

    static {
        put("black", 0x1b1b1f); put("white", 0xf5f5f5); put("silver", 0xc0c0c8); put("gray", 0x808088);
        put("grey", 0x808088); put("red", 0xc8283c); put("crimson", 0xb4143c); put("scarlet", 0xe0301e);
        put("pink", 0xf4a6c0); put("rose", 0xe8739a); put("orange", 0xf08a24); put("amber", 0xf0a830);
        put("gold", 0xe6be3c); put("golden", 0xe6be3c); put("yellow", 0xf5d742); put("blonde", 0xf0d78c);
        put("blond", 0xf0d78c); put("brown", 0x6e4628); put("chestnut", 0x8a4b2a); put("auburn", 0x9a3b22);
        put("hazel", 0x8e7618); put("tan", 0xd2b48c); put("beige", 0xe8dcc0); put("ivory", 0xfffff0);
        put("green", 0x3c9a50); put("jade", 0x00a86b); put("emerald", 0x2a9d60); put("olive", 0x808000);
        put("teal", 0x208080); put("cyan", 0x40c8e0); put("aqua", 0x40d0d8); put("blue", 0x3464c8);
        put("navy", 0x1c2a5a); put("indigo", 0x3b3f8c); put("azure", 0x4a90e2); put("sky", 0x87c4eb);
        put("purple", 0x7a3c9a); put("violet", 0x8a5ad0); put("lavender", 0xb4a0e0); put("magenta", 0xc83c9a);
        put("plum", 0x8e4585); put("maroon", 0x6e1e2a); put("wine", 0x722f37); put("peach", 0xf8c8a0);
        put("cream", 0xfaf0d2); put("fair", 0xf8dcc4); put("light", 0xf3d2b8); put("medium", 0xdcaa82);
        put("dark", 0x8c5a3c); put("ebony", 0x3c2a20); put("porcelain", 0xfbe8dc); put("sand", 0xe0c8a0);
        put("copper", 0xb87333); put("bronze", 0xa87332); put("charcoal", 0x36454f); put("slate", 0x5a6478);
        put("vermilion", 0xe34234); put("sakura", 0xf6c3d0); put("mint", 0x98e0b8); put("moss", 0x6b7a3a);
    }

    private Colors() {}

    private static void put(String name, int rgb) {
        NAMES.put(name, rgb);
    }

    /** RGB (0xRRGGBB) of a name ("dark blue" works: the last word is the hue, "dark"/"light" shade it) or #RRGGBB. */
    public static Optional<Integer> rgb(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.matches("#[0-9a-f]{6}")) {
            return Optional.of(Integer.parseInt(v.substring(1), 16));
        }
        Integer exact = NAMES.get(v);
        if (exact != null) {
            return Optional.of(exact);
        }
        String[] words = v.split("[\\s-]+");
        if (words.length == 2 && NAMES.containsKey(words[1])) {
            int base = NAMES.get(words[1]);
            return switch (words[0]) {
                case "dark", "deep" -> Optional.of(scale(base, 0.65));
                case "light", "pale", "pastel" -> Optional.of(mixWhite(base, 0.45));
                case "bright", "vivid" -> Optional.of(base);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** The names accepted, for "did you mean" suggestions and documentation. */
    public static Map<String, Integer> names() {
        return Collections.unmodifiableMap(NAMES);
    }

    private static int scale(int rgb, double f) {
        int r = (int) (((rgb >> 16) & 0xff) * f), g = (int) (((rgb >> 8) & 0xff) * f), b = (int) ((rgb & 0xff) * f);
        return (r << 16) | (g << 8) | b;
    }

    private static int mixWhite(int rgb, double f) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        r += (int) ((255 - r) * f);
        g += (int) ((255 - g) * f);
        b += (int) ((255 - b) * f);
        return (r << 16) | (g << 8) | b;
    }
}
