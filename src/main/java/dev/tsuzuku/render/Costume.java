package dev.tsuzuku.render;

import static dev.tsuzuku.render.Pen.GOLD;
import static dev.tsuzuku.render.Pen.INK;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * What a person wears below the head in the western period and modern eras (the kimono of the
 * Japanese period stays in {@link HumanBody}): a frock coat over waistcoat and trousers or a long
 * dress with a high collar; a jacket over a shirt with jeans and trainers. Drawn in head units with
 * the feet at the origin, like every {@link BodyPlan}; the palette's outfit colour is the coat,
 * dress or jacket and its accent the waistcoat, sash or shirt.
 */
final class Costume {
    static final int TROUSERS = 0x35333d;
    static final int JEANS = 0x3f5f8f;
    static final int LINEN = 0xf8f5ec;

    private final Palette c;
    private final CharacterModel.Traits traits;
    private final Proportions geo;
    private final Era era;

    Costume(Palette c, CharacterModel.Traits traits, Proportions geo, Era era) {
        this.c = c;
        this.traits = traits;
        this.geo = geo;
        this.era = era;
    }

    void draw(Pen p, Pose pose) {
        double hy = geo.hy();
        double turn = pose.turn();
        double shoulderY = hy + 0.6;
        double sw = (traits.child() ? 0.5 : 0.6) * traits.build() * (1 - 0.3 * turn);
        double hemY = traits.feminine() ? -0.08 : -0.16;
        double waistY = shoulderY + (hemY - shoulderY) * 0.36;
        double fx = 0.08 * turn;
        boolean dress = era == Era.WESTERN_PERIOD && traits.feminine();
        if (!dress) {
            int legs = era == Era.MODERN ? JEANS : TROUSERS;
            for (int s = -1; s <= 1; s += 2) {
                Rectangle2D leg = new Rectangle2D.Double(s * 0.19 - 0.12 + fx, waistY, 0.24, -0.1 - waistY);
                p.fill(leg, legs);
                p.shade(leg, new Rectangle2D.Double(s * 0.19 + 0.04 + fx, waistY, 1, 10), Palette.shadow(legs, 0.78));
                p.outline(leg);
            }
        }
        for (int s = -1; s <= 1; s += 2) {
            if (era == Era.MODERN) {
                p.paint(new Ellipse2D.Double(s * 0.2 - 0.17 + fx, -0.16, 0.34, 0.17), 0xf2f2f2);
                p.stroke(new Line2D.Double(s * 0.2 - 0.15 + fx, -0.02, s * 0.2 + 0.15 + fx, -0.02), 0x9aa4b0, 1.6);
            } else {
                p.paint(new Ellipse2D.Double(s * 0.18 - 0.14 + fx, -0.13, 0.28, 0.13), 0x1e1a1a);
            }
        }
        Rectangle2D neck = new Rectangle2D.Double(-0.1 + fx * 0.5, hy + 0.32, 0.2, 0.4);
        p.paint(neck, c.skin());
        p.fill(new Rectangle2D.Double(-0.09 + fx * 0.5, hy + 0.36, 0.18, 0.1), c.skinShadow());
        if (dress) {
            longDress(p, pose, shoulderY, sw, waistY, fx);
        } else if (era == Era.MODERN) {
            jacketAndShirt(p, pose, shoulderY, sw, waistY, fx);
        } else {
            frockCoat(p, pose, shoulderY, sw, waistY, fx);
        }
        sleeves(p, pose, shoulderY, sw, waistY, dress);
    }

    private Path2D shoulders(double shoulderY, double sw) {
        Path2D t = new Path2D.Double();
        t.moveTo(-sw, shoulderY + 0.14);
        t.quadTo(-sw, shoulderY, -sw + 0.18, shoulderY);
        t.lineTo(sw - 0.18, shoulderY);
        t.quadTo(sw, shoulderY, sw, shoulderY + 0.14);
        return t;
    }

    /** A knee-length coat, open over a waistcoat, a white shirt and a dark cravat. */
    private void frockCoat(Pen p, Pose pose, double shoulderY, double sw, double waistY, double fx) {
        double kneeY = waistY * 0.45;
        Path2D coat = shoulders(shoulderY, sw);
        coat.lineTo(sw * 0.9, waistY);
        coat.lineTo(sw * 1.08, kneeY);
        coat.lineTo(-sw * 1.08, kneeY);
        coat.lineTo(-sw * 0.9, waistY);
        coat.closePath();
        p.fill(coat, c.outfit());
        p.shade(coat, new Rectangle2D.Double(sw * 0.38, shoulderY - 1, 5, 10), c.outfitShadow());
        if (!pose.back()) {
            Path2D gap = new Path2D.Double();
            gap.moveTo(fx, waistY + 0.18);
            gap.lineTo(0.24 + fx, kneeY + 0.02);
            gap.lineTo(-0.2 + fx, kneeY + 0.02);
            gap.closePath();
            p.fill(gap, TROUSERS);
            Path2D vest = new Path2D.Double();
            vest.moveTo(-0.21 + fx, shoulderY);
            vest.lineTo(0.21 + fx, shoulderY);
            vest.lineTo(0.21 + fx, waistY + 0.14);
            vest.lineTo(fx, waistY + 0.26);
            vest.lineTo(-0.21 + fx, waistY + 0.14);
            vest.closePath();
            p.paint(vest, c.accent());
            Path2D shirt = new Path2D.Double();
            shirt.moveTo(-0.13 + fx, shoulderY - 0.02);
            shirt.lineTo(0.13 + fx, shoulderY - 0.02);
            shirt.lineTo(fx, shoulderY + 0.36);
            shirt.closePath();
            p.fill(shirt, LINEN);
            Path2D bow = new Path2D.Double();
            bow.moveTo(fx, shoulderY + 0.08);
            bow.lineTo(-0.12 + fx, shoulderY + 0.01);
            bow.lineTo(-0.12 + fx, shoulderY + 0.15);
            bow.closePath();
            bow.moveTo(fx, shoulderY + 0.08);
            bow.lineTo(0.12 + fx, shoulderY + 0.01);
            bow.lineTo(0.12 + fx, shoulderY + 0.15);
            bow.closePath();
            p.fill(bow, 0x2a2430);
            for (int i = 0; i < 3; i++) {
                p.fill(new Ellipse2D.Double(fx - 0.035, shoulderY + 0.46 + i * 0.17, 0.07, 0.07), GOLD);
            }
            for (int s = -1; s <= 1; s += 2) {
                Path2D lapel = new Path2D.Double();
                lapel.moveTo(s * 0.21 + fx, shoulderY);
                lapel.lineTo(s * 0.3 + fx, shoulderY + 0.36);
                lapel.lineTo(s * 0.2 + fx, shoulderY + 0.5);
                lapel.closePath();
                p.paint(lapel, c.outfitShadow());
                p.stroke(new Line2D.Double(s * 0.21 + fx, shoulderY + 0.5, s * 0.21 + fx, waistY + 0.14), INK, 0.7);
            }
            p.stroke(new Line2D.Double(fx, waistY + 0.18, 0.24 + fx, kneeY), INK, 0.7);
            p.stroke(new Line2D.Double(fx, waistY + 0.18, -0.2 + fx, kneeY), INK, 0.7);
        }
        p.outline(coat);
    }

    /** A fitted bodice with a high lace collar, a sash and a full skirt to the floor. */
    private void longDress(Pen p, Pose pose, double shoulderY, double sw, double waistY, double fx) {
        double hem = -0.04;
        double hemW = sw * 1.7;
        Path2D dress = shoulders(shoulderY, sw);
        dress.lineTo(sw * 0.6, waistY);
        dress.quadTo(sw * 0.95, waistY + (hem - waistY) * 0.45, hemW, hem);
        dress.quadTo(0, hem + 0.08, -hemW, hem);
        dress.quadTo(-sw * 0.95, waistY + (hem - waistY) * 0.45, -sw * 0.6, waistY);
        dress.closePath();
        p.fill(dress, c.outfit());
        p.shade(dress, new Rectangle2D.Double(sw * 0.3, shoulderY - 1, 5, 10), c.outfitShadow());
        for (int i = -2; i <= 2; i++) {
            p.stroke(new Line2D.Double(i * sw * 0.12 + fx, waistY + 0.3, i * hemW * 0.4, hem - 0.06), c.outfitShadow(), 1.4);
        }
        p.shade(dress, new Rectangle2D.Double(-3, waistY - 0.09, 6, 0.18), c.accent());
        if (!pose.back()) {
            p.stroke(new Line2D.Double(fx, shoulderY + 0.08, fx, waistY - 0.1), LINEN, 1.6);
            for (int i = 0; i < 4; i++) {
                p.fill(new Ellipse2D.Double(fx - 0.03, shoulderY + 0.2 + i * 0.16, 0.06, 0.06), LINEN);
            }
            p.paint(new RoundRectangle2D.Double(-0.14 + fx * 0.5, shoulderY - 0.2, 0.28, 0.24, 0.08, 0.08), LINEN);
            p.paint(new Ellipse2D.Double(fx * 0.5 - 0.05, shoulderY + 0.0, 0.1, 0.1), c.accent());
        }
        p.outline(dress);
    }

    /** An open jacket to the hip over a light shirt. */
    private void jacketAndShirt(Pen p, Pose pose, double shoulderY, double sw, double waistY, double fx) {
        double hipY = waistY + 0.32;
        int shirt = Palette.mix(c.accent(), 0xffffff, 0.55);
        Path2D body = shoulders(shoulderY, sw);
        body.lineTo(sw * 0.92, hipY);
        body.lineTo(-sw * 0.92, hipY);
        body.closePath();
        p.fill(body, pose.back() ? c.outfit() : shirt);
        if (!pose.back()) {
            p.fill(new Ellipse2D.Double(-0.12 + fx, shoulderY - 0.08, 0.24, 0.18), c.skin());
            p.stroke(new Line2D.Double(-0.22 + fx, hipY - 0.2, 0.22 + fx, hipY - 0.2), Palette.shadow(shirt, 0.85), 0.8);
            for (int s = -1; s <= 1; s += 2) {
                Path2D panel = new Path2D.Double();
                panel.moveTo(s * sw, shoulderY + 0.14);
                panel.quadTo(s * sw, shoulderY, s * (sw - 0.18), shoulderY);
                panel.lineTo(s * 0.15 + fx, shoulderY);
                panel.lineTo(s * 0.12 + fx, hipY + 0.04);
                panel.lineTo(s * sw * 0.95, hipY + 0.04);
                panel.closePath();
                p.fill(panel, s > 0 ? c.outfitShadow() : c.outfit());
                p.outline(panel);
                Path2D lapel = new Path2D.Double();
                lapel.moveTo(s * 0.15 + fx, shoulderY);
                lapel.lineTo(s * 0.3 + fx, shoulderY + 0.28);
                lapel.lineTo(s * 0.14 + fx, shoulderY + 0.42);
                p.stroke(lapel, INK, 0.7);
            }
        }
        p.outline(body);
    }

    /** Narrow sleeves to the wrist (puffed at the shoulder on a dress), and the hands. */
    private void sleeves(Pen p, Pose pose, double shoulderY, double sw, double waistY, boolean dress) {
        for (int s = -1; s <= 1; s += 2) {
            if (pose.view() == View.SIDE && s < 0) {
                continue;
            }
            double sx = s * (sw - 0.04) + (pose.view() == View.SIDE ? 0.05 : 0);
            if (dress) {
                p.paint(new Ellipse2D.Double(sx - 0.17, shoulderY - 0.06, 0.34, 0.3), s > 0 ? c.outfitShadow() : c.outfit());
            }
            Path2D sleeve = new Path2D.Double();
            sleeve.moveTo(sx, shoulderY + 0.04);
            sleeve.quadTo(sx + s * 0.17, shoulderY + 0.08, sx + s * 0.19, waistY + 0.1);
            sleeve.lineTo(sx + s * 0.19, waistY + 0.3);
            sleeve.lineTo(sx - s * 0.01, waistY + 0.3);
            sleeve.lineTo(sx - s * 0.08, shoulderY + 0.4);
            sleeve.closePath();
            p.fill(sleeve, s > 0 ? c.outfitShadow() : c.outfit());
            p.outline(sleeve);
            if (era == Era.WESTERN_PERIOD) {
                p.stroke(new Line2D.Double(sx - s * 0.01, waistY + 0.3, sx + s * 0.19, waistY + 0.3), LINEN, 2.2);
            }
            p.paint(new Ellipse2D.Double(sx + s * 0.09 - 0.1, waistY + 0.3, 0.2, 0.2), c.skin());
        }
    }
}
