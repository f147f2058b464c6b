package dev.tsuzuku.voice;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Procedural music beds, one character per mood: a four-chord progression played twice as an
 * eight-bar loop, with a pad, a bass, a plucked (FM) arpeggio on a pentatonic or in-sen scale
 * and soft percussion. The loop is rendered into a circular buffer, so note tails at its end
 * wrap to its start and the bed repeats seamlessly for any length; it fades in and out.
 * Deterministic: the same mood, length and seed give the same samples.
 */
public final class MusicBed {
    public static final int RATE = 48_000;

    /** The moods with their own bed; others map through {@link #SYNONYMS} or to "tender". */
    public static final List<String> MOODS = List.of("tense", "tender", "playful", "mysterious", "triumphant", "sad");

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("suspense", "tense"), Map.entry("suspenseful", "tense"), Map.entry("danger", "tense"),
            Map.entry("scary", "tense"), Map.entry("action", "tense"), Map.entry("angry", "tense"),
            Map.entry("calm", "tender"), Map.entry("gentle", "tender"), Map.entry("warm", "tender"),
            Map.entry("romantic", "tender"), Map.entry("peaceful", "tender"),
            Map.entry("happy", "playful"), Map.entry("funny", "playful"), Map.entry("comic", "playful"),
            Map.entry("cheerful", "playful"), Map.entry("whimsical", "playful"),
            Map.entry("magical", "mysterious"), Map.entry("eerie", "mysterious"), Map.entry("dark", "mysterious"),
            Map.entry("strange", "mysterious"), Map.entry("wonder", "mysterious"),
            Map.entry("epic", "triumphant"), Map.entry("heroic", "triumphant"), Map.entry("victory", "triumphant"),
            Map.entry("hopeful", "triumphant"),
            Map.entry("melancholy", "sad"), Map.entry("sorrow", "sad"), Map.entry("grief", "sad"),
            Map.entry("lonely", "sad"), Map.entry("bittersweet", "sad"));

    private static final double TARGET_RMS = 0.063; // about -24 dBFS: a bed, not a song
    private static final double MAX_PEAK = 0.5;
    private static final int BARS = 8;

    private static final int[] MAJOR_PENTATONIC = {0, 2, 4, 7, 9};
    private static final int[] MINOR_PENTATONIC = {0, 3, 5, 7, 10};
    private static final int[] IN_SEN = {0, 1, 5, 7, 10};
    private static final int[][] ARP_PATTERNS = {
        {0, 1, 2, 3, 4, 3, 2, 1}, {0, 2, 1, 3, 2, 4, 3, 5}, {0, 2, 4, 2, 1, 3, 5, 3}, {0, 1, 2, 4, 3, 2, 1, 2}};

    private static final Wavetable PAD_DARK = Wavetable.harmonics(1, 0.35, 0.12, 0.05);
    private static final Wavetable PAD_BRIGHT = Wavetable.harmonics(1, 0.5, 0.3, 0.18, 0.1, 0.06);
    private static final Wavetable BASS = Wavetable.harmonics(1, 0.3, 0.08);

    enum Drums { NONE, BRUSH, TAIKO, MARCH, BOUNCE, HEARTBEAT }

    /** How one mood sounds. Chords are semitones above {@code root} (a MIDI note). */
    record Style(int bpm, int root, int[][] chords, int[] scale, boolean bright, int arpPerBeat,
                 double arpLevel, double pluckSeconds, double fmRatio, double fmIndex, Drums drums) {}

    private MusicBed() {}

    /** Interleaved stereo at {@link #RATE}, {@code round(seconds × RATE)} sample frames long. */
    public static float[] render(String mood, double seconds, long seed) {
        if (!(seconds >= 0) || seconds * RATE > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("seconds must be >= 0 and at most "
                    + Integer.MAX_VALUE / 2 / RATE + ", was " + seconds);
        }
        return renderFrames(mood, (int) Math.round(seconds * RATE), seed);
    }

    /** The mood a free-text mood word plays as: one of {@link #MOODS}. */
    public static String moodOf(String mood) {
        String m = mood == null ? "" : mood.strip().toLowerCase(Locale.ROOT);
        if (MOODS.contains(m)) {
            return m;
        }
        return SYNONYMS.getOrDefault(m, "tender");
    }

    static float[] renderFrames(String mood, int frames, long seed) {
        float[][] loop = cachedLoop(moodOf(mood), seed);
        float[] l = loop[0];
        float[] r = loop[1];
        int n = l.length;
        float[] out = new float[frames * 2];
        int fadeIn = Math.min(RATE * 3 / 2, frames / 3);
        int fadeOut = Math.min(RATE * 5 / 2, frames / 3);
        int k = 0;
        for (int i = 0; i < frames; i++) {
            double g = 1;
            if (i < fadeIn) {
                g = smooth((double) i / fadeIn);
            }
            if (i >= frames - fadeOut) {
                g *= smooth((double) (frames - 1 - i) / fadeOut);
            }
            out[2 * i] = (float) (l[k] * g);
            out[2 * i + 1] = (float) (r[k] * g);
            if (++k == n) {
                k = 0;
            }
        }
        return out;
    }

    /**
     * The last few loops rendered: a preview, a re-mix after a voice change or a test renders the
     * same mood and seed again, and a loop costs far more than tiling it. Kept small because a
     * loop of a slow mood is several megabytes.
     */
    private static final Map<String, float[][]> LOOPS = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[][]> eldest) {
            return size() > 3;
        }
    };

    private static float[][] cachedLoop(String mood, long seed) {
        String key = mood + "/" + seed;
        synchronized (LOOPS) {
            float[][] hit = LOOPS.get(key);
            if (hit != null) {
                return hit;
            }
        }
        float[][] loop = loop(style(mood), seed);
        synchronized (LOOPS) {
            LOOPS.put(key, loop);
        }
        return loop;
    }

    /** Sample frames in one loop of a mood's bed. */
    static int loopFrames(String mood) {
        Style s = style(moodOf(mood));
        return BARS * 4 * samplesPerBeat(s);
    }

    static Style style(String mood) {
        return switch (mood) {
            case "tense" -> new Style(96, 45, new int[][] {{0, 3, 7}, {1, 5, 8}, {0, 3, 7}, {-1, 2, 5}},
                    MINOR_PENTATONIC, false, 4, 0.7, 0.22, 1, 1.6, Drums.TAIKO);
            case "playful" -> new Style(120, 48, new int[][] {{0, 4, 7}, {7, 11, 14}, {9, 12, 16}, {5, 9, 12}},
                    MAJOR_PENTATONIC, true, 2, 0.9, 0.16, 2, 2.5, Drums.BOUNCE);
            case "mysterious" -> new Style(60, 40, new int[][] {{0, 3, 7, 14}, {1, 5, 8}, {0, 3, 7, 10}, {-2, 3, 7}},
                    IN_SEN, false, 1, 0.9, 1.6, 3.5, 2.2, Drums.HEARTBEAT);
            case "triumphant" -> new Style(112, 46, new int[][] {{0, 4, 7}, {-2, 2, 5}, {5, 9, 12}, {7, 11, 14}},
                    MAJOR_PENTATONIC, true, 2, 0.8, 0.45, 1, 1.8, Drums.MARCH);
            case "sad" -> new Style(64, 41, new int[][] {{0, 3, 7}, {-4, 0, 3}, {3, 7, 10}, {-2, 2, 5}},
                    MINOR_PENTATONIC, false, 2, 0.7, 1.2, 1, 1.0, Drums.NONE);
            default -> new Style(72, 50, new int[][] {{0, 4, 7}, {-3, 0, 4}, {5, 9, 12}, {7, 11, 14}},
                    MAJOR_PENTATONIC, false, 2, 0.8, 0.9, 1, 1.2, Drums.BRUSH);
        };
    }

    private static int samplesPerBeat(Style s) {
        return (int) Math.round(RATE * 60.0 / s.bpm());
    }

    /** One seamless loop as {left, right}, normalised to the bed level. */
    private static float[][] loop(Style s, long seed) {
        int beat = samplesPerBeat(s);
        int bar = beat * 4;
        int n = bar * BARS;
        float[] l = new float[n];
        float[] r = new float[n];
        Noise rnd = new Noise(seed ^ 0x5EEDL);
        for (int b = 0; b < BARS; b++) {
            int[] chord = s.chords()[b % s.chords().length];
            int start = b * bar;
            pad(l, r, start, bar, chord, s);
            bass(l, r, start, beat, chord, s);
            arpeggio(l, r, start, beat, chord, s, rnd, b >= BARS / 2);
            drums(l, r, start, beat, b, s, rnd);
        }
        normalise(l, r);
        return new float[][] {l, r};
    }

    private static void pad(float[] l, float[] r, int start, int bar, int[] chord, Style s) {
        Wavetable wave = s.bright() ? PAD_BRIGHT : PAD_DARK;
        int attack = Math.min(bar / 2, (int) (0.8 * RATE));
        int release = RATE;
        int length = bar + release;
        double level = 0.32 / chord.length;
        for (int i = 0; i < chord.length; i++) {
            double hz = hz(s.root() + 12 + chord[i]);
            // Two oscillators a few cents apart, one leaning left and one right: a wide, slow chorus.
            double up = hz * 1.0035;
            double down = hz / 1.0035;
            double p1 = 0.17 * i;
            double p2 = 0.61 * i;
            int k = start % l.length;
            for (int t = 0; t < length; t++) {
                double env = t < attack ? (double) t / attack
                        : t < bar ? 1 : 1 - (double) (t - bar) / release;
                env = env * env * level;
                double a = wave.at(p1) * env;
                double c = wave.at(p2) * env;
                l[k] += (float) (0.7 * a + 0.3 * c);
                r[k] += (float) (0.3 * a + 0.7 * c);
                p1 += up / RATE;
                p2 += down / RATE;
                if (++k == l.length) {
                    k = 0;
                }
            }
        }
    }

    private static void bass(float[] l, float[] r, int start, int beat, int[] chord, Style s) {
        int degree = Math.floorMod(chord[0], 12);
        double hz = hz(s.root() + (degree > 7 ? degree - 12 : degree)); // keep the bass line within a fifth of the root
        double decay = StrictMath.exp(-1.0 / (0.7 * RATE));
        for (int half = 0; half < 2; half++) {
            int k = (start + half * 2 * beat) % l.length;
            double phase = 0;
            double env = 0.16;
            int attack = RATE / 100;
            for (int t = 0; t < 2 * beat; t++) {
                double a = t < attack ? (double) t / attack : 1;
                double tail = t > 2 * beat - RATE / 20 ? (2.0 * beat - t) / (RATE / 20.0) : 1; // no click at the end
                double v = BASS.at(phase) * env * a * tail;
                l[k] += (float) v;
                r[k] += (float) v;
                env *= decay;
                phase += hz / RATE;
                if (++k == l.length) {
                    k = 0;
                }
            }
        }
    }

    private static void arpeggio(float[] l, float[] r, int start, int beat, int[] chord, Style s, Noise rnd,
                                 boolean variation) {
        int steps = 4 * s.arpPerBeat();
        int step = beat / s.arpPerBeat();
        int[] pattern = ARP_PATTERNS[rnd.below(ARP_PATTERNS.length)];
        int[] tones = new int[6];
        for (int i = 0; i < 6; i++) {
            tones[i] = chord[i % 3] + (i / 3) * 12;
        }
        int register = s.arpPerBeat() >= 4 ? 12 : 24;
        for (int i = 0; i < steps; i++) {
            if (variation && rnd.unit() < 0.12) {
                continue; // a rest now and then keeps the repeat from sounding mechanical
            }
            int note = s.root() + register + tones[pattern[i % pattern.length]];
            if (rnd.unit() < 0.15) {
                note = scaleNoteAbove(note, s);
            }
            double accent = i % s.arpPerBeat() == 0 ? 1 : 0.7;
            double pan = 0.5 + (i % 2 == 0 ? -0.2 : 0.2);
            pluck(l, r, start + i * step, hz(note), s, 0.11 * s.arpLevel() * accent, pan);
        }
    }

    /** A two-operator FM pluck: bright at the attack, mellowing as the modulation index decays. */
    private static void pluck(float[] l, float[] r, int start, double hz, Style s, double level, double pan) {
        int length = (int) Math.min(2 * RATE, 5 * s.pluckSeconds() * RATE);
        double decay = StrictMath.exp(-1.0 / (s.pluckSeconds() * RATE));
        double indexDecay = StrictMath.exp(-1.0 / (s.pluckSeconds() * 0.4 * RATE));
        int attack = RATE * 3 / 1000;
        double env = level;
        double index = s.fmIndex();
        double pc = 0;
        double pm = 0;
        int k = start % l.length;
        for (int t = 0; t < length; t++) {
            double a = t < attack ? (double) t / attack : 1;
            double fade = t > length - RATE / 50 ? (length - t) / (RATE / 50.0) : 1;
            double v = Sines.cycle(pc + index * Sines.cycle(pm) / (2 * Math.PI)) * env * a * fade;
            l[k] += (float) (v * (1 - pan));
            r[k] += (float) (v * pan);
            env *= decay;
            index *= indexDecay;
            pc += hz / RATE;
            pm += hz * s.fmRatio() / RATE;
            if (++k == l.length) {
                k = 0;
            }
        }
    }

    private static void drums(float[] l, float[] r, int start, int beat, int bar, Style s, Noise rnd) {
        int sixteenth = beat / 4;
        switch (s.drums()) {
            case TAIKO -> {
                for (int p : new int[] {0, 6, 8}) {
                    Percussion.thump(l, r, start + p * sixteenth, p == 0 ? 0.22 : 0.15, 48);
                }
                for (int p = 0; p < 16; p++) {
                    Percussion.tick(l, r, start + p * sixteenth, p % 2 == 0 ? 0.02 : 0.011, 0.65, rnd);
                }
            }
            case MARCH -> {
                Percussion.thump(l, r, start, 0.22, 55);
                Percussion.thump(l, r, start + 8 * sixteenth, 0.17, 55);
                if (bar % 2 == 1) {
                    Percussion.thump(l, r, start + 12 * sixteenth, 0.14, 60);
                    Percussion.thump(l, r, start + 14 * sixteenth, 0.14, 60);
                }
                for (int p = 2; p < 16; p += 4) {
                    Percussion.tick(l, r, start + p * sixteenth, 0.02, 0.6, rnd);
                }
            }
            case BOUNCE -> {
                Percussion.thump(l, r, start, 0.16, 60);
                Percussion.thump(l, r, start + 8 * sixteenth, 0.13, 60);
                Percussion.block(l, r, start + 4 * sixteenth, 0.06, 1100, 0.35);
                Percussion.block(l, r, start + 12 * sixteenth, 0.06, 1100, 0.35);
                if (bar % 2 == 1) {
                    Percussion.block(l, r, start + 14 * sixteenth, 0.04, 1450, 0.35);
                }
                for (int p = 2; p < 16; p += 4) {
                    Percussion.tick(l, r, start + p * sixteenth, 0.018, 0.65, rnd);
                }
            }
            case BRUSH -> {
                Percussion.brush(l, r, start + 4 * sixteenth, 0.03, rnd);
                Percussion.brush(l, r, start + 12 * sixteenth, 0.03, rnd);
            }
            case HEARTBEAT -> {
                if (bar % 2 == 0) {
                    Percussion.thump(l, r, start, 0.12, 42);
                    Percussion.thump(l, r, start + 3 * sixteenth, 0.08, 42);
                }
            }
            case NONE -> { }
        }
    }

    private static int scaleNoteAbove(int note, Style s) {
        int rel = Math.floorMod(note - s.root(), 12);
        for (int d : s.scale()) {
            if (d > rel) {
                return note + d - rel;
            }
        }
        return note + 12 - rel;
    }

    static double hz(int midi) {
        return 440 * StrictMath.pow(2, (midi - 69) / 12.0);
    }

    private static double smooth(double x) {
        double t = Math.max(0, Math.min(1, x));
        return t * t * (3 - 2 * t);
    }

    private static void normalise(float[] l, float[] r) {
        double sum = 0;
        double peak = 0;
        for (int i = 0; i < l.length; i++) {
            sum += (double) l[i] * l[i] + (double) r[i] * r[i];
            peak = Math.max(peak, Math.max(Math.abs(l[i]), Math.abs(r[i])));
        }
        double rms = Math.sqrt(sum / (2.0 * l.length));
        if (rms == 0) {
            return;
        }
        float g = (float) Math.min(TARGET_RMS / rms, MAX_PEAK / peak);
        for (int i = 0; i < l.length; i++) {
            l[i] *= g;
            r[i] *= g;
        }
    }
}
