package dev.tsuzuku.render;

import java.util.Arrays;

/**
 * Turns BGR frames (the renderer's TYPE_3BYTE_BGR bytes) into planar yuv420p, the format x264
 * encodes, so the pipe to ffmpeg carries half the bytes and ffmpeg does no colour conversion.
 *
 * <p>BT.601 limited range, the matrix ffmpeg's own converter applies to untagged RGB (so the
 * master keeps its colours); chroma is the mean of each 2×2 block. Consecutive animatic frames
 * differ in a few places (a face patch, a caption), so a converter remembers the last frame it saw
 * and re-converts only the spans of row pairs that changed: a still camera costs a compare, not a
 * conversion. Frames must have even width and height. Not thread-safe: one per encode.
 */
public final class Yuv420 {
    private final int width;
    private final int height;
    private final byte[] previous;
    private byte[] yuv;
    private byte[] spare;
    private boolean primed;
    private long pairsConverted;
    private long pairsSeen;
    private long spansConverted;

    private long pairsShifted;

    /** Pixels per span of a row pair that is compared and converted on its own (even, so 2×2 blocks stay whole). */
    static final int SPAN = 120;
    /** The largest camera step between frames (pixels, each way) looked for. */
    static final int MAX_SHIFT = 8;

    public Yuv420(int width, int height) {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("yuv420p needs an even, positive frame size, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.previous = new byte[width * height * 3];
        this.yuv = new byte[frameBytes(width, height)];
    }

    /** Bytes of one yuv420p frame: a full-size luma plane and two quarter-size chroma planes. */
    public static int frameBytes(int width, int height) {
        return width * height + 2 * (width / 2) * (height / 2);
    }

    /**
     * Converts {@code bgr} (width·height·3 bytes) and returns the yuv420p frame. The returned
     * array is reused by the next call.
     */
    public byte[] convert(byte[] bgr) {
        if (bgr.length != previous.length) {
            throw new IllegalArgumentException("expected " + previous.length + " BGR bytes, got " + bgr.length);
        }
        if (primed) {
            int[] shift = shift(bgr);
            if (shift != null) {
                return shifted(bgr, shift[0], shift[1]);
            }
        }
        int rowBytes = width * 3;
        for (int y = 0; y < height; y += 2) {
            int top = y * rowBytes;
            int bottom = top + rowBytes;
            pairsSeen++;
            if (!primed) {
                System.arraycopy(bgr, top, previous, top, 2 * rowBytes);
                rows(bgr, y, 0, width);
                pairsConverted++;
                continue;
            }
            if (Arrays.equals(bgr, top, top + 2 * rowBytes, previous, top, top + 2 * rowBytes)) {
                continue;
            }
            // a face patch or a caption changes part of a row: convert only the spans that changed
            boolean any = false;
            for (int x = 0; x < width; x += SPAN) {
                int end = Math.min(width, x + SPAN);
                int a = top + x * 3, b = bottom + x * 3, n = (end - x) * 3;
                if (Arrays.equals(bgr, a, a + n, previous, a, a + n) && Arrays.equals(bgr, b, b + n, previous, b, b + n)) {
                    continue;
                }
                System.arraycopy(bgr, a, previous, a, n);
                System.arraycopy(bgr, b, previous, b, n);
                rows(bgr, y, x, end);
                spansConverted++;
                any = true;
            }
            if (any) {
                pairsConverted++;
            }
        }
        primed = true;
        return yuv;
    }

    // ---- a camera pan, tilt or shake: the picture moved by whole pixels since the last frame

    /**
     * The whole-pixel move (dx, dy) that maps this frame's middle rows onto the last frame's: pixel
     * (x, y) now is pixel (x + dx, y + dy) then. Null when no small move explains them (a zoom) or
     * the probe rows did not change (a still camera). Found on three probe rows, so a caption or a
     * blink over one of them does not hide it; a probe row that did not change (a flat sky under a
     * pan) says nothing and is skipped.
     */
    private int[] shift(byte[] bgr) {
        int probe = Math.min(256, width - 2 * MAX_SHIFT);
        if (probe <= 0 || height <= 2 * MAX_SHIFT) {
            return null;
        }
        int x0 = (width - probe) / 2;
        int n = probe * 3;
        for (int q = 1; q <= 3; q++) {
            int y = height * q / 4;
            int at = (y * width + x0) * 3;
            if (Arrays.equals(bgr, at, at + n, previous, at, at + n)) {
                continue;
            }
            for (int d = 1; d <= 2 * MAX_SHIFT; d++) {
                // nearest moves first: 0/±1 before ±8
                for (int dy = -Math.min(d, MAX_SHIFT); dy <= Math.min(d, MAX_SHIFT); dy++) {
                    for (int dx = -Math.min(d, MAX_SHIFT); dx <= Math.min(d, MAX_SHIFT); dx++) {
                        if (Math.abs(dx) + Math.abs(dy) != d) {
                            continue;
                        }
                        int from = ((y + dy) * width + x0 + dx) * 3;
                        if (Arrays.equals(bgr, at, at + n, previous, from, from + n)) {
                            return new int[] {dx, dy};
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * Converts a frame that is the last one moved by (dx, dy): a row pair equal to the last frame's
     * where it is takes the last output; one whose moved part equals the last frame's takes its
     * luma (and its chroma when the move keeps 2×2 blocks whole) from the last output moved, and
     * only the strip that came into view is converted. Any other row pair is converted in full.
     * Same bytes as a full conversion.
     */
    private byte[] shifted(byte[] bgr, int dx, int dy) {
        if (spare == null) {
            spare = new byte[yuv.length];
        }
        byte[] last = yuv;
        byte[] out = spare;
        int w = width, rowBytes = w * 3, cw = w / 2;
        int uBase = w * height, vBase = uBase + cw * (height / 2);
        int keep = w - Math.abs(dx);
        int dst = Math.max(0, -dx), src = Math.max(0, dx);
        boolean blocks = dx % 2 == 0 && dy % 2 == 0;
        for (int y = 0; y < height; y += 2) {
            pairsSeen++;
            int top = y * rowBytes;
            if (Arrays.equals(bgr, top, top + 2 * rowBytes, previous, top, top + 2 * rowBytes)) {
                // unchanged where it is (a flat sky under a pan, the letterbox): the last output as it was
                System.arraycopy(last, y * w, out, y * w, 2 * w);
                System.arraycopy(last, uBase + (y / 2) * cw, out, uBase + (y / 2) * cw, cw);
                System.arraycopy(last, vBase + (y / 2) * cw, out, vBase + (y / 2) * cw, cw);
                continue;
            }
            int sy = y + dy;
            boolean moved = sy >= 0 && sy + 1 < height;
            for (int r = 0; moved && r < 2; r++) {
                int a = ((y + r) * w + dst) * 3, b = ((sy + r) * w + src) * 3;
                moved = Arrays.equals(bgr, a, a + keep * 3, previous, b, b + keep * 3);
            }
            if (!moved) {
                rows(bgr, out, y, 0, w);
                pairsConverted++;
                continue;
            }
            System.arraycopy(last, sy * w + src, out, y * w + dst, keep);
            System.arraycopy(last, (sy + 1) * w + src, out, (y + 1) * w + dst, keep);
            if (blocks) {
                int c = (y / 2) * cw, sc = (sy / 2) * cw;
                System.arraycopy(last, uBase + sc + src / 2, out, uBase + c + dst / 2, keep / 2);
                System.arraycopy(last, vBase + sc + src / 2, out, vBase + c + dst / 2, keep / 2);
            } else {
                chroma(bgr, out, y, 0, w);
            }
            // the strip that came into view, widened to whole 2×2 blocks
            if (dx > 0) {
                rows(bgr, out, y, keep & ~1, w);
            } else if (dx < 0) {
                rows(bgr, out, y, 0, (-dx + 1) & ~1);
            }
            pairsShifted++;
        }
        System.arraycopy(bgr, 0, previous, 0, bgr.length);
        spare = last;
        yuv = out;
        return out;
    }

    /** Row pairs taken from the last frame moved by a camera step. */
    long pairsShifted() {
        return pairsShifted;
    }

    /** Share of row pairs that had to be converted so far (1 = every frame converted in full). */
    public double convertedShare() {
        return pairsSeen == 0 ? 0 : (double) pairsConverted / pairsSeen;
    }

    /** Spans (of {@link #SPAN} pixels) of changed row pairs that were converted, after the first frame. */
    long spansConverted() {
        return spansConverted;
    }

    private void rows(byte[] bgr, int y, int x0, int x1) {
        rows(bgr, yuv, y, x0, x1);
    }

    /** Only the chroma of columns x0 (even) to x1 of rows y and y+1. */
    private void chroma(byte[] bgr, byte[] yuv, int y, int x0, int x1) {
        int w = width;
        int cw = w / 2;
        int uBase = w * height;
        int vBase = uBase + cw * (height / 2);
        int top = y * w * 3;
        int bottom = top + w * 3;
        int c = (y / 2) * cw;
        for (int x = x0; x < x1; x += 2) {
            int i = top + x * 3;
            int j = bottom + x * 3;
            int b = (bgr[i] & 0xff) + (bgr[i + 3] & 0xff) + (bgr[j] & 0xff) + (bgr[j + 3] & 0xff);
            int g = (bgr[i + 1] & 0xff) + (bgr[i + 4] & 0xff) + (bgr[j + 1] & 0xff) + (bgr[j + 4] & 0xff);
            int r = (bgr[i + 2] & 0xff) + (bgr[i + 5] & 0xff) + (bgr[j + 2] & 0xff) + (bgr[j + 5] & 0xff);
            int k = c + x / 2;
            yuv[uBase + k] = (byte) ((-4857 * r - 9535 * g + 14392 * b + (128 << 17) + (1 << 16)) >> 17);
            yuv[vBase + k] = (byte) ((14392 * r - 12052 * g - 2340 * b + (128 << 17) + (1 << 16)) >> 17);
        }
    }

    /** Converts columns x0 (even) to x1 of rows y and y+1 into the luma rows and the chroma row they make. */
    private void rows(byte[] bgr, byte[] yuv, int y, int x0, int x1) {
        int w = width;
        int cw = w / 2;
        int uBase = w * height;
        int vBase = uBase + cw * (height / 2);
        int top = y * w * 3;
        int bottom = top + w * 3;
        int yTop = y * w;
        int yBottom = yTop + w;
        int c = (y / 2) * cw;
        for (int x = x0; x < x1; x += 2) {
            int i = top + x * 3;
            int j = bottom + x * 3;
            int b0 = bgr[i] & 0xff, g0 = bgr[i + 1] & 0xff, r0 = bgr[i + 2] & 0xff;
            int b1 = bgr[i + 3] & 0xff, g1 = bgr[i + 4] & 0xff, r1 = bgr[i + 5] & 0xff;
            int b2 = bgr[j] & 0xff, g2 = bgr[j + 1] & 0xff, r2 = bgr[j + 2] & 0xff;
            int b3 = bgr[j + 3] & 0xff, g3 = bgr[j + 4] & 0xff, r3 = bgr[j + 5] & 0xff;
            yuv[yTop + x] = luma(r0, g0, b0);
            yuv[yTop + x + 1] = luma(r1, g1, b1);
            yuv[yBottom + x] = luma(r2, g2, b2);
            yuv[yBottom + x + 1] = luma(r3, g3, b3);
            int r = r0 + r1 + r2 + r3, g = g0 + g1 + g2 + g3, b = b0 + b1 + b2 + b3;
            int k = c + x / 2;
            // sums of four pixels: the 2×2 mean is folded into the fixed-point shift (15 + 2 bits)
            yuv[uBase + k] = (byte) ((-4857 * r - 9535 * g + 14392 * b + (128 << 17) + (1 << 16)) >> 17);
            yuv[vBase + k] = (byte) ((14392 * r - 12052 * g - 2340 * b + (128 << 17) + (1 << 16)) >> 17);
        }
    }

    /** Y' = 16 + 219·(0.299 R + 0.587 G + 0.114 B)/255, in 15-bit fixed point with rounding (Cb, Cr: 224/255 of ±0.5). */
    private static byte luma(int r, int g, int b) {
        return (byte) ((8414 * r + 16519 * g + 3208 * b + (16 << 15) + (1 << 14)) >> 15);
    }
}
