package dev.tsuzuku.render;

import static dev.tsuzuku.render.Pen.INK;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** The crab: legs, claws on stalks, eyes on stalks, always drawn face-on. */
final class CrabBody extends BodyPlan {
    CrabBody(Figure f) {
        super(f);
    }

    @Override
    void draw(Pen p, Pose pose) {
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
}
