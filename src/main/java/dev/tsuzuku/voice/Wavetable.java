package dev.tsuzuku.voice;

/**
 * One cycle of a waveform made of harmonics, read by phase in cycles with linear interpolation.
 * Built with {@link StrictMath} so rendered audio is identical on every JVM (see {@link Sines}).
 */
final class Wavetable {
    private static final int SIZE = 1 << 11;
    private final float[] table = new float[SIZE + 1];

    /** {@code amplitudes[h]} is the level of harmonic h+1; the result is scaled to peak 1. */
    static Wavetable harmonics(double... amplitudes) {
        Wavetable w = new Wavetable();
        double peak = 0;
        double[] v = new double[SIZE + 1];
        for (int i = 0; i <= SIZE; i++) {
            double sum = 0;
            for (int h = 0; h < amplitudes.length; h++) {
                sum += amplitudes[h] * StrictMath.sin(2 * Math.PI * (h + 1) * i / SIZE);
            }
            v[i] = sum;
            peak = Math.max(peak, Math.abs(sum));
        }
        for (int i = 0; i <= SIZE; i++) {
            w.table[i] = (float) (peak == 0 ? 0 : v[i] / peak);
        }
        return w;
    }

    /** The waveform at {@code cycles} (any real number; only the fraction matters). */
    double at(double cycles) {
        double f = cycles - Math.floor(cycles);
        double pos = f * SIZE;
        int i = (int) pos;
        double t = pos - i;
        return table[i] + (table[i + 1] - table[i]) * t;
    }
}
