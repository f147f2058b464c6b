package dev.tsuzuku.render;

import java.awt.image.BufferedImage;

/** Peak signal-to-noise ratio of two same-size pictures over R, G and B (infinite when identical). */
final class Psnr {
    private Psnr() {}

    static double of(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " vs "
                    + b.getWidth() + "x" + b.getHeight());
        }
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    int d = ((p >> s) & 0xff) - ((q >> s) & 0xff);
                    sum += d * d;
                }
            }
        }
        return db(sum / (3.0 * a.getWidth() * a.getHeight()));
    }

    /** PSNR of two byte planes of the same length. */
    static double of(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            int d = (a[aFrom + i] & 0xff) - (b[bFrom + i] & 0xff);
            sum += d * d;
        }
        return db(sum / length);
    }

    private static double db(double mse) {
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
