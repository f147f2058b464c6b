package dev.tsuzuku.voice;

/**
 * The hook's dramatic hit: a taiko-ish double thump with a noise slap at the downbeat, then a
 * rising swell (a detuned tone gliding up a fifth over filtered noise) that cuts off sharply,
 * the way anime underline a reveal. The hit is at sample 0, so placing the stinger at the
 * hook shot's first sample lands the hit on the cut.
 */
public final class Stinger {
    public static final int RATE = MusicBed.RATE;
    static final double SECONDS = 2.2;
    private static final double SWELL_SECONDS = 1.6;

    private Stinger() {}

    /** Interleaved stereo at {@link #RATE}, {@value #SECONDS} s long. */
    public static float[] render(long seed) {
        int n = (int) (SECONDS * RATE);
        float[] l = new float[n];
        float[] r = new float[n];
        Noise rnd = new Noise(seed ^ 0x57176E2L);
        Percussion.thump(l, r, 0, 0.75, 52);
        Percussion.thump(l, r, RATE / 9, 0.35, 47);
        slap(l, r, rnd);
        swell(l, r, rnd);
        float[] out = new float[n * 2];
        for (int i = 0; i < n; i++) {
            out[2 * i] = l[i];
            out[2 * i + 1] = r[i];
        }
        return out;
    }

    /** The skin of the drum: a short burst of band-passed noise on the hit. */
    private static void slap(float[] l, float[] r, Noise rnd) {
        Resonator band = new Resonator(RATE).tune(900, 700);
        int length = RATE / 8;
        double decay = StrictMath.exp(-1.0 / (0.02 * RATE));
        double env = 0.5;
        for (int t = 0; t < length; t++) {
            double v = band.next(rnd.white()) * env;
            l[t] += (float) v;
            r[t] += (float) v;
            env *= decay;
        }
    }

    private static void swell(float[] l, float[] r, Noise rnd) {
        int start = RATE / 10;
        int length = (int) (SWELL_SECONDS * RATE);
        int cut = RATE / 25;
        Resonator airL = new Resonator(RATE);
        Resonator airR = new Resonator(RATE);
        double p1 = 0;
        double p2 = 0;
        double from = MusicBed.hz(57);
        for (int t = 0; t < length && start + t < l.length; t++) {
            double x = (double) t / length;
            double rise = x * x * x; // slow at first, rushing at the end
            double end = t > length - cut ? (double) (length - t) / cut : 1;
            double hz = from * (1 + 0.5 * rise);
            if (t % 64 == 0) {
                airL.tune(600 + 5000 * rise, 400 + 1500 * rise);
                airR.tune(650 + 5200 * rise, 400 + 1500 * rise);
            }
            double tone = 0.5 * (Sines.cycle(p1) + Sines.cycle(p2)) * 0.22 * rise * end;
            double air = 0.35 * rise * end;
            l[start + t] += (float) (tone + airL.next(rnd.white()) * air);
            r[start + t] += (float) (tone + airR.next(rnd.white()) * air);
            p1 += hz * 1.004 / RATE;
            p2 += hz / 1.004 / RATE;
        }
    }
}
