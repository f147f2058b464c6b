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
    private final byte[] yuv;
    private boolean primed;
    private long pairsConverted;
    private long pairsSeen;
    private long spansConverted;

    /** Pixels per span of a row pair that is compared and converted on its own (even, so 2×2 blocks stay whole). */
    static final int SPAN = 120;

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

    /** Share of row pairs that had to be converted so far (1 = every frame converted in full). */
    public double convertedShare() {
        return pairsSeen == 0 ? 0 : (double) pairsConverted / pairsSeen;
    }

    /** Spans (of {@link #SPAN} pixels) of changed row pairs that were converted, after the first frame. */
    long spansConverted() {
        return spansConverted;
    }

    /**
     * Converts row pairs {@code y0} (even) to {@code y1} of a whole BGR frame into {@code yuv}
     * (a yuv420p frame of the same size), with no comparing and no memory of earlier frames.
     */
    static void convertRows(byte[] bgr, int width, int height, int y0, int y1, byte[] yuv) {
        for (int y = y0; y < y1; y += 2) {
            rows(bgr, width, height, y, 0, width, yuv);
        }
    }

    /** Forgets the last frame: the next {@link #convert} converts every row. */
    void reset() {
        primed = false;
    }

    private void rows(byte[] bgr, int y, int x0, int x1) {
        rows(bgr, width, height, y, x0, x1, yuv);
    }

    /** Converts columns x0 (even) to x1 of rows y and y+1 into the luma rows and the chroma row they make. */
    private static void rows(byte[] bgr, int width, int height, int y, int x0, int x1, byte[] yuv) {
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
            yuv[uBase + k] = cb(r, g, b);
            yuv[vBase + k] = cr(r, g, b);
        }
    }

    // sums of four pixels: the 2×2 mean is folded into the fixed-point shift (15 + 2 bits)
    static byte cb(int r4, int g4, int b4) {
        return (byte) ((-4857 * r4 - 9535 * g4 + 14392 * b4 + (128 << 17) + (1 << 16)) >> 17);
    }

    static byte cr(int r4, int g4, int b4) {
        return (byte) ((14392 * r4 - 12052 * g4 - 2340 * b4 + (128 << 17) + (1 << 16)) >> 17);
    }

    /** One pixel's term of {@link #cb}: cb of four pixels is {@link #cbOfTerms} of the sum of their terms. */
    static int cbTerm(int r, int g, int b) {
        return -4857 * r - 9535 * g + 14392 * b;
    }

    static int crTerm(int r, int g, int b) {
        return 14392 * r - 12052 * g - 2340 * b;
    }

    static byte cbOfTerms(int sum) {
        return (byte) ((sum + (128 << 17) + (1 << 16)) >> 17);
    }

    static byte crOfTerms(int sum) {
        return (byte) ((sum + (128 << 17) + (1 << 16)) >> 17);
    }

    /** Y' = 16 + 219·(0.299 R + 0.587 G + 0.114 B)/255, in 15-bit fixed point with rounding (Cb, Cr: 224/255 of ±0.5). */
    static byte luma(int r, int g, int b) {
        return (byte) ((8414 * r + 16519 * g + 3208 * b + (16 << 15) + (1 << 14)) >> 15);
    }
}
