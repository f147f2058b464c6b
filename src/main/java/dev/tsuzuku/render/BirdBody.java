package dev.tsuzuku.render;

import static dev.tsuzuku.render.Pen.BEAK;
import static dev.tsuzuku.render.Pen.INK;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Pheasant, sparrow and other birds: tail feathers or fan, legs, round body, wings. */
final class BirdBody extends BodyPlan {
    BirdBody(Figure f) {
        super(f);
    }

    @Override
    void draw(Pen p, Pose pose) {
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
}
