package dev.tsuzuku.render;

import java.awt.image.BufferedImage;

/**
 * A run of video frames drawn on demand into a caller-owned image (TYPE_3BYTE_BGR, so the encoder
 * reads the raster bytes directly and converts them to yuv420p with {@link Yuv420}). Implementations
 * must be deterministic: the same frame index always gives the same pixels.
 */
public interface FrameSource {

    int width();

    int height();

    int frameCount();

    /** Draws frame {@code index} (0-based, within this source) into {@code target}. */
    void render(int index, BufferedImage target);
}
