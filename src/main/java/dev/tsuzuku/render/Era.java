package dev.tsuzuku.render;

import dev.tsuzuku.model.Setting;

/**
 * The family of sets and costumes the animatic draws from, chosen from the bible's
 * {@link Setting#era()}. The art style preset decides line and colour; the era decides what the
 * walls, windows, buildings and clothes are.
 *
 * <p>The animatic has three families. {@code chinese-period} is drawn with the Japanese period
 * sets (lattice screens, tiled roofs, robes: the nearest of the three) and {@code fantasy} with
 * the western period sets (stone, timber and long coats). An unspecified setting keeps the look
 * the animatic always had, which is the Japanese period one.
 */
public enum Era {
    /** Shoji, tatami, tiled roofs; kimono with a crossed collar and an obi. The default look. */
    JAPANESE_PERIOD,
    /** Papered and panelled rooms, sash windows, brick terraces, gas lamps; frock coats, waistcoats, long dresses. */
    WESTERN_PERIOD,
    /** Plain walls, big windows, city blocks, street lights; shirts, jackets and jeans. */
    MODERN;

    /** The sets for a bible's setting (never null). */
    public static Era of(Setting setting) {
        String era = setting == null ? "unspecified" : setting.era();
        return switch (era) {
            case "western-period", "fantasy" -> WESTERN_PERIOD;
            case "modern" -> MODERN;
            default -> JAPANESE_PERIOD;
        };
    }
}
