package dev.tsuzuku.produce;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.render.FrameSource;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A keyframe moved by the animatic's camera: the still is scaled to cover the frame and pushed
 * in, pulled out, panned, tilted or shaken over the shot's frames. Deterministic: the same
 * image, move and frame give the same pixels.
 */
final class KeyframeMotion implements FrameSource {
    /** How far a move travels over a shot: 10% of zoom, or 10% of the frame. */
    private static final double TRAVEL = 0.10;

    private final BufferedImage still;
    private final CameraMove move;
    private final int width;
    private final int height;
    private final int frames;

    KeyframeMotion(BufferedImage still, CameraMove move, int width, int height, int frames) {
        this.still = still;
        this.move = move == null ? CameraMove.STATIC : move;
        this.width = width;
        this.height = height;
        this.frames = frames;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int frameCount() {
        return frames;
    }

    @Override
    public void render(int index, BufferedImage target) {
        double t = frames <= 1 ? 0 : (double) index / (frames - 1);
        double cover = Math.max((double) width / still.getWidth(), (double) height / still.getHeight());
        double zoom = 1 + TRAVEL;
        double dx = 0;
        double dy = 0;
        switch (move) {
            case PUSH_IN -> zoom = 1 + TRAVEL * t;
            case PULL_OUT -> zoom = 1 + TRAVEL * (1 - t);
            case PAN -> dx = (t - 0.5) * TRAVEL * width;
            case TILT -> dy = (t - 0.5) * TRAVEL * height;
            case SHAKE -> {
                dx = Math.sin(index * 2.1) * 0.01 * width;
                dy = Math.cos(index * 1.7) * 0.01 * height;
            }
            default -> zoom = 1 + TRAVEL / 2;
        }
        double scale = cover * zoom;
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.BLACK);
            g.fillRect(0, 0, width, height);
            AffineTransform at = new AffineTransform();
            at.translate(width / 2.0 - dx, height / 2.0 - dy);
            at.scale(scale, scale);
            at.translate(-still.getWidth() / 2.0, -still.getHeight() / 2.0);
            g.drawImage(still, at, null);
        } finally {
            g.dispose();
        }
    }
}
