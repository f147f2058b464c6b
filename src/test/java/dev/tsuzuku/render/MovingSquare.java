package dev.tsuzuku.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** A test picture: a background hue per second and a white square sliding across it. */
record MovingSquare(int width, int height, int frameCount, float hue) implements FrameSource {

    static MovingSquare of(int frames) {
        return new MovingSquare(1080, 1920, frames, 0.6f);
    }

    @Override
    public void render(int index, BufferedImage target) {
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.getHSBColor(hue + index / 30 * 0.1f, 0.5f, 0.8f));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            int side = width / 6;
            int x = (index * 17) % (width - side);
            g.fillRect(x, height / 2 - side / 2, side, side);
        } finally {
            g.dispose();
        }
    }
}
