package dev.tsuzuku.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;

/** Fill-and-outline drawing in unit space with one line weight: the clean anime line. */
final class Pen {
    /** The outline colour of every figure; the others are the fixed colours of hats, crowns, beaks and mouths. */
    static final int INK = 0x1e1428;
    static final int STRAW = 0xd9b56a;
    static final int GOLD = 0xe6be3c;
    static final int BEAK = 0xf0a830;
    static final int MOUTH = 0x7a1e2a;

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
