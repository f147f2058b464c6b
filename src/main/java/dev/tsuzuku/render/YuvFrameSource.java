package dev.tsuzuku.render;

import java.awt.image.BufferedImage;

/**
 * A {@link FrameSource} that hands its frames to the encoder as yuv420p itself, so it can skip
 * converting what it knows did not change (a shot's stage seen through a moving camera).
 */
public interface YuvFrameSource extends FrameSource {

    /**
     * Writes frame {@code index} as yuv420p ({@link Yuv420#frameBytes}) into {@code yuv}: exactly
     * the bytes {@link Yuv420} makes of {@link #render}'s picture. {@code scratch} is a
     * TYPE_3BYTE_BGR image of the frame's size the source may draw into; frames come in order,
     * each once, with the same scratch image.
     */
    void renderYuv(int index, BufferedImage scratch, byte[] yuv);
}
