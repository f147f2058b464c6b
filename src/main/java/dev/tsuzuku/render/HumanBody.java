package dev.tsuzuku.render;

import static dev.tsuzuku.render.Pen.GOLD;
import static dev.tsuzuku.render.Pen.INK;
import static dev.tsuzuku.render.Pen.STRAW;

import dev.tsuzuku.render.CharacterModel.Hairstyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** People (and the monkey, who stands like one): robe, sleeves, hair front and back, beard, hat or crown. */
final class HumanBody extends BodyPlan {
    HumanBody(Figure f) {
        super(f);
    }

    @Override
    void draw(Pen p, Pose pose) {
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

        if (!monkey && era != Era.JAPANESE_PERIOD) {
            backHair(p, pose);
            new Costume(c, traits, geo, era).draw(p, pose);
            head(p, pose, false);
            return;
        }
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
                if (era != Era.JAPANESE_PERIOD && traits.species() == Species.HUMAN) {
                    if (era == Era.WESTERN_PERIOD) {
                        topHat(p, hy);
                    } else {
                        cap(p, hy);
                    }
                    return;
                }
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

    /** The western period's hat: a tall black silk topper with a band, worn high like the straw hat. */
    private void topHat(Pen p, double hy) {
        Rectangle2D crown = new Rectangle2D.Double(-0.36, hy - 1.2, 0.72, 0.78);
        p.paint(crown, 0x1e1c22);
        p.fill(new Rectangle2D.Double(-0.36, hy - 0.6, 0.72, 0.12), palette.accent());
        p.translucent(new Rectangle2D.Double(-0.26, hy - 1.16, 0.1, 0.6), 0xffffff, 60);
        p.paint(new Ellipse2D.Double(-0.62, hy - 0.5, 1.24, 0.18), 0x1e1c22);
    }

    /** Today's hat: a soft cap with a peak over the brow. */
    private void cap(Pen p, double hy) {
        Path2D cap = new Path2D.Double();
        cap.moveTo(-0.5, hy - 0.3);
        cap.curveTo(-0.52, hy - 0.92, 0.52, hy - 0.92, 0.5, hy - 0.3);
        cap.closePath();
        p.paint(cap, palette.accent());
        p.shade(cap, new Rectangle2D.Double(0.12, hy - 2, 2, 3), Palette.shadow(palette.accent(), 0.78));
        Path2D peak = new Path2D.Double();
        peak.moveTo(-0.1, hy - 0.34);
        peak.quadTo(0.4, hy - 0.42, 0.78, hy - 0.28);
        peak.quadTo(0.4, hy - 0.22, -0.1, hy - 0.28);
        peak.closePath();
        p.paint(peak, Palette.shadow(palette.accent(), 0.7));
    }
}
