package dev.tsuzuku.render;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** A pre-rendered premultiplied ARGB layer and where it goes in the frame. */
record Sprite(int[] argb, int width, int height, int x, int y) {

    Rectangle bounds() {
        return new Rectangle(x, y, width, height);
    }

    /** A transparent canvas of the given bounds, painted by {@code painter} in frame coordinates. */
    static Sprite paint(Rectangle bounds, java.util.function.Consumer<Graphics2D> painter) {
        BufferedImage img = new BufferedImage(Math.max(1, bounds.width), Math.max(1, bounds.height), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.translate(-bounds.x, -bounds.y);
        painter.accept(g);
        g.dispose();
        return new Sprite(Pixels.argb(img), img.getWidth(), img.getHeight(), bounds.x, bounds.y);
    }
}
