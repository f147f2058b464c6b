package dev.tsuzuku.render;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Look;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Locale;

/**
 * A drawable anime-style figure for one cast member: palette, proportions, hairstyle and body plan
 * are derived only from the bible's look and the name, so the same character is drawn the same
 * way in every shot, episode and character sheet.
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

    private static final int INK = 0x1e1428;
    private static final int STRAW = 0xd9b56a;
    private static final int GOLD = 0xe6be3c;
    private static final int BEAK = 0xf0a830;
    private static final int MOUTH = 0x7a1e2a;

    private final String name;
    private final Palette palette;
    private final Traits traits;
    private final long seed;
    private final double size;
    private final Geometry geo;
    private final double lineWeight;

    /** Where the head and the face features sit, in units before {@link #size}. */
    private record Geometry(double height, double hx, double hy, double hr,
                            double eyeDx, double eyeY, double eyeRx, double eyeRy,
                            double mouthY, double mouthW, double hairX, double hairY) {}

    private CharacterModel(String name, Palette palette, Traits traits, double lineWeight) {
        this.name = name;
        this.palette = palette;
        this.traits = traits;
        this.seed = Seed.of("figure", name);
        this.lineWeight = lineWeight;
        this.size = switch (traits.species()) {
            case SPARROW -> 0.55;
            case BIRD, CRAB -> 0.7;
            case CAT, HARE -> 0.78;
            case FISH, PHEASANT, TURTLE -> 0.85;
            case FOX, BADGER -> 0.92;
            case DRAGON -> 1.3;
            default -> 1.0;
        };
        this.geo = geometry(traits);
    }

    /** The model of {@code c} in {@code style} (a "pastel" preset softens colours, "bold" thickens lines). */
    public static CharacterModel of(Character c, ArtStyle style) {
        Look look = c.look() == null ? new Look(null, null, null, null, null) : c.look();
        String preset = style == null || style.preset() == null ? "" : style.preset().toLowerCase(Locale.ROOT);
        double pastel = preset.contains("pastel") || preset.contains("watercolor") ? 0.18 : 0.0;
        double weight = preset.contains("bold") || preset.contains("shonen") ? 1.3 : preset.contains("watercolor") ? 0.8 : 1.0;
        Traits traits = traits(c.name(), look.silhouette());
        Palette palette = Palette.from(look, c.name(), pastel, traits.species() != Species.HUMAN);
        return new CharacterModel(c.name(), palette, traits, weight);
    }

    static Traits traits(String name, String silhouette) {
        String words = ((name == null ? "" : name) + " " + (silhouette == null ? "" : silhouette)).toLowerCase(Locale.ROOT);
        long s = Seed.of("traits", name);
        Species species = Species.detect(name, silhouette);
        boolean elder = has(words, "old", "elder", "elderly", "aged", "grandfather", "grandmother", "grandpa", "grandma", "wrinkled", "ancient", "grey-haired", "white-haired");
        boolean feminine = has(words, "woman", "girl", "princess", "lady", "mother", "wife", "daughter", "maiden", "grandmother", "grandma", "she", "her", "queen", "empress", "nun", "sister");
        boolean child = !elder && has(words, "boy", "child", "little", "young", "kid", "baby", "small", "tiny", "lad");
        boolean beard = has(words, "beard", "bearded", "whiskers", "moustache", "mustache")
                || (elder && !feminine && species == Species.HUMAN && (s & 1) == 0);
        Headwear headwear = has(words, "crown", "tiara", "diadem") ? Headwear.CROWN
                : has(words, "hat", "kasa", "straw") ? Headwear.HAT : Headwear.NONE;
        Hairstyle hair;
        if (species != Species.HUMAN) {
            hair = Hairstyle.NONE;
        } else if (has(words, "bald", "shaven", "monk")) {
            hair = Hairstyle.BALD;
        } else if (has(words, "ponytail", "pony-tail", "topknot")) {
            hair = Hairstyle.PONYTAIL;
        } else if (has(words, "bun", "chignon")) {
            hair = Hairstyle.BUN;
        } else if (words.contains("long hair") || has(words, "long-haired", "flowing")) {
            hair = Hairstyle.LONG;
        } else if (words.contains("short hair") || has(words, "short-haired", "cropped")) {
            hair = Hairstyle.SHORT;
        } else if (elder) {
            hair = feminine ? Hairstyle.BUN : Hairstyle.BALD;
        } else if (feminine) {
            hair = (s >>> 3 & 1) == 0 ? Hairstyle.LONG : Hairstyle.PONYTAIL;
        } else {
            hair = (s >>> 3 & 3) == 0 ? Hairstyle.PONYTAIL : Hairstyle.SHORT;
        }
        double height = child ? 4.3 : elder ? 5.1 : feminine ? 5.4 : 5.7;
        if (has(words, "tall", "giant", "lanky")) {
            height += 0.5;
        }
        if (species == Species.MONKEY) {
            height = 4.0;
        }
        double build = 0.92 + 0.16 * Seed.unit(s, 7);
        if (has(words, "stout", "fat", "round", "plump", "big", "burly", "strong")) {
            build += 0.18;
        }
        if (has(words, "thin", "slender", "slim", "frail")) {
            build -= 0.1;
        }
        return new Traits(species, hair, headwear, beard, elder, feminine, child, height, build);
    }

    private static boolean has(String words, String... any) {
        for (String w : words.split("[^\\p{L}-]+")) {
            for (String a : any) {
                if (w.equals(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Geometry geometry(Traits t) {
        return switch (t.species()) {
            case HUMAN -> {
                double hy = -(t.heightUnits() - 0.5);
                yield new Geometry(t.heightUnits(), 0, hy, 0.5, 0.2, hy + 0.08, 0.12, 0.15, hy + 0.34, 0.08, -0.45, hy + 0.08);
            }
            case MONKEY -> {
                double hy = -(t.heightUnits() - 0.5);
                yield new Geometry(t.heightUnits(), 0, hy, 0.5, 0.2, hy + 0.08, 0.12, 0.15, hy + 0.34, 0.08, -0.22, hy - 0.33);
            }
            case DOG, FOX, CAT, BADGER, HARE -> new Geometry(2.3, 0.5, -1.75, 0.5, 0.19, -1.8, 0.11, 0.13, -1.47, 0.07, -0.3, -1.22);
            case PHEASANT, SPARROW, BIRD -> new Geometry(2.3, 0.05, -1.85, 0.45, 0.16, -1.88, 0.1, 0.12, -1.67, 0.08, -0.2, -1.3);
            case CRAB -> new Geometry(1.9, 0, -1.2, 0.6, 0.3, -1.62, 0.13, 0.15, -0.62, 0.1, -0.6, -1.0);
            case TURTLE -> new Geometry(1.6, 1.05, -1.0, 0.42, 0.15, -1.05, 0.09, 0.11, -0.8, 0.06, -0.45, -0.65);
            case FISH -> new Geometry(2.0, 0.5, -1.25, 0.5, 0.16, -1.35, 0.1, 0.12, -1.08, 0.07, -0.3, -1.45);
            case DRAGON -> new Geometry(3.9, 0.35, -3.35, 0.55, 0.2, -3.42, 0.12, 0.13, -3.05, 0.09, 0.6, -1.0);
        };
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
        double w = switch (traits.species()) {
            case HUMAN -> traits.hairstyle() == Hairstyle.PONYTAIL ? 2.0 : 1.8;
            case MONKEY -> 2.4;
            case DOG, FOX, CAT, BADGER, HARE -> 3.3;
            case PHEASANT -> 3.8;
            case SPARROW, BIRD -> 2.6;
            case CRAB -> 3.3;
            case TURTLE -> 2.6;
            case FISH -> 3.2;
            case DRAGON -> 2.8;
        };
        return w * size;
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
        Pose pose = new Pose(view, expression, clamp01(blink), clamp01(mouthOpen));
        switch (traits.species()) {
            case HUMAN, MONKEY -> human(pen, pose);
            case DOG, FOX, CAT, BADGER, HARE -> quadruped(pen, pose);
            case PHEASANT, SPARROW, BIRD -> bird(pen, pose);
            case CRAB -> crab(pen, pose);
            case TURTLE -> turtle(pen, pose);
            case FISH -> fish(pen, pose);
            case DRAGON -> dragon(pen, pose);
        }
        g.setTransform(saved);
        g.setStroke(savedStroke);
        g.setClip(savedClip);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }

    private record Pose(View view, Expression expr, double blink, double mouth) {
        /** 0 = facing the camera, 1 = profile, toward +x. */
        double turn() {
            return switch (view) {
                case FRONT, BACK -> 0;
                case THREE_QUARTER -> 0.35;
                case SIDE -> 1;
            };
        }

        boolean back() {
            return view == View.BACK;
        }
    }

    /** Fill-and-outline drawing in unit space with one line weight: the clean anime line. */
    private static final class Pen {
        final Graphics2D g;
        final double lw;
        final BasicStroke line;

        Pen(Graphics2D g, double lw) {
            this.g = g;
            this.lw = lw;
            this.line = new BasicStroke((float) lw, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }

        void paint(Shape s, int fill) {
            fill(s, fill);
            outline(s);
        }

        void fill(Shape s, int rgb) {
            g.setColor(new Color(rgb));
            g.fill(s);
        }

        void outline(Shape s) {
            stroke(s, INK, 1);
        }

        void stroke(Shape s, int rgb, double weight) {
            g.setColor(new Color(rgb));
            g.setStroke(weight == 1 ? line : new BasicStroke((float) (lw * weight), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(s);
        }

        /** Cel shading: paint {@code rgb} over the part of {@code s} inside {@code region}. */
        void shade(Shape s, Shape region, int rgb) {
            // intersecting as areas keeps the filled shape small; a shape clip over a large
            // region costs the rasteriser far more than the geometry does
            Area a = new Area(s);
            a.intersect(new Area(region instanceof Rectangle2D r ? r.createIntersection(s.getBounds2D()) : region));
            g.setColor(new Color(rgb));
            g.fill(a);
        }

        void translucent(Shape s, int rgb, int alpha) {
            g.setColor(new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha));
            g.fill(s);
        }
    }

    // ------------------------------------------------------------------ humans (and the monkey)

    private void human(Pen p, Pose pose) {
        Palette c = palette;
        boolean monkey = traits.species() == Species.MONKEY;
        double turn = pose.turn();
        double hy = geo.hy();
        double shoulderY = hy + 0.6;
        double sw = (traits.child() ? 0.5 : 0.6) * traits.build() * (1 - 0.3 * turn);
        double hemY = traits.feminine() ? -0.08 : -0.16;
        double hemW = sw * (traits.feminine() ? 1.12 : 1.02);
        double waistY = shoulderY + (hemY - shoulderY) * 0.36;
        double fx = 0.08 * turn;

        if (!monkey) {
            backHair(p, pose);
        } else {
            Path2D tail = new Path2D.Double();
            tail.moveTo(-0.2, waistY + 0.2);
            tail.curveTo(-1.1, waistY + 0.6, -1.2, waistY - 0.8, -0.8, waistY - 0.9);
            p.stroke(tail, INK, 5.2);
            p.stroke(tail, c.hair(), 3.4);
        }
        // feet
        for (int s = -1; s <= 1; s += 2) {
            p.paint(new Ellipse2D.Double(s * 0.2 - 0.14 + fx, -0.12, 0.28, 0.13), monkey ? c.skin() : 0x3c2a20);
        }
        // neck
        Rectangle2D neck = new Rectangle2D.Double(-0.1 + fx * 0.5, hy + 0.32, 0.2, 0.4);
        p.paint(neck, monkey ? c.hair() : c.skin());
        p.fill(new Rectangle2D.Double(-0.09 + fx * 0.5, hy + 0.36, 0.18, 0.1), monkey ? c.hairShadow() : c.skinShadow());
        // robe
        Path2D robe = new Path2D.Double();
        robe.moveTo(-sw, shoulderY + 0.14);
        robe.quadTo(-sw, shoulderY, -sw + 0.18, shoulderY);
        robe.lineTo(sw - 0.18, shoulderY);
        robe.quadTo(sw, shoulderY, sw, shoulderY + 0.14);
        robe.lineTo(hemW, hemY);
        robe.lineTo(-hemW, hemY);
        robe.closePath();
        p.fill(robe, c.outfit());
        p.shade(robe, new Rectangle2D.Double(sw * 0.38, shoulderY - 1, 5, 10), c.outfitShadow());
        p.shade(robe, new Rectangle2D.Double(-5, hemY - 0.35, 10, 1), c.outfitShadow());
        if (!pose.back()) {
            // kimono collar: skin V and the white under-collar, crossing left over right
            Path2D v = new Path2D.Double();
            v.moveTo(-0.16 + fx, shoulderY - 0.01);
            v.lineTo(0.16 + fx, shoulderY - 0.01);
            v.lineTo(fx, shoulderY + 0.42);
            v.closePath();
            p.fill(v, monkey ? c.hair() : c.skin());
            p.stroke(new Line2D.Double(-0.2 + fx, shoulderY, fx + 0.04, shoulderY + 0.5), 0xf5f5f5, 2.4);
            p.stroke(new Line2D.Double(0.2 + fx, shoulderY, fx - 0.02, shoulderY + 0.46), 0xf5f5f5, 2.4);
            p.stroke(new Line2D.Double(fx + 0.04, shoulderY + 0.5, fx + 0.18, hemY), INK, 0.8);
        }
        p.shade(robe, new Rectangle2D.Double(-3, waistY - 0.15, 6, 0.3), c.accent());
        p.stroke(new Line2D.Double(-hemW * 0.86, waistY - 0.15, hemW * 0.86, waistY - 0.15), INK, 0.7);
        p.stroke(new Line2D.Double(-hemW * 0.86, waistY + 0.15, hemW * 0.86, waistY + 0.15), INK, 0.7);
        p.outline(robe);
        // sleeves and hands
        for (int s = -1; s <= 1; s += 2) {
            if (pose.view() == View.SIDE && s < 0) {
                continue;
            }
            double sx = s * (sw - 0.04) + (pose.view() == View.SIDE ? 0.05 : 0);
            Path2D sleeve = new Path2D.Double();
            sleeve.moveTo(sx, shoulderY + 0.04);
            sleeve.quadTo(sx + s * 0.3, shoulderY + 0.1, sx + s * 0.3, waistY + 0.1);
            sleeve.lineTo(sx + s * 0.3, waistY + 0.38);
            sleeve.lineTo(sx - s * 0.08, waistY + 0.3);
            sleeve.lineTo(sx - s * 0.1, shoulderY + 0.4);
            sleeve.closePath();
            p.fill(sleeve, s > 0 ? c.outfitShadow() : c.outfit());
            p.outline(sleeve);
            p.paint(new Ellipse2D.Double(sx + s * 0.12 - 0.1, waistY + 0.3, 0.2, 0.2), c.skin());
        }
        head(p, pose, monkey);
    }

    private void head(Pen p, Pose pose, boolean monkey) {
        Palette c = palette;
        double hy = geo.hy();
        double turn = pose.turn();
        if (monkey) {
            for (int s = -1; s <= 1; s += 2) {
                Ellipse2D ear = new Ellipse2D.Double(s * 0.5 - 0.17, hy - 0.12, 0.34, 0.34);
                p.paint(ear, c.hair());
                p.fill(new Ellipse2D.Double(s * 0.5 - 0.09, hy - 0.04, 0.18, 0.18), c.skin());
            }
        }
        Area skull = new Area(new Ellipse2D.Double(-0.45, hy - 0.5, 0.9, 0.92));
        Path2D chin = new Path2D.Double();
        chin.moveTo(-0.41, hy + 0.02);
        chin.quadTo(-0.3, hy + 0.42, 0.04 * turn, hy + 0.5);
        chin.quadTo(0.32, hy + 0.42, 0.41, hy + 0.02);
        chin.closePath();
        skull.add(new Area(chin));
        if (pose.view() == View.SIDE) {
            Path2D nose = new Path2D.Double();
            nose.moveTo(0.4, hy + 0.05);
            nose.lineTo(0.52, hy + 0.2);
            nose.lineTo(0.4, hy + 0.26);
            nose.closePath();
            skull.add(new Area(nose));
        }
        p.fill(skull, monkey ? c.hair() : c.skin());
        if (monkey && !pose.back()) {
            Area mask = new Area(new Ellipse2D.Double(-0.36 + 0.1 * turn, hy - 0.2, 0.36, 0.42));
            mask.add(new Area(new Ellipse2D.Double(0.0 + 0.1 * turn, hy - 0.2, 0.36, 0.42)));
            mask.add(new Area(new Ellipse2D.Double(-0.3 + 0.1 * turn, hy + 0.02, 0.6, 0.44)));
            p.fill(mask, c.skin());
        }
        p.shade(skull, new Rectangle2D.Double(0.22 + 0.1 * turn, hy - 1, 2, 2), monkey ? c.hairShadow() : c.skinShadow());
        p.outline(skull);
        if (pose.back()) {
            if (traits.hairstyle() != Hairstyle.BALD && !monkey) {
                p.paint(new Ellipse2D.Double(-0.5, hy - 0.56, 1.0, 1.02), c.hair());
            }
        } else {
            if (traits.elder()) {
                for (int s = -1; s <= 1; s += 2) {
                    double ex = s * geo.eyeDx() + 0.12 * turn;
                    p.stroke(new Line2D.Double(ex + s * 0.15, geo.eyeY() + 0.02, ex + s * 0.2, geo.eyeY() + 0.07), INK, 0.6);
                }
            }
            face(p, pose, 0, !monkey);
            if (traits.beard()) {
                beard(p, pose);
                mouth(p, pose, 0.14 * turn, geo.mouthY(), geo.mouthW());
            }
        }
        if (!monkey) {
            frontHair(p, pose);
        }
        if (!pose.back()) {
            brows(p, pose, monkey ? INK : c.hairShadow());
        }
        headwear(p, pose);
    }

    private void backHair(Pen p, Pose pose) {
        Palette c = palette;
        double hy = geo.hy();
        switch (traits.hairstyle()) {
            case LONG -> {
                Path2D h = new Path2D.Double();
                h.moveTo(-0.5, hy - 0.2);
                h.curveTo(-0.62, hy - 0.8, 0.62, hy - 0.8, 0.5, hy - 0.2);
                h.lineTo(0.6, hy + 1.75);
                h.quadTo(0.0, hy + 1.9, -0.6, hy + 1.75);
                h.closePath();
                p.fill(h, c.hair());
                p.shade(h, new Rectangle2D.Double(0.15, hy - 1, 2, 4), c.hairShadow());
                p.outline(h);
            }
            case PONYTAIL -> {
                Path2D tail = new Path2D.Double();
                tail.moveTo(0.2, hy - 0.5);
                tail.quadTo(0.98, hy - 0.35, 0.78, hy + 1.15);
                tail.quadTo(0.6, hy + 0.45, 0.18, hy - 0.05);
                tail.closePath();
                p.fill(tail, c.hair());
                p.shade(tail, new Rectangle2D.Double(0.62, hy - 1, 1, 3), c.hairShadow());
                p.outline(tail);
            }
            case BUN -> p.paint(new Ellipse2D.Double(-0.22, hy - 0.82, 0.44, 0.4), c.hair());
            case SHORT -> p.paint(new Ellipse2D.Double(-0.52, hy - 0.56, 1.04, 0.92), c.hair());
            default -> { }
        }
        if (pose.back() && traits.hairstyle() == Hairstyle.PONYTAIL) {
            p.paint(new Ellipse2D.Double(0.22, hy - 0.55, 0.18, 0.18), c.accent());
        }
    }

    private void frontHair(Pen p, Pose pose) {
        Palette c = palette;
        double hy = geo.hy();
        if (traits.hairstyle() == Hairstyle.BALD) {
            if (traits.elder() || traits.beard()) {
                for (int s = -1; s <= 1; s += 2) {
                    Area tuft = new Area(new Ellipse2D.Double(s * 0.45 - 0.13, hy - 0.06, 0.26, 0.3));
                    tuft.add(new Area(new Ellipse2D.Double(s * 0.43 - 0.11, hy + 0.08, 0.22, 0.24)));
                    p.paint(tuft, c.hair());
                }
            }
            p.translucent(new Ellipse2D.Double(-0.22, hy - 0.45, 0.2, 0.1), 0xffffff, 110);
            return;
        }
        double shift = pose.back() ? 0 : 0.06 * pose.turn();
        Path2D h = new Path2D.Double();
        h.moveTo(-0.5, hy + 0.15);
        h.curveTo(-0.55, hy - 0.8, 0.55, hy - 0.8, 0.5, hy + 0.15);
        if (pose.back()) {
            h.lineTo(0.5, hy + 0.3);
            h.quadTo(0, hy + 0.42, -0.5, hy + 0.3);
        } else {
            double[] tipX = {0.32, 0.1, -0.14, -0.36};
            double[] valleyX = {0.42, 0.22, -0.02, -0.26, -0.44};
            h.lineTo(valleyX[0] + shift, hy - 0.12);
            for (int i = 0; i < tipX.length; i++) {
                double jitter = 0.05 * (Seed.unit(seed, i) - 0.5);
                h.lineTo(tipX[i] + shift, hy - 0.01 + jitter);
                h.lineTo(valleyX[i + 1] + shift, hy - 0.2 - jitter * 0.5);
            }
        }
        h.closePath();
        Area hair = new Area(h);
        // side locks frame the face; they also carry the palette sample point
        for (int s = -1; s <= 1; s += 2) {
            Path2D lock = new Path2D.Double();
            lock.moveTo(s * 0.53, hy - 0.12);
            lock.lineTo(s * 0.35, hy - 0.12);
            lock.lineTo(s * 0.37, hy + 0.26);
            lock.lineTo(s * 0.46, hy + (traits.hairstyle() == Hairstyle.LONG ? 0.62 : 0.4));
            lock.lineTo(s * 0.55, hy + 0.2);
            lock.closePath();
            hair.add(new Area(lock));
        }
        p.fill(hair, c.hair());
        p.shade(hair, new Rectangle2D.Double(0.2, hy - 1, 2, 2), c.hairShadow());
        if (!pose.back()) {
            Path2D shine = new Path2D.Double();
            shine.moveTo(0.0, hy - 0.32);
            shine.quadTo(0.14, hy - 0.37, 0.3, hy - 0.3);
            p.g.setColor(new Color(255, 255, 255, 150));
            p.g.setStroke(new BasicStroke((float) 0.05, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            p.g.draw(shine);
        }
        p.outline(hair);
        if (traits.hairstyle() == Hairstyle.PONYTAIL && !pose.back()) {
            p.paint(new Ellipse2D.Double(0.4, hy - 0.5, 0.14, 0.14), c.accent());
        }
        if (traits.hairstyle() == Hairstyle.BUN) {
            p.stroke(new Line2D.Double(-0.3, hy - 0.7, 0.3, hy - 0.5), c.accent(), 1.6);
        }
    }

    private void beard(Pen p, Pose pose) {
        double hy = geo.hy();
        double fx = 0.1 * pose.turn();
        Path2D b = new Path2D.Double();
        b.moveTo(-0.38 + fx, hy + 0.16);
        b.quadTo(-0.34 + fx, hy + 0.8, fx, hy + 1.0);
        b.quadTo(0.34 + fx, hy + 0.8, 0.38 + fx, hy + 0.16);
        b.quadTo(fx, hy + 0.5, -0.38 + fx, hy + 0.16);
        b.closePath();
        p.fill(b, palette.hair());
        p.shade(b, new Rectangle2D.Double(0.15 + fx, hy, 2, 2), palette.hairShadow());
        p.outline(b);
        Path2D moustache = new Path2D.Double();
        moustache.moveTo(-0.2 + fx, hy + 0.33);
        moustache.quadTo(fx, hy + 0.24, 0.2 + fx, hy + 0.33);
        p.stroke(moustache, palette.hairShadow(), 2.4);
    }

    private void headwear(Pen p, Pose pose) {
        double hy = geo.hy();
        switch (traits.headwear()) {
            case HAT -> {
                Path2D hat = new Path2D.Double();
                // worn high on the head so the eyes stay readable under the brim
                hat.moveTo(-0.88, hy - 0.34);
                hat.lineTo(0, hy - 1.08);
                hat.lineTo(0.88, hy - 0.34);
                hat.quadTo(0, hy - 0.24, -0.88, hy - 0.34);
                hat.closePath();
                p.fill(hat, STRAW);
                p.shade(hat, new Rectangle2D.Double(0.05, hy - 2, 2, 3), Palette.shadow(STRAW, 0.78));
                for (int i = -2; i <= 2; i++) {
                    p.stroke(new Line2D.Double(0, hy - 1.05, i * 0.34, hy - 0.32), Palette.shadow(STRAW, 0.6), 0.5);
                }
                p.outline(hat);
            }
            case CROWN -> {
                Path2D crown = new Path2D.Double();
                crown.moveTo(-0.3, hy - 0.44);
                crown.lineTo(-0.32, hy - 0.78);
                crown.lineTo(-0.15, hy - 0.6);
                crown.lineTo(0, hy - 0.86);
                crown.lineTo(0.15, hy - 0.6);
                crown.lineTo(0.32, hy - 0.78);
                crown.lineTo(0.3, hy - 0.44);
                crown.closePath();
                p.fill(crown, GOLD);
                p.shade(crown, new Rectangle2D.Double(0.1, hy - 2, 2, 3), Palette.shadow(GOLD, 0.75));
                p.outline(crown);
                p.paint(new Ellipse2D.Double(-0.06, hy - 0.62, 0.12, 0.12), 0xc8283c);
            }
            default -> { }
        }
    }

    // ------------------------------------------------------------------ faces (shared by every body plan)

    /** Eyes and mouth for a head centred on x = cx; the mouth is skipped when a beard draws it later. */
    private void face(Pen p, Pose pose, double cx, boolean blush) {
        double turn = pose.turn();
        double shift = 0.12 * turn * geo.hr() / 0.5;
        for (int s = -1; s <= 1; s += 2) {
            if (turn >= 1 && s < 0) {
                continue;
            }
            double far = (s < 0 && turn > 0) ? 1 - 0.45 * turn : 1;
            double ex = cx + s * geo.eyeDx() * (turn >= 1 ? 0.9 : 1) + shift;
            eye(p, pose, ex, geo.eyeY(), geo.eyeRx() * far * (turn >= 1 ? 0.75 : 1), geo.eyeRy(), -s);
            if (blush && pose.expr() == Expression.HAPPY) {
                p.translucent(new Ellipse2D.Double(ex - geo.eyeRx(), geo.eyeY() + geo.eyeRy() + 0.03, geo.eyeRx() * 2, 0.08), 0xf06080, 90);
            }
        }
        expressionMarks(p, pose, shift);
        if (!traits.beard()) {
            mouth(p, pose, cx + shift * 1.2, geo.mouthY(), geo.mouthW());
        }
    }

    private void expressionMarks(Pen p, Pose pose, double shift) {
        double ex = geo.hx() + geo.eyeDx() + shift;
        double ey = geo.eyeY();
        switch (pose.expr()) {
            case SAD -> {
                Path2D tear = new Path2D.Double();
                tear.moveTo(ex, ey + geo.eyeRy() + 0.02);
                tear.quadTo(ex + 0.05, ey + geo.eyeRy() + 0.12, ex, ey + geo.eyeRy() + 0.15);
                tear.quadTo(ex - 0.05, ey + geo.eyeRy() + 0.12, ex, ey + geo.eyeRy() + 0.02);
                p.fill(tear, 0x9fd4f5);
                p.stroke(tear, 0x4a90e2, 0.6);
            }
            case AFRAID -> {
                double sx = geo.hx() - geo.hr() * 0.95;
                Path2D drop = new Path2D.Double();
                drop.moveTo(sx, ey - 0.2);
                drop.quadTo(sx + 0.07, ey - 0.05, sx, ey);
                drop.quadTo(sx - 0.07, ey - 0.05, sx, ey - 0.2);
                p.fill(drop, 0xbfe6fb);
                p.stroke(drop, 0x4a90e2, 0.7);
            }
            case ANGRY -> {
                double ax = geo.hx() + geo.hr() * 0.62, ay = geo.hy() - geo.hr() * 0.62;
                for (int i = 0; i < 4; i++) {
                    double a = Math.PI / 4 + i * Math.PI / 2;
                    Path2D vein = new Path2D.Double();
                    vein.moveTo(ax + Math.cos(a) * 0.04, ay + Math.sin(a) * 0.04);
                    vein.quadTo(ax + Math.cos(a + 0.5) * 0.1, ay + Math.sin(a + 0.5) * 0.1, ax + Math.cos(a) * 0.13, ay + Math.sin(a) * 0.13);
                    p.stroke(vein, 0xd0202a, 1.5);
                }
            }
            default -> { }
        }
    }

    /** An anime eye: white, gradient iris, pupil, two highlights, heavy upper lash; {@code inward} is +1 or -1. */
    private void eye(Pen p, Pose pose, double ex, double ey, double rx, double ry, int inward) {
        Expression e = pose.expr();
        double open = 1 - pose.blink();
        if (e == Expression.HAPPY) {
            ry *= 0.85;
        }
        if (e == Expression.SURPRISED) {
            ry *= 1.1;
        }
        if (open < 0.25) {
            Path2D lid = new Path2D.Double();
            lid.moveTo(ex - rx, ey + ry * 0.2);
            lid.quadTo(ex, ey + ry * (e == Expression.HAPPY ? -0.7 : 0.75), ex + rx, ey + ry * 0.2);
            p.stroke(lid, INK, 1.7);
            return;
        }
        double dInner, dOuter;
        switch (e) {
            case ANGRY -> { dInner = 0.55; dOuter = 0.0; }
            case DETERMINED -> { dInner = 0.32; dOuter = 0.05; }
            case SAD -> { dInner = 0.0; dOuter = 0.4; }
            case SURPRISED, AFRAID -> { dInner = 0; dOuter = 0; }
            default -> { dInner = 0.08; dOuter = 0.08; }
        }
        double bottom = ey + ry;
        double top = bottom - 2 * ry * open;
        double lidRange = 2 * ry * open;
        double innerX = ex + inward * rx * 1.3, outerX = ex - inward * rx * 1.3;
        double innerTop = top + dInner * lidRange, outerTop = top + dOuter * lidRange;
        Path2D lidRegion = new Path2D.Double();
        lidRegion.moveTo(innerX, innerTop);
        lidRegion.lineTo(outerX, outerTop);
        lidRegion.lineTo(outerX, bottom + 1);
        lidRegion.lineTo(innerX, bottom + 1);
        lidRegion.closePath();
        Area white = new Area(new Ellipse2D.Double(ex - rx, top, 2 * rx, bottom - top));
        white.intersect(new Area(lidRegion));
        p.fill(white, 0xffffff);
        Shape clip = p.g.getClip();
        p.g.clip(white);
        boolean small = e == Expression.SURPRISED || e == Expression.AFRAID;
        double irx = rx * (small ? 0.55 : 0.8), iry = ry * (small ? 0.6 : 0.88);
        double icx = ex + pose.turn() * rx * 0.25, icy = ey + ry * 0.08;
        Ellipse2D iris = new Ellipse2D.Double(icx - irx, icy - iry, 2 * irx, 2 * iry);
        int eyes = palette.eyes();
        p.g.setPaint(new java.awt.GradientPaint((float) icx, (float) (icy - iry), new Color(Palette.shadow(eyes, 0.45)),
                (float) icx, (float) (icy + iry * 0.6), new Color(Palette.mix(eyes, 0xffffff, 0.15))));
        p.g.fill(iris);
        p.fill(new Ellipse2D.Double(icx - irx * 0.45, icy - iry * 0.5, irx * 0.9, iry * 1.0), Palette.mix(INK, eyes, 0.25));
        p.fill(new Ellipse2D.Double(icx - irx * 0.75, icy - iry * 0.7, irx * 0.7, irx * 0.7), 0xffffff);
        p.fill(new Ellipse2D.Double(icx + irx * 0.25, icy + iry * 0.35, irx * 0.3, irx * 0.3), 0xffffff);
        p.g.setClip(clip);
        Path2D lash = new Path2D.Double();
        lash.moveTo(outerX + inward * rx * 0.25, outerTop + ry * 0.12);
        lash.quadTo(ex, Math.min(innerTop, outerTop) - ry * 0.18, innerX - inward * rx * 0.2, innerTop + ry * 0.1);
        p.stroke(lash, INK, 2.4);
        if (traits.feminine()) {
            p.stroke(new Line2D.Double(outerX + inward * rx * 0.25, outerTop + ry * 0.12, outerX - inward * rx * 0.1, outerTop - ry * 0.12), INK, 1.6);
        }
        p.stroke(new Line2D.Double(ex - rx * 0.5, bottom - 0.005, ex + rx * 0.5, bottom - 0.005), INK, 0.6);
    }

    private void brows(Pen p, Pose pose, int rgb) {
        double turn = pose.turn();
        double shift = 0.12 * turn * geo.hr() / 0.5;
        double by = geo.eyeY() - geo.eyeRy() - 0.08;
        double inner, outer;
        switch (pose.expr()) {
            case ANGRY -> { inner = 0.07; outer = -0.03; }
            case DETERMINED -> { inner = 0.04; outer = -0.01; }
            case SAD -> { inner = -0.06; outer = 0.03; }
            case AFRAID -> { inner = -0.07; outer = 0.0; }
            case SURPRISED -> { inner = -0.09; outer = -0.07; }
            case HAPPY -> { inner = -0.02; outer = -0.02; }
            default -> { inner = 0; outer = 0; }
        }
        for (int s = -1; s <= 1; s += 2) {
            if (turn >= 1 && s < 0) {
                continue;
            }
            double ex = geo.hx() + s * geo.eyeDx() + shift;
            double ix = ex - s * geo.eyeRx() * 0.9, ox = ex + s * geo.eyeRx() * 1.1;
            Path2D brow = new Path2D.Double();
            brow.moveTo(ox, by + outer);
            brow.quadTo(ex, by + Math.min(inner, outer) - 0.04, ix, by + inner);
            p.stroke(brow, rgb, 1.8);
        }
    }

    private void mouth(Pen p, Pose pose, double mx, double my, double w) {
        Expression e = pose.expr();
        double open = pose.mouth();
        if (isBird()) {
            beak(p, mx, my, open);
            return;
        }
        if (open > 0.05) {
            double mh = (0.05 + 0.1 * open) * (e == Expression.SURPRISED ? 1.3 : 1);
            double mw = w * (e == Expression.HAPPY ? 1.3 : 0.9);
            Shape m;
            if (e == Expression.HAPPY) {
                Path2D d = new Path2D.Double();
                d.moveTo(mx - mw, my - 0.01);
                d.lineTo(mx + mw, my - 0.01);
                d.quadTo(mx, my + 2 * mh, mx - mw, my - 0.01);
                d.closePath();
                m = d;
            } else {
                m = new Ellipse2D.Double(mx - mw * 0.75, my - mh * 0.35, mw * 1.5, mh * 1.35);
            }
            p.fill(m, MOUTH);
            Shape clip = p.g.getClip();
            p.g.clip(m);
            p.fill(new Ellipse2D.Double(mx - mw * 0.6, my + mh * 0.45, mw * 1.2, mh), 0xe0707a);
            p.g.setClip(clip);
            p.stroke(m, INK, 0.9);
            return;
        }
        Path2D m = new Path2D.Double();
        switch (e) {
            case HAPPY -> {
                m.moveTo(mx - w * 1.1, my - 0.02);
                m.quadTo(mx, my + 0.09, mx + w * 1.1, my - 0.02);
            }
            case SAD, ANGRY -> {
                m.moveTo(mx - w * 0.8, my + 0.035);
                m.quadTo(mx, my - 0.05, mx + w * 0.8, my + 0.035);
            }
            case SURPRISED -> {
                Ellipse2D o = new Ellipse2D.Double(mx - w * 0.35, my - 0.03, w * 0.7, 0.09);
                p.fill(o, MOUTH);
                p.stroke(o, INK, 0.8);
                return;
            }
            case AFRAID -> {
                m.moveTo(mx - w, my);
                m.quadTo(mx - w * 0.5, my - 0.04, mx, my);
                m.quadTo(mx + w * 0.5, my + 0.04, mx + w, my);
            }
            case DETERMINED -> {
                m.moveTo(mx - w * 0.9, my + 0.015);
                m.lineTo(mx + w * 0.9, my + 0.015);
            }
            default -> {
                m.moveTo(mx - w * 0.55, my);
                m.quadTo(mx, my + 0.02, mx + w * 0.55, my);
            }
        }
        p.stroke(m, INK, 1.1);
    }

    private boolean isBird() {
        Species s = traits.species();
        return s == Species.PHEASANT || s == Species.SPARROW || s == Species.BIRD;
    }

    private void beak(Pen p, double mx, double my, double open) {
        double gap = 0.09 * open;
        if (gap > 0.005) {
            p.fill(new Ellipse2D.Double(mx - 0.06, my - 0.02, 0.12, 0.06 + gap), MOUTH);
        }
        Path2D upper = new Path2D.Double();
        upper.moveTo(mx - 0.11, my - 0.06);
        upper.lineTo(mx + 0.11, my - 0.06);
        upper.lineTo(mx, my + 0.1 - gap * 0.3);
        upper.closePath();
        Path2D lower = new Path2D.Double();
        lower.moveTo(mx - 0.07, my + 0.02 + gap);
        lower.lineTo(mx + 0.07, my + 0.02 + gap);
        lower.lineTo(mx, my + 0.12 + gap);
        lower.closePath();
        p.paint(lower, Palette.shadow(BEAK, 0.8));
        p.paint(upper, BEAK);
    }

    // ------------------------------------------------------------------ animals

    private void quadruped(Pen p, Pose pose) {
        Palette c = palette;
        Species kind = traits.species();
        double hx = geo.hx(), hy = geo.hy();
        boolean hare = kind == Species.HARE;
        double bodyY = hare ? -0.85 : -0.95;
        // tail behind everything
        Path2D tail = new Path2D.Double();
        switch (kind) {
            case DOG -> {
                tail.moveTo(-0.75, bodyY - 0.1);
                tail.quadTo(-1.2, bodyY - 0.5, -0.95, bodyY - 0.85);
                p.stroke(tail, INK, 5.0);
                p.stroke(tail, c.hair(), 3.2);
            }
            case CAT -> {
                tail.moveTo(-0.75, bodyY);
                tail.curveTo(-1.4, bodyY - 0.1, -1.0, bodyY - 1.0, -1.35, bodyY - 1.3);
                p.stroke(tail, INK, 4.2);
                p.stroke(tail, c.hair(), 2.6);
            }
            case FOX, BADGER -> {
                Ellipse2D brush = new Ellipse2D.Double(-1.55, bodyY - 0.75, 1.0, 0.55);
                Shape rotated = AffineTransform.getRotateInstance(-0.5, -1.05, bodyY - 0.45).createTransformedShape(brush);
                p.fill(rotated, c.hair());
                if (kind == Species.FOX) {
                    p.shade(rotated, new Rectangle2D.Double(-3, bodyY - 3, 1.75, 3), 0xf5f5f5);
                } else {
                    for (int i = 0; i < 3; i++) {
                        p.shade(rotated, new Rectangle2D.Double(-1.45 + i * 0.28, bodyY - 2, 0.1, 3), c.hairShadow());
                    }
                }
                p.outline(rotated);
            }
            case HARE -> p.paint(new Ellipse2D.Double(-0.85, bodyY - 0.3, 0.3, 0.3), 0xf5f5f5);
            default -> { }
        }
        // far legs, body, near legs
        double legH = hare ? 0.55 : 0.95;
        double[] legs = hare ? new double[] {-0.4, 0.35} : new double[] {-0.55, 0.42};
        for (double lx : legs) {
            p.paint(new RoundRectangle2D.Double(lx + 0.12, -legH, 0.2, legH, 0.15, 0.15), c.hairShadow());
        }
        Ellipse2D body = new Ellipse2D.Double(-0.85, bodyY - 0.5, 1.7, 1.0);
        p.fill(body, c.hair());
        p.shade(body, new Rectangle2D.Double(-2, bodyY + 0.25, 4, 2), c.hairShadow());
        p.shade(body, new Ellipse2D.Double(-0.3, bodyY - 0.05, 1.0, 0.6), c.skin());
        p.outline(body);
        for (double lx : legs) {
            RoundRectangle2D leg = new RoundRectangle2D.Double(lx - 0.12, -legH, 0.24, legH, 0.18, 0.18);
            p.paint(leg, c.hair());
            p.paint(new Ellipse2D.Double(lx - 0.15, -0.12, 0.3, 0.14), c.skin());
        }
        // scarf in the outfit colour: the one garment that tells animal characters apart
        Shape scarf = AffineTransform.getRotateInstance(0.35, hx - 0.1, hy + 0.5)
                .createTransformedShape(new RoundRectangle2D.Double(hx - 0.45, hy + 0.38, 0.75, 0.2, 0.12, 0.12));
        p.paint(scarf, c.outfit());
        // ears behind the head
        double ht = pose.view() == View.SIDE ? 0.25 : 0;
        double cx = hx + ht;
        switch (kind) {
            case FOX, CAT -> {
                double ew = kind == Species.FOX ? 0.3 : 0.22, eh = kind == Species.FOX ? 0.55 : 0.4;
                for (int s = -1; s <= 1; s += 2) {
                    Path2D ear = new Path2D.Double();
                    ear.moveTo(cx + s * 0.12, hy - 0.32);
                    ear.lineTo(cx + s * (0.22 + ew * 0.6), hy - 0.3 - eh);
                    ear.lineTo(cx + s * (0.22 + ew), hy - 0.05);
                    ear.closePath();
                    p.paint(ear, c.hair());
                    Path2D inner = new Path2D.Double();
                    inner.moveTo(cx + s * 0.2, hy - 0.3);
                    inner.lineTo(cx + s * (0.22 + ew * 0.6), hy - 0.2 - eh * 0.8);
                    inner.lineTo(cx + s * (0.2 + ew * 0.8), hy - 0.12);
                    inner.closePath();
                    p.fill(inner, kind == Species.FOX ? INK : 0xf4a6c0);
                }
            }
            case HARE -> {
                for (int s = -1; s <= 1; s += 2) {
                    Shape ear = AffineTransform.getRotateInstance(s * 0.18, cx + s * 0.18, hy - 0.3)
                            .createTransformedShape(new Ellipse2D.Double(cx + s * 0.18 - 0.13, hy - 1.35, 0.26, 1.1));
                    p.paint(ear, c.hair());
                    p.shade(ear, new Rectangle2D.Double(cx + s * 0.18 - 0.05, hy - 1.3, 0.1, 0.9), 0xf4a6c0);
                }
            }
            case BADGER -> {
                for (int s = -1; s <= 1; s += 2) {
                    p.paint(new Ellipse2D.Double(cx + s * 0.33 - 0.12, hy - 0.5, 0.24, 0.24), c.hairShadow());
                }
            }
            default -> { }
        }
        Area head = new Area(new Ellipse2D.Double(cx - 0.5, hy - 0.47, 1.0, 0.92));
        if (kind == Species.FOX) {
            for (int s = -1; s <= 1; s += 2) {
                Path2D cheek = new Path2D.Double();
                cheek.moveTo(cx + s * 0.4, hy);
                cheek.lineTo(cx + s * 0.62, hy + 0.2);
                cheek.lineTo(cx + s * 0.3, hy + 0.3);
                cheek.closePath();
                head.add(new Area(cheek));
            }
        }
        p.fill(head, c.hair());
        p.shade(head, new Rectangle2D.Double(cx + 0.25, hy - 1, 2, 2), c.hairShadow());
        if (!pose.back()) {
            double mxo = 0.1 * pose.turn();
            p.shade(head, new Ellipse2D.Double(cx + mxo - 0.3, hy + 0.02, 0.6, 0.45), c.skin());
            if (kind == Species.BADGER) {
                for (int s = -1; s <= 1; s += 2) {
                    p.shade(head, new Ellipse2D.Double(cx + s * geo.eyeDx() - 0.17, geo.eyeY() - 0.14, 0.34, 0.3), Palette.mix(INK, c.hair(), 0.3));
                }
            }
        }
        p.outline(head);
        if (kind == Species.DOG) {
            for (int s = -1; s <= 1; s += 2) {
                Shape ear = AffineTransform.getRotateInstance(s * -0.3, cx + s * 0.45, hy - 0.3)
                        .createTransformedShape(new Ellipse2D.Double(cx + s * 0.45 - 0.14, hy - 0.35, 0.28, 0.6));
                p.paint(ear, c.hairShadow());
            }
        }
        if (!pose.back()) {
            face(p, pose, cx, false);
            double nx = geo.hx() + 0.12 * pose.turn() + ht;
            p.paint(new Ellipse2D.Double(nx - 0.07, hy + 0.09, 0.14, 0.09), INK);
            if (kind == Species.CAT || kind == Species.FOX) {
                for (int s = -1; s <= 1; s += 2) {
                    for (int i = 0; i < 2; i++) {
                        p.stroke(new Line2D.Double(nx + s * 0.22, hy + 0.17 + i * 0.06, nx + s * 0.5, hy + 0.12 + i * 0.1), INK, 0.5);
                    }
                }
            }
            brows(p, pose, INK);
        }
    }

    private void bird(Pen p, Pose pose) {
        Palette c = palette;
        Species kind = traits.species();
        double hx = geo.hx(), hy = geo.hy();
        if (kind == Species.PHEASANT) {
            for (int i = 0; i < 3; i++) {
                Path2D feather = new Path2D.Double();
                feather.moveTo(-0.3, -0.7 - i * 0.05);
                feather.quadTo(-1.2, -0.3 - i * 0.25, -2.0 + i * 0.15, -0.1 - i * 0.35);
                p.stroke(feather, INK, 7.0 - i);
                p.stroke(feather, i == 1 ? c.accent() : c.hairShadow(), 5.2 - i);
            }
        } else {
            Path2D fan = new Path2D.Double();
            fan.moveTo(-0.4, -0.7);
            fan.lineTo(-1.0, -0.55);
            fan.lineTo(-0.95, -0.25);
            fan.lineTo(-0.35, -0.45);
            fan.closePath();
            p.paint(fan, c.hairShadow());
        }
        for (int s = -1; s <= 1; s += 2) {
            p.stroke(new Line2D.Double(s * 0.15, -0.2, s * 0.15, 0), BEAK, 1.6);
            p.stroke(new Line2D.Double(s * 0.15, 0, s * 0.15 + 0.12, 0), BEAK, 1.6);
        }
        Ellipse2D body = new Ellipse2D.Double(-0.6, -1.62, 1.2, 1.55);
        p.fill(body, c.hair());
        p.shade(body, new Ellipse2D.Double(-0.42, -1.15, 0.84, 1.1), c.skin());
        p.outline(body);
        for (int s = -1; s <= 1; s += 2) {
            Shape wing = AffineTransform.getRotateInstance(s * -0.25, s * 0.45, -0.75)
                    .createTransformedShape(new Ellipse2D.Double(s * 0.45 - 0.2, -1.2, 0.4, 0.85));
            p.paint(wing, c.hairShadow());
        }
        double cx = hx + (pose.view() == View.SIDE ? 0.15 : 0);
        Ellipse2D head = new Ellipse2D.Double(cx - 0.45, hy - 0.45, 0.9, 0.9);
        p.fill(head, c.hair());
        if (kind == Species.SPARROW) {
            p.shade(head, new Rectangle2D.Double(cx - 1, hy - 1, 2, 0.82), Palette.mix(c.hair(), 0x6e4628, 0.5));
            if (!pose.back()) {
                for (int s = -1; s <= 1; s += 2) {
                    p.shade(head, new Ellipse2D.Double(cx + s * 0.3 - 0.16, hy + 0.05, 0.32, 0.28), 0xf5f5f0);
                    p.shade(head, new Ellipse2D.Double(cx + s * 0.34 - 0.06, hy + 0.14, 0.12, 0.1), INK);
                }
            }
        }
        if (kind == Species.PHEASANT && !pose.back()) {
            for (int s = -1; s <= 1; s += 2) {
                p.shade(head, new Ellipse2D.Double(cx + s * geo.eyeDx() - 0.17, geo.eyeY() - 0.2, 0.34, 0.38), 0xc8283c);
            }
        }
        p.outline(head);
        if (!pose.back()) {
            face(p, pose, cx, false);
            brows(p, pose, INK);
        }
    }

    private void crab(Pen p, Pose pose) {
        Palette c = palette;
        for (int s = -1; s <= 1; s += 2) {
            for (int i = 0; i < 3; i++) {
                Path2D leg = new Path2D.Double();
                leg.moveTo(s * (0.5 + i * 0.15), -0.6);
                leg.lineTo(s * (1.0 + i * 0.12), -0.55 + i * 0.05);
                leg.lineTo(s * (1.1 + i * 0.14), 0);
                p.stroke(leg, INK, 3.6);
                p.stroke(leg, c.hairShadow(), 2.2);
            }
            p.stroke(new Line2D.Double(s * 0.7, -0.85, s * 1.1, -1.25), INK, 3.6);
            p.stroke(new Line2D.Double(s * 0.7, -0.85, s * 1.1, -1.25), c.hair(), 2.2);
            Area claw = new Area(new Ellipse2D.Double(s * 1.2 - 0.3, -1.75, 0.6, 0.55));
            Path2D notch = new Path2D.Double();
            notch.moveTo(s * 1.2, -1.48);
            notch.lineTo(s * 1.55, -1.78);
            notch.lineTo(s * 1.55, -1.55);
            notch.closePath();
            claw.subtract(new Area(notch));
            p.fill(claw, c.hair());
            p.shade(claw, new Rectangle2D.Double(-3, -1.4, 6, 1), c.hairShadow());
            p.outline(claw);
            p.stroke(new Line2D.Double(s * 0.28, -1.2, s * 0.3, -1.5), INK, 3.2);
            p.stroke(new Line2D.Double(s * 0.28, -1.2, s * 0.3, -1.5), c.hair(), 1.8);
            p.paint(new Ellipse2D.Double(s * geo.eyeDx() - 0.2, geo.eyeY() - 0.2, 0.4, 0.4), 0xffffff);
        }
        Ellipse2D body = new Ellipse2D.Double(-1.0, -1.25, 2.0, 1.0);
        p.fill(body, c.hair());
        p.shade(body, new Rectangle2D.Double(-2, -0.5, 4, 1), c.hairShadow());
        p.outline(body);
        Shape scarf = new RoundRectangle2D.Double(-0.5, -0.95, 1.0, 0.16, 0.1, 0.1);
        p.paint(scarf, c.outfit());
        if (!pose.back()) {
            Pose front = new Pose(View.FRONT, pose.expr(), pose.blink(), pose.mouth());
            face(p, front, 0, false);
            brows(p, front, INK);
        }
    }

    private void turtle(Pen p, Pose pose) {
        Palette c = palette;
        for (int s = -1; s <= 1; s += 2) {
            p.paint(new Ellipse2D.Double(s * 0.65 - 0.25, -0.3, 0.5, 0.3), c.skin());
        }
        Path2D shell = new Path2D.Double();
        shell.moveTo(-1.05, -0.4);
        shell.curveTo(-1.0, -1.75, 1.0, -1.75, 1.05, -0.4);
        shell.closePath();
        p.fill(shell, c.hair());
        p.shade(shell, new Rectangle2D.Double(0.35, -3, 2, 3), c.hairShadow());
        double[][] hex = new double[6][2];
        for (int i = 0; i < 6; i++) {
            double a = i * Math.PI / 3;
            hex[i][0] = 0.05 + Math.cos(a) * 0.3;
            hex[i][1] = -0.88 + Math.sin(a) * 0.22;
        }
        Path2D pattern = new Path2D.Double();
        pattern.moveTo(hex[0][0], hex[0][1]);
        for (int i = 1; i < 6; i++) {
            pattern.lineTo(hex[i][0], hex[i][1]);
        }
        pattern.closePath();
        for (int i = 0; i < 6; i += 2) {
            pattern.moveTo(hex[i][0], hex[i][1]);
            pattern.lineTo(hex[i][0] + (hex[i][0] - 0.05) * 1.6, hex[i][1] + (hex[i][1] + 0.88) * 1.6);
        }
        Shape clip = p.g.getClip();
        p.g.clip(shell);
        p.stroke(pattern, c.hairShadow(), 1.4);
        p.g.setClip(clip);
        p.outline(shell);
        p.paint(new RoundRectangle2D.Double(-1.1, -0.5, 2.2, 0.2, 0.15, 0.15), c.outfit());
        double cx = geo.hx();
        Path2D neck = new Path2D.Double();
        neck.moveTo(0.75, -0.5);
        neck.quadTo(0.9, -0.9, cx, geo.hy());
        p.stroke(neck, INK, 7.0);
        p.stroke(neck, c.skin(), 5.4);
        Ellipse2D head = new Ellipse2D.Double(cx - 0.42, geo.hy() - 0.4, 0.84, 0.76);
        p.fill(head, c.skin());
        p.shade(head, new Rectangle2D.Double(cx + 0.2, -3, 1, 3), Palette.shadow(c.skin(), 0.85));
        p.outline(head);
        if (!pose.back()) {
            face(p, pose, cx, false);
            brows(p, pose, INK);
        }
    }

    private void fish(Pen p, Pose pose) {
        Palette c = palette;
        Path2D tail = new Path2D.Double();
        tail.moveTo(-0.8, -1.25);
        tail.lineTo(-1.5, -1.7);
        tail.quadTo(-1.3, -1.25, -1.5, -0.8);
        tail.closePath();
        p.paint(tail, c.hairShadow());
        Path2D fin = new Path2D.Double();
        fin.moveTo(-0.4, -1.7);
        fin.quadTo(0.0, -2.2, 0.3, -1.72);
        fin.closePath();
        p.paint(fin, c.hairShadow());
        Ellipse2D body = new Ellipse2D.Double(-1.05, -1.8, 2.1, 1.1);
        p.fill(body, c.hair());
        p.shade(body, new Ellipse2D.Double(-0.8, -1.2, 1.8, 0.7), c.skin());
        p.outline(body);
        p.paint(AffineTransform.getRotateInstance(0.5, 0.0, -1.1).createTransformedShape(new Ellipse2D.Double(-0.2, -1.2, 0.4, 0.2)), c.outfit());
        if (!pose.back()) {
            face(p, pose, geo.hx(), false);
            brows(p, pose, INK);
        }
        for (int i = 0; i < 3; i++) {
            p.stroke(new Ellipse2D.Double(1.1 + i * 0.12, -2.0 - i * 0.3, 0.1 + i * 0.03, 0.1 + i * 0.03), 0xffffff, 0.7);
        }
    }

    private void dragon(Pen p, Pose pose) {
        Palette c = palette;
        Path2D body = new Path2D.Double();
        body.moveTo(-0.8, -0.2);
        body.quadTo(1.3, -0.4, 0.6, -1.0);
        body.quadTo(-0.9, -1.6, -0.3, -2.3);
        body.quadTo(0.3, -2.8, 0.35, -3.0);
        p.stroke(body, INK, 17.5);
        p.stroke(body, c.hair(), 15.5);
        // mane spikes along the back of the body
        for (int i = 0; i < 6; i++) {
            double t = i / 6.0;
            double x = -0.8 + t * 1.3, y = -0.45 - t * 2.5;
            Path2D spike = new Path2D.Double();
            spike.moveTo(x - 0.08, y);
            spike.lineTo(x - 0.25, y - 0.2);
            spike.lineTo(x + 0.05, y - 0.08);
            spike.closePath();
            p.paint(spike, c.hairShadow());
        }
        double cx = geo.hx(), hy = geo.hy();
        for (int s = -1; s <= 1; s += 2) {
            Path2D horn = new Path2D.Double();
            horn.moveTo(cx + s * 0.2, hy - 0.35);
            horn.quadTo(cx + s * 0.35, hy - 0.9, cx + s * 0.6, hy - 1.0);
            horn.moveTo(cx + s * 0.3, hy - 0.65);
            horn.lineTo(cx + s * 0.5, hy - 0.65);
            p.stroke(horn, INK, 4.0);
            p.stroke(horn, c.accent(), 2.4);
        }
        Area head = new Area(new Ellipse2D.Double(cx - 0.55, hy - 0.5, 1.1, 0.95));
        head.add(new Area(new RoundRectangle2D.Double(cx - 0.38, hy, 0.76, 0.5, 0.3, 0.3)));
        p.fill(head, c.hair());
        p.shade(head, new Rectangle2D.Double(cx - 1, hy + 0.12, 2, 1), c.skin());
        p.outline(head);
        for (int s = -1; s <= 1; s += 2) {
            Path2D whisker = new Path2D.Double();
            whisker.moveTo(cx + s * 0.3, hy + 0.3);
            whisker.curveTo(cx + s * 0.9, hy + 0.2, cx + s * 0.8, hy + 0.9, cx + s * 1.3, hy + 0.8);
            p.stroke(whisker, c.accent(), 1.2);
        }
        if (!pose.back()) {
            face(p, pose, cx, false);
            brows(p, pose, INK);
        }
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
