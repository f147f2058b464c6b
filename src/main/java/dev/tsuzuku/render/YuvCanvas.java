package dev.tsuzuku.render;

/**
 * A shot's stage (the BGR canvas a camera window is cut from) converted to yuv420p once, so that a
 * camera that moves by whole pixels (pan, tilt, shake) costs row copies per frame instead of a
 * colour conversion of every pixel. Luma is per pixel; a 2×2 chroma block of the window starts at
 * an even or odd canvas column and row, so chroma is kept for all four parities. The bytes of a
 * window are exactly those {@link Yuv420} makes of the same window in BGR. Face patches that
 * change the canvas are converted again with {@link #update}.
 *
 * <p>A stage for a zoom ({@link #zoomed}) keeps instead, per canvas pixel, its share of a chroma
 * block's fixed-point sum (the part of {@link Yuv420#cb}/{@link Yuv420#cr} before the offset and
 * the shift): a nearest-neighbour zoom picks four canvas pixels per output block, and adding their
 * shares gives exactly the chroma {@link Yuv420} makes of the zoomed BGR frame.
 */
final class YuvCanvas {
    private final int cw;
    private final int ch;
    private final byte[] luma;
    /** Chroma planes by parity {@code px + 2·py}: block (i, j) is the canvas pixels (px + 2i, py + 2j) to (px + 2i + 1, py + 2j + 1). */
    private final byte[][] cb = new byte[4][];
    private final byte[][] cr = new byte[4][];
    private final int[] planeWidth = new int[4];
    /** The stage in BGR (kept current by the caller, who reports changes with {@link #update}): a parity's chroma is made at its first use. */
    private final byte[] bgr;
    /** For a zoom: each canvas pixel's term of the Cb and Cr sums (null otherwise). */
    private final int[] cbTerm;
    private final int[] crTerm;
    // scratch of a zoom: source column and row of each output column and row
    private int[] xs = new int[0];
    private int[] ys = new int[0];

    YuvCanvas(byte[] bgr, int cw, int ch) {
        this(bgr, cw, ch, false);
    }

    /** A stage for a camera that zooms: {@link #zoom} only, not {@link #window}. */
    static YuvCanvas zoomed(byte[] bgr, int cw, int ch) {
        return new YuvCanvas(bgr, cw, ch, true);
    }

    private YuvCanvas(byte[] bgr, int cw, int ch, boolean zooms) {
        this.cw = cw;
        this.ch = ch;
        this.luma = new byte[cw * ch];
        this.cbTerm = zooms ? new int[cw * ch] : null;
        this.crTerm = zooms ? new int[cw * ch] : null;
        this.bgr = bgr;
        for (int p = 0; p < 4; p++) {
            planeWidth[p] = (cw - (p & 1)) / 2;
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
                int b = bgr[i] & 0xff, g = bgr[i + 1] & 0xff, r = bgr[i + 2] & 0xff;
                luma[o] = Yuv420.luma(r, g, b);
                if (cbTerm != null) {
                    cbTerm[o] = Yuv420.cbTerm(r, g, b);
                    crTerm[o] = Yuv420.crTerm(r, g, b);
                }
            }
        }
        for (int p = 0; p < 4; p++) {
            if (cb[p] != null) {
                chroma(bgr, p, x0, y0, x1, y1);
            }
        }
    }

    /** Chroma of parity {@code p} for the blocks touching the rectangle (x0, y0)–(x1, y1). */
    private void chroma(byte[] bgr, int p, int x0, int y0, int x1, int y1) {
        {
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
        if (cb[p] == null) {
            // a camera at whole pixels often keeps one parity (a still camera, a pan keeps its row's)
            int ph = (ch - (p >> 1)) / 2;
            cb[p] = new byte[pw * ph];
            cr[p] = new byte[pw * ph];
            chroma(bgr, p, 0, 0, cw, ch);
        }
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

    /**
     * Writes the w×h frame of a camera whose top-left is (x0, y0) in canvas pixels and which is
     * {@code zoom} (≥ 1) times magnified, nearest neighbour as {@link Pixels#window}, into the
     * yuv420p frame {@code yuv}: the same bytes as that window drawn in BGR and converted.
     */
    void zoom(double x0, double y0, double zoom, int w, int h, byte[] yuv) {
        if (cbTerm == null) {
            throw new IllegalStateException("not a stage for a zoom");
        }
        if (xs.length < w || ys.length < h) {
            xs = new int[w];
            ys = new int[h];
        }
        for (int x = 0; x < w; x++) {
            xs[x] = Math.max(0, Math.min(cw - 1, (int) (x0 + (x + 0.5) / zoom)));
        }
        for (int y = 0; y < h; y++) {
            ys[y] = Math.max(0, Math.min(ch - 1, (int) (y0 + (y + 0.5) / zoom)));
        }
        for (int y = 0; y < h; y++) {
            int o = y * w;
            if (y > 0 && ys[y] == ys[y - 1]) {
                System.arraycopy(yuv, o - w, yuv, o, w);
                continue;
            }
            int base = ys[y] * cw;
            // runs of consecutive source columns are copies
            int x = 0;
            while (x < w) {
                int start = x, src = xs[x];
                x++;
                while (x < w && xs[x] == src + (x - start)) {
                    x++;
                }
                System.arraycopy(luma, base + src, yuv, o + start, x - start);
            }
        }
        int cwOut = w / 2;
        int uBase = w * h, vBase = uBase + cwOut * (h / 2);
        for (int j = 0; j < h / 2; j++) {
            int top = ys[2 * j] * cw, bottom = ys[2 * j + 1] * cw;
            int u = uBase + j * cwOut, v = vBase + j * cwOut;
            if (j > 0 && ys[2 * j] == ys[2 * j - 2] && ys[2 * j + 1] == ys[2 * j - 1]) {
                System.arraycopy(yuv, u - cwOut, yuv, u, cwOut);
                System.arraycopy(yuv, v - cwOut, yuv, v, cwOut);
                continue;
            }
            for (int i = 0; i < cwOut; i++) {
                int a = xs[2 * i], b = xs[2 * i + 1];
                yuv[u + i] = Yuv420.cbOfTerms(cbTerm[top + a] + cbTerm[top + b] + cbTerm[bottom + a] + cbTerm[bottom + b]);
                yuv[v + i] = Yuv420.crOfTerms(crTerm[top + a] + crTerm[top + b] + crTerm[bottom + a] + crTerm[bottom + b]);
            }
        }
    }
}
