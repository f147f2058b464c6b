package dev.tsuzuku.voice;

/**
 * A sine lookup table built with {@link StrictMath}: {@code Math.sin} may differ by an ulp
 * between the interpreter and JIT-compiled code, and the mixer promises identical bytes for
 * identical input. The table is also several times faster in the music loops.
 */
final class Sines {
    private static final int SIZE = 1 << 13;
    private static final double TWO_PI = 2 * Math.PI;
    private static final float[] TABLE = new float[SIZE + 1];

    static {
        for (int i = 0; i <= SIZE; i++) {
            TABLE[i] = (float) StrictMath.sin(TWO_PI * i / SIZE);
        }
    }

    private Sines() {}

    /** sin(radians), by linear interpolation in the table. */
    static double sin(double radians) {
        return cycle(radians / TWO_PI);
    }

    /** sin(2π·cycles): the form oscillators with a phase in cycles want. */
    static double cycle(double cycles) {
        double f = cycles - Math.floor(cycles);
        double pos = f * SIZE;
        int i = (int) pos;
        double t = pos - i;
        return TABLE[i] + (TABLE[i + 1] - TABLE[i]) * t;
    }
}
