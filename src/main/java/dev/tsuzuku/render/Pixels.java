package dev.tsuzuku.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Per-frame pixel work on raw BGR bytes (the layout of TYPE_3BYTE_BGR, which the encoder converts
 * to yuv420p for ffmpeg). Java2D is used to paint the cached layers; compositing them 30 times
 * a second is done here, without allocation, because that is where the frame budget goes.
 */
final class Pixels {
    private Pixels() {}

    static byte[] bgr(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("expected a TYPE_3BYTE_BGR image, got type " + img.getType());
        }
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    static int[] argb(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /**
     * Fills dst (dw×dh) with the window of src (sw×sh) whose top-left is (x0, y0) and which is
     * {@code zoom} times magnified (nearest neighbour). {@code cols} is scratch of length ≥ 3·dw.
     */
    static void window(byte[] src, int sw, int sh, double x0, double y0, double zoom, byte[] dst, int dw, int dh, int[] cols) {
        if (Math.abs(zoom - 1) < 1e-9) {
            int ix = Math.max(0, Math.min(sw - dw, (int) Math.round(x0)));
            int iy = Math.max(0, Math.min(sh - dh, (int) Math.round(y0)));
            int rowBytes = dw * 3;
            for (int y = 0; y < dh; y++) {
                System.arraycopy(src, ((iy + y) * sw + ix) * 3, dst, y * rowBytes, rowBytes);
            }
            return;
        }
        // nearest neighbour as runs: at the gentle zooms of a camera move, source columns are
        // consecutive for many pixels, so a row is a few dozen array copies instead of a pixel loop
        int runs = 0;
        int runStart = -1, runSrc = -1, prev = -2;
        for (int x = 0; x < dw; x++) {
            int sx = Math.max(0, Math.min(sw - 1, (int) (x0 + (x + 0.5) / zoom)));
            if (sx != prev + 1) {
                if (runStart >= 0) {
                    cols[runs * 3] = runSrc * 3;
                    cols[runs * 3 + 1] = runStart * 3;
                    cols[runs * 3 + 2] = (x - runStart) * 3;
                    runs++;
                }
                runStart = x;
                runSrc = sx;
            }
            prev = sx;
        }
        cols[runs * 3] = runSrc * 3;
        cols[runs * 3 + 1] = runStart * 3;
        cols[runs * 3 + 2] = (dw - runStart) * 3;
        runs++;
        int rowBytes = dw * 3;
        int prevSy = -1;
        for (int y = 0; y < dh; y++) {
            int sy = Math.max(0, Math.min(sh - 1, (int) (y0 + (y + 0.5) / zoom)));
            int d = y * rowBytes;
            if (sy == prevSy) {
                System.arraycopy(dst, d - rowBytes, dst, d, rowBytes);
                continue;
            }
            prevSy = sy;
            int base = sy * sw * 3;
            for (int k = 0, i = 0; k < runs; k++, i += 3) {
                System.arraycopy(src, base + cols[i], dst, d + cols[i + 1], cols[i + 2]);
            }
        }
    }

    /** Copies an opaque BGR patch (pw×ph) into dst (width dw) at (x, y); the patch lies inside dst. */
    static void blit(byte[] patch, int pw, int ph, byte[] dst, int dw, int x, int y) {
        int rowBytes = pw * 3;
        for (int r = 0; r < ph; r++) {
            System.arraycopy(patch, r * rowBytes, dst, ((y + r) * dw + x) * 3, rowBytes);
        }
    }

    /** Source-over of a premultiplied ARGB sprite at its own position, scaled by {@code opacity} (0–256). */
    static void blend(Sprite s, byte[] dst, int dw, int dh, int opacity) {
        blend(s, dst, dw, dh, 0, 0, opacity);
    }

    /** As {@link #blend(Sprite, byte[], int, int, int)} into a buffer whose top-left is (ox, oy) in sprite coordinates. */
    static void blend(Sprite s, byte[] dst, int dw, int dh, int ox, int oy, int opacity) {
        blendRows(s, dst, dw, dh, ox, oy, opacity, 0, dh);
    }

    /** As {@link #blend(Sprite, byte[], int, int, int, int, int)}, only for dst rows {@code from} (inclusive) to {@code to}. */
    static void blendRows(Sprite s, byte[] dst, int dw, int dh, int ox, int oy, int opacity, int from, int to) {
        int sx = s.x() - ox, sy = s.y() - oy;
        int x0 = Math.max(0, sx), y0 = Math.max(Math.max(0, sy), from);
        int x1 = Math.min(dw, sx + s.width()), y1 = Math.min(Math.min(dh, sy + s.height()), to);
        int[] px = s.argb();
        for (int y = y0; y < y1; y++) {
            int si = (y - sy) * s.width() + (x0 - sx);
            int d = (y * dw + x0) * 3;
            for (int x = x0; x < x1; x++, si++, d += 3) {
                int p = px[si];
                int a = p >>> 24;
                if (a == 0) {
                    continue;
                }
                int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
                if (opacity < 256) {
                    a = (a * opacity) >> 8;
                    r = (r * opacity) >> 8;
                    g = (g * opacity) >> 8;
                    b = (b * opacity) >> 8;
                }
                if (a >= 255) {
                    dst[d] = (byte) b;
                    dst[d + 1] = (byte) g;
                    dst[d + 2] = (byte) r;
                } else {
                    int inv = 255 - a;
                    dst[d] = (byte) (b + div255((dst[d] & 0xff) * inv));
                    dst[d + 1] = (byte) (g + div255((dst[d + 1] & 0xff) * inv));
                    dst[d + 2] = (byte) (r + div255((dst[d + 2] & 0xff) * inv));
                }
            }
        }
    }

    /**
     * A sprite blended again and again over a picture that mostly does not change under it (a
     * caption over a still camera): remembers, row by row, the bytes under the sprite before and
     * after the last blend, and copies the result where the bytes under it are the same again.
     * The output is exactly that of {@link #blend}. One per frame sequence; not thread-safe.
     */
    static final class BlendMemo {
        private Sprite sprite;
        private int opacity;
        private int dw;
        private byte[] under = new byte[0];
        private byte[] over = new byte[0];
        private long rowsBlended;
        private long rowsSeen;

        void blend(Sprite s, byte[] dst, int dw, int dh, int opacity) {
            int x0 = Math.max(0, s.x()), y0 = Math.max(0, s.y());
            int x1 = Math.min(dw, s.x() + s.width()), y1 = Math.min(dh, s.y() + s.height());
            if (x0 >= x1 || y0 >= y1) {
                return;
            }
            int rowBytes = (x1 - x0) * 3;
            int size = rowBytes * (y1 - y0);
            boolean same = s == sprite && opacity == this.opacity && dw == this.dw;
            if (!same) {
                if (under.length < size) {
                    under = new byte[size];
                    over = new byte[size];
                }
                sprite = s;
                this.opacity = opacity;
                this.dw = dw;
            }
            for (int y = y0; y < y1; y++) {
                int d = (y * dw + x0) * 3;
                int m = (y - y0) * rowBytes;
                rowsSeen++;
                if (same && Arrays.equals(dst, d, d + rowBytes, under, m, m + rowBytes)) {
                    System.arraycopy(over, m, dst, d, rowBytes);
                    continue;
                }
                System.arraycopy(dst, d, under, m, rowBytes);
                blendRows(s, dst, dw, dh, 0, 0, opacity, y, y + 1);
                System.arraycopy(dst, d, over, m, rowBytes);
                rowsBlended++;
            }
        }

        /** Share of rows that were blended rather than copied. */
        double blendedShare() {
            return rowsSeen == 0 ? 0 : (double) rowsBlended / rowsSeen;
        }
    }

    /** Mixes the whole frame toward {@code rgb} by alpha/255 (fades and flashes). */
    static void fade(byte[] dst, int rgb, int alpha, byte[] lut) {
        if (alpha <= 0) {
            return;
        }
        int a = Math.min(255, alpha), inv = 255 - a;
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) div255(v * inv + b * a);
            lut[256 + v] = (byte) div255(v * inv + g * a);
            lut[512 + v] = (byte) div255(v * inv + r * a);
        }
        for (int i = 0; i + 2 < dst.length; i += 3) {
            dst[i] = lut[dst[i] & 0xff];
            dst[i + 1] = lut[256 + (dst[i + 1] & 0xff)];
            dst[i + 2] = lut[512 + (dst[i + 2] & 0xff)];
        }
    }

    static void fill(byte[] dst, int dw, int dh, int x, int y, int w, int h, int rgb) {
        int x0 = Math.max(0, x), y0 = Math.max(0, y), x1 = Math.min(dw, x + w), y1 = Math.min(dh, y + h);
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        byte b = (byte) rgb, g = (byte) (rgb >> 8), r = (byte) (rgb >> 16);
        int first = (y0 * dw + x0) * 3;
        for (int i = first, x2 = x0; x2 < x1; x2++, i += 3) {
            dst[i] = b;
            dst[i + 1] = g;
            dst[i + 2] = r;
        }
        int rowBytes = (x1 - x0) * 3;
        for (int yy = y0 + 1; yy < y1; yy++) {
            System.arraycopy(dst, first, dst, (yy * dw + x0) * 3, rowBytes);
        }
    }

    private static int div255(int v) {
        return (v + 128 + ((v + 128) >> 8)) >> 8;
    }
}
