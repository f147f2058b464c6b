package dev.tsuzuku.render;

import static dev.tsuzuku.render.Pen.INK;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** The turtle: a patterned shell and a head on a long neck. */
final class TurtleBody extends BodyPlan {
    TurtleBody(Figure f) {
        super(f);
    }

    @Override
    void draw(Pen p, Pose pose) {
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
}
