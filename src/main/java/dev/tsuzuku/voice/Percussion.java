package dev.tsuzuku.voice;

/**
 * Drum sounds shared by the music beds, the stinger and the effects. Each adds one hit into a
 * stereo pair of buffers at {@code start}, wrapping past the end: music loops rely on the wrap,
 * other callers leave enough room after their last hit for it never to happen.
 */
final class Percussion {
    private static final int RATE = MusicBed.RATE;

    private Percussion() {}

    /** A low drum: a sine whose pitch falls from 2.6× {@code baseHz} to it, a taiko-ish thump. */
    static void thump(float[] l, float[] r, int start, double level, double baseHz) {
        int length = (int) (0.6 * RATE);
        double pitchDecay = StrictMath.exp(-1.0 / (0.045 * RATE));
        double ampDecay = StrictMath.exp(-1.0 / (0.22 * RATE));
        double sweep = 1.6 * baseHz;
        double env = level;
        double phase = 0;
        int attack = RATE / 1000;
        int k = Math.floorMod(start, l.length);
        for (int t = 0; t < length; t++) {
            double a = t < attack ? (double) t / attack : 1;
            double fade = t > length - RATE / 50 ? (length - t) / (RATE / 50.0) : 1;
            double v = Sines.cycle(phase) * env * a * fade;
            l[k] += (float) v;
            r[k] += (float) v;
            phase += (baseHz + sweep) / RATE;
            sweep *= pitchDecay;
            env *= ampDecay;
            if (++k == l.length) {
                k = 0;
            }
        }
    }

    /** A shaker/hat tick: high-passed noise with a 30 ms decay; {@code pan} 0 = left, 1 = right. */
    static void tick(float[] l, float[] r, int start, double level, double pan, Noise rnd) {
        int length = (int) (0.12 * RATE);
        double decay = StrictMath.exp(-1.0 / (0.03 * RATE));
        double env = level;
        double prev = 0;
        int k = Math.floorMod(start, l.length);
        for (int t = 0; t < length; t++) {
            double n = rnd.white();
            double v = (n - prev) * 0.5 * env;
            prev = n;
            l[k] += (float) (v * (1 - pan));
            r[k] += (float) (v * pan);
            env *= decay;
            if (++k == l.length) {
                k = 0;
            }
        }
    }

    /** A wood block: two inharmonic partials with a fast decay. */
    static void block(float[] l, float[] r, int start, double level, double hz, double pan) {
        int length = (int) (0.15 * RATE);
        double decay = StrictMath.exp(-1.0 / (0.025 * RATE));
        double env = level;
        int k = Math.floorMod(start, l.length);
        for (int t = 0; t < length; t++) {
            double v = (Sines.cycle(hz * t / RATE) + 0.4 * Sines.cycle(hz * 2.76 * t / RATE)) * env;
            l[k] += (float) (v * (1 - pan));
            r[k] += (float) (v * pan);
            env *= decay;
            if (++k == l.length) {
                k = 0;
            }
        }
    }

    /** A brush swish: low-passed noise that swells for 20 ms and fades over about 150 ms. */
    static void brush(float[] l, float[] r, int start, double level, Noise rnd) {
        int length = (int) (0.35 * RATE);
        int attack = RATE / 50;
        double decay = StrictMath.exp(-1.0 / (0.09 * RATE));
        double env = level;
        double lp = 0;
        int k = Math.floorMod(start, l.length);
        for (int t = 0; t < length; t++) {
            lp += (rnd.white() - lp) * 0.35;
            double a = t < attack ? (double) t / attack : 1;
            double v = lp * env * a;
            l[k] += (float) (v * 0.45);
            r[k] += (float) (v * 0.55);
            if (t >= attack) {
                env *= decay;
            }
            if (++k == l.length) {
                k = 0;
            }
        }
    }
}
