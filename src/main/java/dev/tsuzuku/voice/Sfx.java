package dev.tsuzuku.voice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Synthesised sound effects for the storyboard's cue words. Ambiences (waves, wind, rain, fire,
 * birds) last as long as they are allowed to, up to {@value #MAX_AMBIENCE_SECONDS} s; one-shots
 * (thunder, bell, footsteps, door, splash, sword) have their own length. A cue that names none of
 * them renders nothing: storyboards are written by people and writers that invent cues.
 */
public final class Sfx {
    public static final int RATE = MusicBed.RATE;
    static final double MAX_AMBIENCE_SECONDS = 12;

    /** Effect names, each with the cue words that select it, tried in this order. */
    private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("birds", Set.of("bird", "birds", "birdsong", "chirp", "chirps", "chirping", "songbird", "songbirds",
                "seabird", "seabirds", "sparrow", "sparrows", "cuckoo", "crow", "crows", "tweet", "tweeting"));
        WORDS.put("thunder", Set.of("thunder", "thunders", "thunderclap", "thunderstorm", "lightning", "storm", "stormy"));
        WORDS.put("rain", Set.of("rain", "rains", "rainfall", "raining", "rainy", "drizzle", "downpour", "raindrops",
                "rainstorm"));
        WORDS.put("sword", Set.of("sword", "swords", "blade", "blades", "katana", "clash", "slash", "swordfight", "steel",
                "unsheathe", "unsheathes"));
        WORDS.put("bell", Set.of("bell", "bells", "gong", "chime", "chimes", "toll", "tolling"));
        WORDS.put("footsteps", Set.of("footsteps", "footstep", "steps", "step", "walking", "running", "stomp", "stomps",
                "footfalls", "footfall"));
        WORDS.put("door", Set.of("door", "doors", "knock", "knocks", "knocking", "creak", "creaks", "creaking", "gate",
                "slam", "slams", "shoji"));
        WORDS.put("splash", Set.of("splash", "splashes", "splashing", "plunge", "plunges", "dive", "dives", "ripple",
                "ripples"));
        WORDS.put("fire", Set.of("fire", "fires", "flame", "flames", "crackle", "crackles", "crackling", "campfire",
                "hearth", "torch", "torches", "bonfire", "burning"));
        WORDS.put("wind", Set.of("wind", "winds", "windy", "breeze", "breezes", "gust", "gusts", "howling", "gale"));
        WORDS.put("waves", Set.of("waves", "wave", "sea", "ocean", "surf", "shore", "tide", "seashore", "beach", "seaside"));
    }

    /** The effects this class can render. */
    public static final List<String> KINDS = List.copyOf(WORDS.keySet());

    private Sfx() {}

    /** The effect a cue asks for ("distant thunder" → "thunder"), or empty if none fits. */
    public static Optional<String> kindOf(String cue) {
        if (cue == null) {
            return Optional.empty();
        }
        String[] tokens = cue.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        for (Map.Entry<String, Set<String>> e : WORDS.entrySet()) {
            for (String t : tokens) {
                if (e.getValue().contains(t)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Interleaved stereo at {@link #RATE}; empty for a cue no effect fits. Ambiences last
     * {@code maxSeconds} (at least 1.5 s, at most {@value #MAX_AMBIENCE_SECONDS} s).
     */
    public static float[] render(String cue, double maxSeconds, long seed) {
        Optional<String> kind = kindOf(cue);
        if (kind.isEmpty()) {
            return new float[0];
        }
        double ambience = Math.max(1.5, Math.min(MAX_AMBIENCE_SECONDS, maxSeconds));
        Noise rnd = new Noise(seed ^ SynthVoice.Fnv.hash(kind.get()));
        Buffer b = switch (kind.get()) {
            case "waves" -> waves(ambience, rnd);
            case "wind" -> wind(ambience, rnd);
            case "rain" -> rain(ambience, rnd);
            case "fire" -> fire(ambience, rnd);
            case "birds" -> birds(ambience, rnd);
            case "thunder" -> thunder(rnd);
            case "bell" -> bell();
            case "footsteps" -> footsteps(rnd);
            case "door" -> door(rnd);
            case "splash" -> splash(rnd);
            case "sword" -> sword(rnd);
            default -> throw new IllegalStateException("no renderer for " + kind.get());
        };
        boolean oneShot = Set.of("thunder", "bell", "footsteps", "door", "splash", "sword").contains(kind.get());
        return b.finish(oneShot ? 0.35 : 0.2);
    }

    /** A stereo work buffer with fades and peak normalisation on the way out. */
    private static final class Buffer {
        final float[] l;
        final float[] r;

        Buffer(double seconds) {
            int n = (int) Math.round(seconds * RATE);
            l = new float[n];
            r = new float[n];
        }

        int length() {
            return l.length;
        }

        void add(int i, double left, double right) {
            if (i >= 0 && i < l.length) {
                l[i] += (float) left;
                r[i] += (float) right;
            }
        }

        Buffer fades(double inSeconds, double outSeconds) {
            int fi = Math.min(l.length / 2, (int) (inSeconds * RATE));
            int fo = Math.min(l.length / 2, (int) (outSeconds * RATE));
            for (int i = 0; i < fi; i++) {
                float g = (float) i / fi;
                l[i] *= g;
                r[i] *= g;
            }
            for (int i = 0; i < fo; i++) {
                float g = (float) i / fo;
                l[l.length - 1 - i] *= g;
                r[r.length - 1 - i] *= g;
            }
            return this;
        }

        float[] finish(double peakTarget) {
            double peak = 0;
            for (int i = 0; i < l.length; i++) {
                peak = Math.max(peak, Math.max(Math.abs(l[i]), Math.abs(r[i])));
            }
            float g = peak == 0 ? 0 : (float) (peakTarget / peak);
            float[] out = new float[l.length * 2];
            for (int i = 0; i < l.length; i++) {
                out[2 * i] = l[i] * g;
                out[2 * i + 1] = r[i] * g;
            }
            return out;
        }
    }

    // ---- ambiences ------------------------------------------------------------------------------

    private static Buffer waves(double seconds, Noise rnd) {
        Buffer b = new Buffer(seconds);
        double lpL = 0;
        double lpR = 0;
        double period = 4.5 + rnd.unit();
        for (int i = 0; i < b.length(); i++) {
            double t = (double) i / RATE;
            double swellL = 0.5 - 0.5 * Sines.cycle(t / period + 0.25);
            double swellR = 0.5 - 0.5 * Sines.cycle(t / period + 0.35);
            lpL += (rnd.white() - lpL) * (0.02 + 0.2 * swellL * swellL);
            lpR += (rnd.white() - lpR) * (0.02 + 0.2 * swellR * swellR);
            b.add(i, lpL * (0.15 + swellL * swellL), lpR * (0.15 + swellR * swellR));
        }
        return b.fades(0.6, 1.0);
    }

    private static Buffer wind(double seconds, Noise rnd) {
        Buffer b = new Buffer(seconds);
        Resonator whistleL = new Resonator(RATE);
        Resonator whistleR = new Resonator(RATE);
        double rumble = 0;
        for (int i = 0; i < b.length(); i++) {
            double t = (double) i / RATE;
            double gust = 0.5 + 0.3 * Sines.cycle(t * 0.13) + 0.2 * Sines.cycle(t * 0.31 + 0.2);
            if (i % 64 == 0) {
                whistleL.tune(380 + 700 * gust, 120 + 150 * gust);
                whistleR.tune(420 + 760 * gust, 120 + 150 * gust);
            }
            rumble += (rnd.white() - rumble) * 0.01;
            double wl = whistleL.next(rnd.white()) * 0.25 * gust;
            double wr = whistleR.next(rnd.white()) * 0.25 * gust;
            b.add(i, wl + rumble * gust, wr + rumble * gust);
        }
        return b.fades(0.8, 1.0);
    }

    private static Buffer rain(double seconds, Noise rnd) {
        Buffer b = new Buffer(seconds);
        double prevL = 0;
        double prevR = 0;
        double lpL = 0;
        double lpR = 0;
        for (int i = 0; i < b.length(); i++) {
            double nl = rnd.white();
            double nr = rnd.white();
            lpL += ((nl - prevL) - lpL) * 0.5;
            lpR += ((nr - prevR) - lpR) * 0.5;
            prevL = nl;
            prevR = nr;
            b.add(i, lpL * 0.06, lpR * 0.06);
        }
        int drops = (int) (seconds * 45);
        for (int d = 0; d < drops; d++) {
            droplet(b, rnd.below(b.length()), 2200 + 2800 * rnd.unit(), 0.04 + 0.1 * rnd.unit(), rnd.unit());
        }
        return b.fades(0.5, 0.8);
    }

    private static Buffer fire(double seconds, Noise rnd) {
        Buffer b = new Buffer(seconds);
        double roar = 0;
        double roar2 = 0;
        for (int i = 0; i < b.length(); i++) {
            roar += (rnd.white() - roar) * 0.01;
            roar2 += (roar - roar2) * 0.05;
            b.add(i, roar2 * 1.6, roar2 * 1.6);
        }
        int crackles = (int) (seconds * 9);
        for (int c = 0; c < crackles; c++) {
            int at = rnd.below(b.length());
            int pops = 1 + rnd.below(4);
            double pan = rnd.unit();
            for (int p = 0; p < pops; p++) {
                int start = at + p * (RATE / 200 + rnd.below(RATE / 60));
                double level = 0.1 + 0.3 * rnd.unit();
                double prev = 0;
                for (int t = 0; t < RATE / 400; t++) {
                    double n = rnd.white();
                    double v = (n - prev) * level * (1 - (double) t / (RATE / 400.0));
                    prev = n;
                    b.add(start + t, v * (1 - pan), v * pan);
                }
            }
        }
        return b.fades(0.5, 0.8);
    }

    private static Buffer birds(double seconds, Noise rnd) {
        Buffer b = new Buffer(seconds);
        int at = (int) (0.2 * RATE);
        while (at < b.length() - RATE / 2) {
            int chirps = 2 + rnd.below(3);
            double base = 2600 + 1400 * rnd.unit();
            double pan = 0.2 + 0.6 * rnd.unit();
            boolean up = rnd.unit() < 0.5;
            for (int c = 0; c < chirps; c++) {
                int len = (int) ((0.05 + 0.05 * rnd.unit()) * RATE);
                double phase = 0;
                for (int t = 0; t < len; t++) {
                    double x = (double) t / len;
                    double hz = base + (up ? 1 : -1) * 1100 * x + 120 * Sines.cycle(x * 3);
                    phase += hz / RATE;
                    double env = Sines.cycle(x * 0.5) * 0.3;
                    double v = Sines.cycle(phase) * env;
                    b.add(at + t, v * (1 - pan), v * pan);
                }
                at += len + (int) ((0.04 + 0.06 * rnd.unit()) * RATE);
            }
            at += (int) ((0.6 + 1.2 * rnd.unit()) * RATE);
        }
        return b.fades(0.3, 0.5);
    }

    // ---- one-shots --------------------------------------------------------------------------

    private static Buffer thunder(Noise rnd) {
        Buffer b = new Buffer(4.5);
        double decay = StrictMath.exp(-1.0 / (1.1 * RATE));
        double env = 1;
        double lp1 = 0;
        double lp2 = 0;
        double mod = 0;
        double prev = 0;
        for (int i = 0; i < b.length(); i++) {
            double n = rnd.white();
            lp1 += (n - lp1) * 0.02;
            lp2 += (lp1 - lp2) * 0.02;
            if (i % 256 == 0) {
                mod = 0.5 + 0.5 * rnd.unit(); // rolling: the rumble comes in uneven waves
            }
            double crack = i < RATE / 6 ? (n - prev) * 0.6 * (1 - (double) i / (RATE / 6.0)) : 0;
            prev = n;
            double attack = Math.min(1, i / (0.05 * RATE));
            double v = lp2 * 9 * env * attack * mod + crack;
            b.add(i, v, v * 0.9 + crack * 0.1);
            env *= decay;
        }
        return b.fades(0, 0.5);
    }

    /** A deep temple bell: hum, prime, minor third, fifth and nominal partials, lower ones ringing longer. */
    private static Buffer bell() {
        Buffer b = new Buffer(5);
        double base = 196;
        double[] ratios = {0.5, 1, 1.19, 1.5, 2, 2.74, 3.76};
        double[] levels = {0.5, 1, 0.6, 0.35, 0.45, 0.25, 0.15};
        double[] taus = {3.5, 2.8, 1.8, 1.5, 1.2, 0.7, 0.4};
        for (int p = 0; p < ratios.length; p++) {
            double decay = StrictMath.exp(-1.0 / (taus[p] * RATE));
            double env = levels[p];
            double hz = base * ratios[p];
            double beat = 1 + 0.0015 * (p + 1); // slightly detuned twins: the bell's warble
            for (int i = 0; i < b.length(); i++) {
                double a = Math.min(1, i / (0.002 * RATE));
                double v = env * a * 0.5 * (Sines.cycle(hz * i / RATE) + Sines.cycle(hz * beat * i / RATE));
                b.add(i, v, v);
                env *= decay;
            }
        }
        return b.fades(0, 0.4);
    }

    private static Buffer footsteps(Noise rnd) {
        int steps = 5;
        double gap = 0.48;
        Buffer b = new Buffer(steps * gap + 0.6);
        for (int s = 0; s < steps; s++) {
            int at = (int) ((s * gap + 0.04 * rnd.unit()) * RATE);
            double pan = s % 2 == 0 ? 0.42 : 0.58;
            double level = 0.7 + 0.3 * rnd.unit();
            Percussion.thump(b.l, b.r, at, 0.5 * level, 70);
            double lp = 0;
            int scuff = (int) (0.07 * RATE);
            int soft = RATE / 300; // a few ms of onset, or the scuff clicks
            for (int t = 0; t < scuff; t++) {
                lp += (rnd.white() - lp) * 0.25;
                double v = lp * level * 0.6 * (1 - (double) t / scuff) * Math.min(1, (double) t / soft);
                b.add(at + t, v * (1 - pan), v * pan);
            }
        }
        return b.fades(0, 0.1);
    }

    private static Buffer door(Noise rnd) {
        Buffer b = new Buffer(1.6);
        Resonator body = new Resonator(RATE).tune(650, 120);
        Resonator hinge = new Resonator(RATE).tune(1500, 200);
        int creak = (int) (0.75 * RATE);
        double phase = 0;
        for (int i = 0; i < creak; i++) {
            double x = (double) i / creak;
            double rate = 22 + 45 * Sines.cycle(x * 0.5) + 6 * rnd.white(); // stick-slip: uneven clicks
            phase += rate / RATE;
            double pulse = 0;
            if (phase >= 1) {
                phase -= 1;
                pulse = 1;
            }
            double v = (body.next(pulse) * 0.6 + hinge.next(pulse) * 0.4) * Sines.cycle(x * 0.5);
            b.add(i, v * 0.6, v * 0.4);
        }
        int at = (int) (0.78 * RATE);
        Percussion.thump(b.l, b.r, at, 0.6, 58);
        double lp = 0;
        for (int t = 0; t < RATE / 10; t++) {
            lp += (rnd.white() - lp) * 0.2;
            double v = lp * 0.5 * (1 - t / (RATE / 10.0));
            b.add(at + t, v, v);
        }
        return b.fades(0.01, 0.2);
    }

    private static Buffer splash(Noise rnd) {
        Buffer b = new Buffer(1.5);
        double decay = StrictMath.exp(-1.0 / (0.22 * RATE));
        double env = 1;
        double lpL = 0;
        double lpR = 0;
        for (int i = 0; i < b.length(); i++) {
            double x = (double) i / b.length();
            double open = 0.6 * (1 - x) * (1 - x) + 0.02;
            lpL += (rnd.white() - lpL) * open;
            lpR += (rnd.white() - lpR) * open;
            double a = Math.min(1, i / (0.008 * RATE));
            b.add(i, lpL * env * a, lpR * env * a);
            env *= decay;
        }
        for (int d = 0; d < 18; d++) {
            double when = 0.1 + 1.1 * rnd.unit() * rnd.unit(); // more drops early
            droplet(b, (int) (when * RATE), 900 + 1800 * rnd.unit(), 0.08 + 0.12 * rnd.unit(), rnd.unit());
        }
        return b.fades(0, 0.2);
    }

    private static Buffer sword(Noise rnd) {
        Buffer b = new Buffer(1.9);
        Resonator swish = new Resonator(RATE);
        int swishLen = (int) (0.24 * RATE);
        for (int i = 0; i < swishLen; i++) {
            double x = (double) i / swishLen;
            if (i % 32 == 0) {
                swish.tune(700 + 2600 * x, 600);
            }
            double v = swish.next(rnd.white()) * Sines.cycle(x * 0.5) * 0.5;
            b.add(i, v * (1 - x), v * x);
        }
        int ring = (int) (0.22 * RATE);
        double[] partials = {2150, 3320, 4710, 6130, 7900};
        double[] taus = {1.1, 0.9, 0.7, 0.5, 0.35};
        for (int p = 0; p < partials.length; p++) {
            double decay = StrictMath.exp(-1.0 / (taus[p] * RATE));
            double env = 0.3 / (p + 1);
            for (int t = 0; ring + t < b.length(); t++) {
                double v = env * (Sines.cycle(partials[p] * t / RATE) + Sines.cycle(partials[p] * 1.003 * t / RATE));
                b.add(ring + t, v * 0.45, v * 0.55);
                env *= decay;
            }
        }
        return b.fades(0, 0.2);
    }

    /** A water drop: a short sine that glides up, the "plink" of rain and splashes. */
    private static void droplet(Buffer b, int at, double hz, double level, double pan) {
        int len = (int) (0.012 * RATE);
        double phase = 0;
        double decay = StrictMath.exp(-1.0 / (0.004 * RATE));
        double env = level;
        for (int t = 0; t < len; t++) {
            phase += hz * (1 + 0.6 * t / len) / RATE;
            double v = Sines.cycle(phase) * env;
            b.add(at + t, v * (1 - pan), v * pan);
            env *= decay;
        }
    }
}
