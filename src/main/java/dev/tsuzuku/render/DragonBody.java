package dev.tsuzuku.render;

import static dev.tsuzuku.render.Pen.INK;

import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** The dragon: a coiled body with a spiked back, horns and whiskers. */
final class DragonBody extends BodyPlan {
    DragonBody(Figure f) {
        super(f);
    }

    @Override
    void draw(Pen p, Pose pose) {
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
}
