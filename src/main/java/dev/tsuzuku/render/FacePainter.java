package dev.tsuzuku.render;

import static dev.tsuzuku.render.Pen.BEAK;
import static dev.tsuzuku.render.Pen.INK;
import static dev.tsuzuku.render.Pen.MOUTH;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/**
 * Eyes, brows, mouth (or beak) and expression marks, shared by every body plan: where they sit
 * comes from the figure's {@link Proportions}, how they look from the {@link Pose}.
 */
final class FacePainter {
    private final Palette palette;
    private final CharacterModel.Traits traits;
    private final Proportions geo;

    FacePainter(Palette palette, CharacterModel.Traits traits, Proportions geo) {
        this.palette = palette;
        this.traits = traits;
        this.geo = geo;
    }

    /** Eyes and mouth for a head centred on x = cx; the mouth is skipped when a beard draws it later. */
    void face(Pen p, Pose pose, double cx, boolean blush) {
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
        p.g.setPaint(new GradientPaint((float) icx, (float) (icy - iry), new Color(Palette.shadow(eyes, 0.45)),
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

    /** Both brows (the far one hidden in profile) in {@code rgb}, tilted by the expression. */
    void brows(Pen p, Pose pose, int rgb) {
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

    /** The mouth at (mx, my), {@code w} wide, shaped by the expression and opened by the pose; birds get a beak. */
    void mouth(Pen p, Pose pose, double mx, double my, double w) {
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
}
