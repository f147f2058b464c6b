package dev.tsuzuku.render;

import static dev.tsuzuku.render.Pen.INK;

import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/** Fish: tail, fin, body and bubbles. */
final class FishBody extends BodyPlan {
    FishBody(Figure f) {
        super(f);
    }

    @Override
    void draw(Pen p, Pose pose) {
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
}
