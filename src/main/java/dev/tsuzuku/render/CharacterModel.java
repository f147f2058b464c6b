package dev.tsuzuku.render;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Look;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * A drawable anime-style figure for one cast member: palette, proportions, hairstyle and body plan
 * are derived only from the bible's look and the name, so the same character is drawn the same
 * way in every shot, episode and character sheet. The words are read by {@link TraitReader}, the
 * positions come from {@link Proportions}, the drawing from the species' {@link BodyPlan} (which
 * paints the face with a {@link FacePainter}).
 *
 * <p>Drawing works in "head units" (a human head is 1 unit tall) with the origin at the feet and
 * y growing downwards; {@code scale} is pixels per head unit.
 */
public final class CharacterModel {

    public enum Hairstyle { SHORT, LONG, PONYTAIL, BUN, BALD, NONE }

    public enum Headwear { NONE, HAT, CROWN }

    /** What the words of the bible decided about this character's build. */
    public record Traits(Species species, Hairstyle hairstyle, Headwear headwear, boolean beard,
                         boolean elder, boolean feminine, boolean child, double heightUnits, double build) {}

    private final String name;
    private final Palette palette;
    private final Traits traits;
    private final double size;
    private final Proportions geo;
    private final double lineWeight;
    private final BodyPlan body;

    private CharacterModel(String name, Palette palette, Traits traits, double lineWeight, Era era) {
        this.name = name;
        this.palette = palette;
        this.traits = traits;
        this.lineWeight = lineWeight;
        this.size = Proportions.size(traits.species());
        this.geo = Proportions.of(traits);
        this.body = BodyPlan.of(new BodyPlan.Figure(palette, traits, geo, Seed.of("figure", name), era));
    }

    /** The model of {@code c} in {@code style} (a "pastel" preset softens colours, "bold" thickens lines). */
    public static CharacterModel of(Character c, ArtStyle style) {
        return of(c, style, Era.JAPANESE_PERIOD);
    }

    /** The model of {@code c} in {@code style}, dressed for {@code era} (people only; animals look the same). */
    public static CharacterModel of(Character c, ArtStyle style, Era era) {
        Look look = c.look() == null ? new Look(null, null, null, null, null) : c.look();
        String preset = style == null || style.preset() == null ? "" : style.preset().toLowerCase(Locale.ROOT);
        double pastel = preset.contains("pastel") || preset.contains("watercolor") ? 0.18 : 0.0;
        double weight = preset.contains("bold") || preset.contains("shonen") ? 1.3 : preset.contains("watercolor") ? 0.8 : 1.0;
        Traits traits = TraitReader.read(c.name(), look.silhouette());
        Palette palette = Palette.from(look, c.name(), pastel, traits.species() != Species.HUMAN);
        return new CharacterModel(c.name(), palette, traits, weight, era == null ? Era.JAPANESE_PERIOD : era);
    }

    public String name() {
        return name;
    }

    public Palette palette() {
        return palette;
    }

    public Traits traits() {
        return traits;
    }

    /** Height of the whole figure in head units (feet to top of head). */
    public double heightUnits() {
        return geo.height() * size;
    }

    /** Width of the whole figure in head units (tails, claws and sleeves included). */
    public double widthUnits() {
        return Proportions.width(traits) * size;
    }

    /** Centre of the head relative to the feet, in head units (y negative = up). */
    public Point2D headCenter() {
        return new Point2D.Double(geo.hx() * size, geo.hy() * size);
    }

    /** Radius of the head in head units. */
    public double headRadius() {
        return geo.hr() * size;
    }

    /**
     * A pixel position, for a figure drawn at (x, y, scale) facing right, that is painted in the
     * palette's {@code hair} colour (fur for animals; for bald heads the side tufts, if any).
     */
    public Point2D hairSample(double x, double y, double scale, boolean mirrored) {
        double k = scale * size;
        double px = geo.hairX() * k;
        return new Point2D.Double(x + (mirrored ? -px : px), y + geo.hairY() * k);
    }

    /** Pixel bounds of everything blinking and talking can change (eyes, brows, mouth). */
    public Rectangle2D faceBounds(double x, double y, double scale, boolean mirrored) {
        double k = scale * size;
        double left = geo.hx() - geo.eyeDx() - geo.eyeRx() * 1.8 - 0.06;
        double right = geo.hx() + geo.eyeDx() + geo.eyeRx() * 1.8 + 0.3;
        double top = geo.eyeY() - geo.eyeRy() * 1.5;
        double bottom = geo.mouthY() + 0.24;
        double x0 = mirrored ? x - right * k : x + left * k;
        return new Rectangle2D.Double(x0, y + top * k, (right - left) * k, (bottom - top) * k);
    }

    /** Pixel bounds of the whole figure (with a margin for outlines, hats and tails). */
    public Rectangle2D bounds(double x, double y, double scale) {
        double k = scale * size;
        double half = 1.8;
        return new Rectangle2D.Double(x - half * k, y - (geo.height() + 0.6) * k, 2 * half * k, (geo.height() + 0.7) * k);
    }

    /**
     * Draws the figure with its feet at (x, y). {@code blink} 0 = eyes open … 1 = closed;
     * {@code mouthOpen} 0 = closed … 1 = wide open (talking).
     */
    public void draw(Graphics2D g, double x, double y, double scale, View view, String expression,
                     double blink, double mouthOpen) {
        draw(g, x, y, scale, view, Expression.parse(expression), blink, mouthOpen, false);
    }

    /** As {@link #draw}, mirrored when {@code mirrored} (the figure faces left). */
    public void draw(Graphics2D g, double x, double y, double scale, View view, Expression expression,
                     double blink, double mouthOpen, boolean mirrored) {
        AffineTransform saved = g.getTransform();
        Stroke savedStroke = g.getStroke();
        Shape savedClip = g.getClip();
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double k = scale * size;
        g.translate(x, y);
        g.scale(mirrored ? -k : k, k);
        Pen pen = new Pen(g, Math.max(0.035 * lineWeight, 1.3 / k));
        body.draw(pen, new Pose(view, expression, clamp01(blink), clamp01(mouthOpen)));
        g.setTransform(saved);
        g.setStroke(savedStroke);
        g.setClip(savedClip);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
