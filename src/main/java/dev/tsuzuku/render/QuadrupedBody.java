package dev.tsuzuku.render;

import static dev.tsuzuku.render.Pen.INK;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Dog, fox, cat, badger and hare: tail, four legs, a scarf in the outfit colour, ears by kind. */
final class QuadrupedBody extends BodyPlan {
    QuadrupedBody(Figure f) {
        super(f);
    }

    @Override
    void draw(Pen p, Pose pose) {
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
}
