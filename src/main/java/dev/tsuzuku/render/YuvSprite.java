package dev.tsuzuku.render;

/**
 * A sprite (a caption: text and its box) converted once to yuv420p terms with alpha, to be blended
 * straight into yuv420p frames: no BGR blend and no conversion of the rows under it per frame.
 *
 * <p>Source-over of a premultiplied colour c with alpha a over a pixel d is c + (1 − a)·d, and
 * the BT.601 matrix is affine, so the luma of the result is 16 + M·c + (1 − a)·(Y(d) − 16) per
 * pixel (equal to blending in BGR and converting, within rounding). Chroma is the mean of a 2×2
 * block: the sprite's own part is exact; the frame's part uses the block's mean alpha, which
 * differs from the per-pixel mix only where alpha changes inside a block (the anti-aliased edges
 * of the letters and the box) and is within a few levels there.
 */
final class YuvSprite {
    private final Sprite sprite;
    private final int x0;
    private final int y0;
    private final int bw;
    private final int bh;
    /** Per pixel: 8414 r + 16519 g + 3208 b of the premultiplied colour (luma's 15-bit fixed point); -1 where transparent. */
    private final int[] lumaTerm;
    private final short[] inv;
    /** Per 2×2 block: the sums of the four pixels' chroma terms, and 1020 minus the sum of their alphas. */
    private final int[] cbTerm;
    private final int[] crTerm;
    private final short[] blockInv;
    /** Made at the first blend (a sprite is blended into frame after frame of one shot). */
    private Memo memo;

    /** The part of {@code s} inside a w×h frame, on whole 2×2 blocks. */
    YuvSprite(Sprite s, int w, int h) {
        this.sprite = s;
        int left = Math.max(0, s.x()) & ~1, top = Math.max(0, s.y()) & ~1;
        int right = Math.min(w, (s.x() + s.width() + 1) & ~1), bottom = Math.min(h, (s.y() + s.height() + 1) & ~1);
        this.x0 = left;
        this.y0 = top;
        this.bw = Math.max(0, right - left);
        this.bh = Math.max(0, bottom - top);
        this.lumaTerm = new int[bw * bh];
        this.inv = new short[bw * bh];
        this.cbTerm = new int[(bw / 2) * (bh / 2)];
        this.crTerm = new int[(bw / 2) * (bh / 2)];
        this.blockInv = new short[(bw / 2) * (bh / 2)];
        int[] px = s.argb();
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int sx = x0 + x - s.x(), sy = y0 + y - s.y();
                int p = sx >= 0 && sy >= 0 && sx < s.width() && sy < s.height() ? px[sy * s.width() + sx] : 0;
                int a = p >>> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
                int k = y * bw + x;
                inv[k] = (short) (255 - a);
                lumaTerm[k] = a == 0 ? -1 : 8414 * r + 16519 * g + 3208 * b;
                int c = (y / 2) * (bw / 2) + x / 2;
                cbTerm[c] += Yuv420.cbTerm(r, g, b);
                crTerm[c] += Yuv420.crTerm(r, g, b);
                blockInv[c] += (short) (255 - a);
            }
        }
    }

    Sprite sprite() {
        return sprite;
    }

    /** First frame row the sprite covers (even) and the row after its last (even). */
    int top() {
        return y0;
    }

    int bottom() {
        return y0 + bh;
    }

    /** Blends the sprite into the yuv420p frame {@code yuv} of size w×h (the size it was made for). */
    void blend(byte[] yuv, int w, int h) {
        blend(yuv, w, h, false);
    }

    /**
     * As {@link #blend(byte[], int, int)}; {@code still}: the frame under the sprite is likely the
     * last one's (a still camera), so each row is compared with the last blend's and, where equal,
     * its blended bytes are copied. A moving camera changes every row: the compare and the copies
     * it needs would only add work, so it blends plainly.
     */
    void blend(byte[] yuv, int w, int h, boolean still) {
        if (!still) {
            memo = null;
            for (int y = 0; y < bh; y++) {
                blendLuma(yuv, (y0 + y) * w + x0, y * bw);
            }
            int cwOut = w / 2, uBase = w * h, vBase = uBase + cwOut * (h / 2);
            for (int j = 0; j < bh / 2; j++) {
                int o = (y0 / 2 + j) * cwOut + x0 / 2;
                blendChroma(yuv, uBase + o, vBase + o, j * (bw / 2));
            }
            return;
        }
        if (memo == null) {
            memo = new Memo(bw * bh, 2 * (bw / 2) * (bh / 2), bh);
        }
        for (int y = 0; y < bh; y++) {
            int o = (y0 + y) * w + x0, k = y * bw;
            if (memo.lumaDone[y] && java.util.Arrays.equals(yuv, o, o + bw, memo.lumaUnder, k, k + bw)) {
                System.arraycopy(memo.lumaOver, k, yuv, o, bw);
                continue;
            }
            System.arraycopy(yuv, o, memo.lumaUnder, k, bw);
            blendLuma(yuv, o, k);
            System.arraycopy(yuv, o, memo.lumaOver, k, bw);
            memo.lumaDone[y] = true;
        }
        int cwOut = w / 2;
        int uBase = w * h, vBase = uBase + cwOut * (h / 2);
        int bcw = bw / 2;
        for (int j = 0; j < bh / 2; j++) {
            int o = (y0 / 2 + j) * cwOut + x0 / 2, k = j * bcw, m = 2 * k;
            if (memo.chromaDone[j]
                    && java.util.Arrays.equals(yuv, uBase + o, uBase + o + bcw, memo.chromaUnder, m, m + bcw)
                    && java.util.Arrays.equals(yuv, vBase + o, vBase + o + bcw, memo.chromaUnder, m + bcw, m + 2 * bcw)) {
                System.arraycopy(memo.chromaOver, m, yuv, uBase + o, bcw);
                System.arraycopy(memo.chromaOver, m + bcw, yuv, vBase + o, bcw);
                continue;
            }
            System.arraycopy(yuv, uBase + o, memo.chromaUnder, m, bcw);
            System.arraycopy(yuv, vBase + o, memo.chromaUnder, m + bcw, bcw);
            blendChroma(yuv, uBase + o, vBase + o, k);
            System.arraycopy(yuv, uBase + o, memo.chromaOver, m, bcw);
            System.arraycopy(yuv, vBase + o, memo.chromaOver, m + bcw, bcw);
            memo.chromaDone[j] = true;
        }
    }

    private void blendLuma(byte[] yuv, int o, int k) {
        for (int x = 0; x < bw; x++, o++, k++) {
            int t = lumaTerm[k];
            if (t < 0) {
                continue;
            }
            int under = (yuv[o] & 0xff) - 16;
            // (Y − 16)·(255 − a)/255 in 15-bit fixed point: ×32768/255 = ×128.5 (within 0.002%)
            int v = 16 + ((t + ((under * inv[k] * 257) >> 1) + (1 << 14)) >> 15);
            yuv[o] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    private void blendChroma(byte[] yuv, int uo, int vo, int k) {
        for (int i = 0; i < bw / 2; i++, uo++, vo++, k++) {
            int left = blockInv[k];
            if (left == 1020) {
                continue;
            }
            int u = (yuv[uo] & 0xff) - 128, v = (yuv[vo] & 0xff) - 128;
            // (C − 128)·(mean 1 − a) in 17-bit fixed point: ×(1020 − Σa)/1020·131072 = ×(1020 − Σa)·128.5
            yuv[uo] = clamp(cbTerm[k] + ((u * left * 257) >> 1) + (128 << 17) + (1 << 16));
            yuv[vo] = clamp(crTerm[k] + ((v * left * 257) >> 1) + (128 << 17) + (1 << 16));
        }
    }

    /**
     * The rows under the sprite and the blended rows of its last blend. A caption over a still
     * camera (or any row the camera did not change) is then the same blend again: a compare and a
     * copy instead of the per-pixel mix, with the same bytes.
     */
    private static final class Memo {
        final byte[] lumaUnder;
        final byte[] lumaOver;
        final byte[] chromaUnder;
        final byte[] chromaOver;
        final boolean[] lumaDone;
        final boolean[] chromaDone;

        Memo(int luma, int chroma, int rows) {
            lumaUnder = new byte[luma];
            lumaOver = new byte[luma];
            chromaUnder = new byte[chroma];
            chromaOver = new byte[chroma];
            lumaDone = new boolean[rows];
            chromaDone = new boolean[rows / 2];
        }
    }

    private static byte clamp(int fixed17) {
        return (byte) Math.max(0, Math.min(255, fixed17 >> 17));
    }
}
