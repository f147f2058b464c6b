package dev.tsuzuku.render;

/**
 * A shot's stage (the BGR canvas a camera window is cut from) converted to yuv420p once, so that a
 * camera that moves by whole pixels (pan, tilt, shake) costs row copies per frame instead of a
 * colour conversion of every pixel. Luma is per pixel; a 2×2 chroma block of the window starts at
 * an even or odd canvas column and row, so chroma is kept for all four parities. The bytes of a
 * window are exactly those {@link Yuv420} makes of the same window in BGR. Face patches that
 * change the canvas are converted again with {@link #update}.
 */
final class YuvCanvas {
    private final int cw;
    private final int ch;
    private final byte[] luma;
    /** Chroma planes by parity {@code px + 2·py}: block (i, j) is the canvas pixels (px + 2i, py + 2j) to (px + 2i + 1, py + 2j + 1). */
    private final byte[][] cb = new byte[4][];
    private final byte[][] cr = new byte[4][];
    private final int[] planeWidth = new int[4];

    YuvCanvas(byte[] bgr, int cw, int ch) {
        this.cw = cw;
        this.ch = ch;
        this.luma = new byte[cw * ch];
        for (int p = 0; p < 4; p++) {
            int pw = (cw - (p & 1)) / 2, ph = (ch - (p >> 1)) / 2;
            planeWidth[p] = pw;
            cb[p] = new byte[pw * ph];
            cr[p] = new byte[pw * ph];
        }
        update(bgr, 0, 0, cw, ch);
    }

    /** Converts again the canvas pixels of the rectangle (x, y, w, h) after {@code bgr} changed there. */
    void update(byte[] bgr, int x, int y, int w, int h) {
        int x0 = Math.max(0, x), y0 = Math.max(0, y), x1 = Math.min(cw, x + w), y1 = Math.min(ch, y + h);
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        for (int yy = y0; yy < y1; yy++) {
            int i = (yy * cw + x0) * 3, o = yy * cw + x0;
            for (int xx = x0; xx < x1; xx++, i += 3, o++) {
                luma[o] = Yuv420.luma(bgr[i + 2] & 0xff, bgr[i + 1] & 0xff, bgr[i] & 0xff);
            }
        }
        for (int p = 0; p < 4; p++) {
            int px = p & 1, py = p >> 1, pw = planeWidth[p], ph = cb[p].length / Math.max(1, pw);
            // blocks whose 2×2 pixels touch the rectangle
            int i0 = Math.max(0, (x0 - px - 1) >> 1), i1 = Math.min(pw, ((x1 - 1 - px) >> 1) + 1);
            int j0 = Math.max(0, (y0 - py - 1) >> 1), j1 = Math.min(ph, ((y1 - 1 - py) >> 1) + 1);
            for (int j = j0; j < j1; j++) {
                int top = ((py + 2 * j) * cw) * 3, bottom = top + cw * 3;
                for (int i = i0; i < i1; i++) {
                    int a = top + (px + 2 * i) * 3, b = bottom + (px + 2 * i) * 3;
                    int bs = (bgr[a] & 0xff) + (bgr[a + 3] & 0xff) + (bgr[b] & 0xff) + (bgr[b + 3] & 0xff);
                    int gs = (bgr[a + 1] & 0xff) + (bgr[a + 4] & 0xff) + (bgr[b + 1] & 0xff) + (bgr[b + 4] & 0xff);
                    int rs = (bgr[a + 2] & 0xff) + (bgr[a + 5] & 0xff) + (bgr[b + 2] & 0xff) + (bgr[b + 5] & 0xff);
                    cb[p][j * pw + i] = Yuv420.cb(rs, gs, bs);
                    cr[p][j * pw + i] = Yuv420.cr(rs, gs, bs);
                }
            }
        }
    }

    /**
     * Writes row pairs {@code y0} (even) to {@code y1} of the w×h window whose top-left is the
     * canvas pixel (ix, iy) into the yuv420p frame {@code yuv}.
     */
    void window(int ix, int iy, int w, int h, int y0, int y1, byte[] yuv) {
        int p = (ix & 1) + 2 * (iy & 1);
        int pw = planeWidth[p];
        int cwOut = w / 2;
        int uBase = w * h, vBase = uBase + cwOut * (h / 2);
        for (int y = y0; y < y1; y += 2) {
            System.arraycopy(luma, (iy + y) * cw + ix, yuv, y * w, w);
            System.arraycopy(luma, (iy + y + 1) * cw + ix, yuv, (y + 1) * w, w);
            int src = ((iy >> 1) + y / 2) * pw + (ix >> 1);
            System.arraycopy(cb[p], src, yuv, uBase + (y / 2) * cwOut, cwOut);
            System.arraycopy(cr[p], src, yuv, vBase + (y / 2) * cwOut, cwOut);
        }
    }
}
