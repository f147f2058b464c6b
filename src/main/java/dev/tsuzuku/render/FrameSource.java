package dev.tsuzuku.render;

import java.awt.image.BufferedImage;

/**
 * A run of video frames drawn on demand into a caller-owned image (TYPE_3BYTE_BGR, so the encoder
 * can hand the raster bytes to ffmpeg as bgr24 without copying). Implementations must be
 * deterministic: the same frame index always gives the same pixels.
 */
public interface FrameSource {

    int width();

    int height();

    int frameCount();

    /** Draws frame {@code index} (0-based, within this source) into {@code target}. */
    void render(int index, BufferedImage target);
}
