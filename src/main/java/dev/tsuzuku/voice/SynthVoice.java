package dev.tsuzuku.voice;

import dev.tsuzuku.model.VoiceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small built-in speech-like synthesiser (a cascade formant synthesiser in the Klatt manner),
 * used when espeak-ng is absent and as the fast voice in tests. It is not intelligible speech:
 * it gives each line a plausible voice, syllable rhythm and length, so timing, mixing and
 * ducking work end to end without any system package. Pure Java and deterministic: the same
 * text and spec give the same bytes on every machine (StrictMath only, seeded noise).
 */
public final class SynthVoice implements Voice {
    static final int RATE = 22_050;
    private static final int BLOCK = 32;

    @Override
    public String name() {
        return "built-in";
    }

    @Override
    public Speech speak(String text, VoiceSpec voice, Path wavOut) {
        float[] samples = render(text == null ? "" : text, voice);
        Pcm pcm = new Pcm(RATE, 1, samples);
        WavFile.write(wavOut, pcm);
        return new Speech(wavOut, pcm.seconds());
    }

    /** The timbre a voice id and pitch select: fundamental, vocal-tract scale, breathiness. */
    record Timbre(double f0, double tract, double breath) {
        static Timbre of(VoiceSpec spec) {
            String id = spec.voice() == null ? "" : spec.voice().toLowerCase(Locale.ROOT);
            long h = Fnv.hash(id);
            boolean female = id.contains("+f") || id.contains("female") || id.contains("woman");
            boolean child = id.contains("child") || id.contains("+k");
            double base = child ? 290 : female ? 205 : 112;
            double tract = child ? 1.28 : female ? 1.16 : 1.0;
            // Small stable per-id variation so two ids of the same kind still sound different.
            base *= 0.9 + 0.2 * Fnv.unit(h);
            tract *= 0.95 + 0.1 * Fnv.unit(h >>> 20);
            double breath = 0.02 + 0.06 * Fnv.unit(h >>> 40);
            int pitch = Math.max(0, Math.min(99, spec.pitch()));
            double f0 = base * StrictMath.pow(2, (pitch - 50) / 100.0);
            return new Timbre(f0, tract, breath);
        }
    }

    /** One stretch of sound with constant targets; the renderer glides between neighbours. */
    private record Segment(int samples, double voicing, double aspiration, double frication,
                           double fricHz, double f1, double f2, double f3, double pitch) {
        static Segment silence(int samples) {
            return new Segment(samples, 0, 0, 0, 4000, 500, 1500, 2500, 1);
        }
    }

    static float[] render(String text, VoiceSpec spec) {
        Timbre timbre = Timbre.of(spec);
        int wpm = Math.max(EspeakVoice.MIN_WPM, Math.min(EspeakVoice.MAX_WPM, spec.wordsPerMinute()));
        List<Segment> segments = plan(text, wpm);
        long seed = Fnv.hash(text) ^ Fnv.hash(spec.voice() == null ? "" : spec.voice()) * 31 + spec.pitch();
        return synthesise(segments, timbre, seed);
    }

    // ---- text to segments -------------------------------------------------------------------

    private static List<Segment> plan(String text, int wpm) {
        double word = 60.0 / wpm;
        double pauseScale = 175.0 / wpm;
        List<Segment> out = new ArrayList<>();
        out.add(Segment.silence(ms(60)));
        List<String> tokens = tokens(text);
        // Declination: pitch drifts down across a phrase and resets after each pause.
        int phraseStart = out.size();
        for (int t = 0; t < tokens.size(); t++) {
            String tok = tokens.get(t);
            if (isPause(tok)) {
                boolean question = tok.equals("?");
                boolean full = ".!?".contains(tok);
                shapePhrase(out, phraseStart, question, full);
                out.add(Segment.silence(sec((full ? 0.34 : 0.18) * pauseScale)));
                phraseStart = out.size();
                continue;
            }
            List<String[]> syllables = syllables(tok);
            // Scaled so a line lasts about as long as espeak-ng speaks it at the same rate.
            double wordSeconds = word * (0.38 + 0.27 * syllables.size());
            for (int s = 0; s < syllables.size(); s++) {
                double stress = s == 0 ? 1.12 : 0.94;
                addSyllable(out, syllables.get(s), wordSeconds / syllables.size() * stress, stress);
            }
            out.add(Segment.silence(sec(0.03 * pauseScale)));
        }
        shapePhrase(out, phraseStart, false, true);
        out.add(Segment.silence(ms(80)));
        return out;
    }

    private static void shapePhrase(List<Segment> out, int from, boolean question, boolean full) {
        int n = out.size() - from;
        for (int i = 0; i < n; i++) {
            Segment s = out.get(from + i);
            double pos = n <= 1 ? 1 : (double) i / (n - 1);
            double contour = 1.08 - 0.16 * pos;
            if (pos > 0.8) {
                contour *= question ? 1 + 1.2 * (pos - 0.8) : full ? 1 - 0.4 * (pos - 0.8) : 1;
            }
            out.set(from + i, new Segment(s.samples, s.voicing, s.aspiration, s.frication, s.fricHz,
                    s.f1, s.f2, s.f3, s.pitch * contour));
        }
    }

    private static void addSyllable(List<Segment> out, String[] syl, double seconds, double stress) {
        String onset = syl[0];
        String nucleus = syl[1];
        String coda = syl[2];
        double consonants = 0.16 * Math.min(2, onset.length()) + 0.1 * Math.min(2, coda.length());
        double vowelSeconds = seconds * (1 - consonants);
        for (char c : onset.toCharArray()) {
            addConsonant(out, c, seconds * 0.16 / Math.max(1, onset.length() / 2.0), stress);
        }
        double[][] targets = new double[nucleus.length()][];
        for (int i = 0; i < nucleus.length(); i++) {
            targets[i] = vowel(nucleus.charAt(i));
        }
        int parts = targets.length;
        for (int i = 0; i < parts; i++) {
            double[] f = targets[i];
            out.add(new Segment(sec(vowelSeconds / parts), stress, 0, 0, 4000, f[0], f[1], f[2], stress > 1 ? 1.04 : 1));
        }
        for (char c : coda.toCharArray()) {
            addConsonant(out, c, seconds * 0.1, stress);
        }
    }

    private static void addConsonant(List<Segment> out, char c, double seconds, double stress) {
        int n = sec(seconds);
        switch (c) {
            case 's', 'c', 'x', 'z' -> out.add(new Segment(n, c == 'z' ? 0.3 : 0, 0, 0.5, 6000, 400, 1600, 2600, 1));
            case 'f', 'v' -> out.add(new Segment(n, c == 'v' ? 0.35 : 0, 0, 0.25, 3800, 350, 1200, 2400, 1));
            case 'h' -> out.add(new Segment(n, 0, 0.5, 0, 4000, 500, 1500, 2500, 1));
            case 'j', 'y' -> out.add(new Segment(n, 0.7 * stress, 0, 0, 4000, 280, 2200, 2900, 1));
            case 'w' -> out.add(new Segment(n, 0.7 * stress, 0, 0, 4000, 300, 700, 2200, 1));
            case 'l' -> out.add(new Segment(n, 0.65 * stress, 0, 0, 4000, 360, 1300, 2700, 1));
            case 'r' -> out.add(new Segment(n, 0.65 * stress, 0, 0, 4000, 420, 1300, 1600, 1));
            case 'm' -> out.add(new Segment(n, 0.45, 0, 0, 4000, 250, 1000, 2200, 1));
            case 'n' -> out.add(new Segment(n, 0.45, 0, 0, 4000, 250, 1600, 2600, 1));
            case 'b', 'd', 'g', 'p', 't', 'k', 'q' -> {
                boolean voiced = c == 'b' || c == 'd' || c == 'g';
                double burstHz = c == 'p' || c == 'b' ? 1500 : c == 't' || c == 'd' ? 4500 : 2500;
                int closure = (int) (n * 0.6);
                out.add(new Segment(closure, voiced ? 0.15 : 0, 0, 0, burstHz, 300, 1200, 2500, 1));
                out.add(new Segment(n - closure, voiced ? 0.3 : 0, voiced ? 0.1 : 0.35, 0.45, burstHz, 400, 1500, 2500, 1));
            }
            default -> out.add(new Segment(n / 2, 0.2, 0.1, 0.05, 3000, 400, 1400, 2500, 1));
        }
    }

    /** F1–F3 of a vowel letter for an adult male vocal tract (Peterson and Barney averages). */
    private static double[] vowel(char v) {
        return switch (v) {
            case 'a' -> new double[] {730, 1090, 2440};
            case 'e' -> new double[] {530, 1840, 2480};
            case 'i', 'y' -> new double[] {390, 1990, 2550};
            case 'o' -> new double[] {570, 840, 2410};
            case 'u' -> new double[] {440, 1020, 2240};
            default -> new double[] {500, 1500, 2500}; // schwa
        };
    }

    private static boolean isPause(String token) {
        return token.length() == 1 && ",;:.!?\u2014".contains(token);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'') {
                word.append(Character.toLowerCase(c));
                continue;
            }
            if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
            if (isPause(String.valueOf(c))) {
                out.add(String.valueOf(c));
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /** Splits a word into syllables {onset, nucleus, coda} at its vowel groups. */
    static List<String[]> syllables(String word) {
        String w = word.replace("'", "");
        if (w.length() > 2 && w.endsWith("e") && !isVowel(w.charAt(w.length() - 2))) {
            w = w.substring(0, w.length() - 1); // silent final e: "time", "stone"
        }
        List<String[]> out = new ArrayList<>();
        int i = 0;
        StringBuilder onset = new StringBuilder();
        while (i < w.length()) {
            char c = w.charAt(i);
            if (!isVowel(c)) {
                onset.append(Character.isDigit(c) ? 'n' : c);
                i++;
                continue;
            }
            int start = i;
            while (i < w.length() && isVowel(w.charAt(i)) && i - start < 2) {
                i++;
            }
            out.add(new String[] {onset.toString(), w.substring(start, i), ""});
            onset.setLength(0);
        }
        if (out.isEmpty()) {
            out.add(new String[] {onset.toString(), "\u0259", ""});
        } else if (onset.length() > 0) {
            String[] last = out.get(out.size() - 1);
            last[2] = onset.toString();
        }
        return out;
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    // ---- segments to samples ----------------------------------------------------------------

    private static float[] synthesise(List<Segment> segments, Timbre timbre, long seed) {
        int total = 0;
        for (Segment s : segments) {
            total += s.samples;
        }
        float[] out = new float[total];
        Resonator r1 = new Resonator(RATE);
        Resonator r2 = new Resonator(RATE);
        Resonator r3 = new Resonator(RATE);
        Resonator r4 = new Resonator(RATE);
        Resonator fric = new Resonator(RATE);
        r4.tune(3500 * timbre.tract, 250);
        Noise rng = new Noise(seed);
        double phase = 0;
        double prevPulse = 0;
        double vibrato = 0;
        // Smoothed parameters: 8 ms glides keep segment joins click-free.
        double voicing = 0, asp = 0, fr = 0, f1 = 500, f2 = 1500, f3 = 2500, fHz = 4000, pitch = 1;
        double glide = 1 - StrictMath.exp(-1.0 / (0.008 * RATE));
        double fast = 1 - StrictMath.exp(-1.0 / (0.002 * RATE));
        double dc = 0;
        int n = 0;
        for (Segment s : segments) {
            for (int k = 0; k < s.samples; k++, n++) {
                voicing += (s.voicing - voicing) * glide;
                asp += (s.aspiration - asp) * fast;
                fr += (s.frication - fr) * fast;
                pitch += (s.pitch - pitch) * glide;
                if (n % BLOCK == 0) {
                    f1 += (s.f1 * timbre.tract - f1) * 0.35;
                    f2 += (s.f2 * timbre.tract - f2) * 0.35;
                    f3 += (s.f3 * timbre.tract - f3) * 0.35;
                    fHz += (s.fricHz - fHz) * 0.5;
                    r1.tune(f1, 60 + f1 * 0.08);
                    r2.tune(f2, 80 + f2 * 0.05);
                    r3.tune(f3, 120 + f3 * 0.04);
                    fric.tune(Math.min(fHz, RATE * 0.45), fHz * 0.35);
                    vibrato += 2 * Math.PI * 5.1 * BLOCK / RATE;
                }
                double f0 = timbre.f0 * pitch * (1 + 0.012 * Sines.sin(vibrato));
                phase += f0 / RATE;
                if (phase >= 1) {
                    phase -= 1;
                }
                double pulse = rosenberg(phase);
                double source = (pulse - prevPulse) * 12; // lip radiation: the pulse's slope
                prevPulse = pulse;
                double noise = rng.white();
                double excitation = source * voicing + noise * (asp + timbre.breath * voicing);
                double voiced = r4.next(r3.next(r2.next(r1.next(excitation))));
                double hiss = fric.next(noise) * fr * 0.6;
                double y = voiced + hiss;
                dc += (y - dc) * 0.002; // remove the slow drift a cascade can build up
                out[n] = (float) (y - dc);
            }
        }
        normalise(out, 0.7f);
        return out;
    }

    /** Rosenberg glottal pulse: a smooth opening over 40% of the period, closing over 16%. */
    private static double rosenberg(double p) {
        double open = 0.4;
        double close = 0.16;
        if (p < open) {
            double t = p / open;
            return t * t * (3 - 2 * t);
        }
        if (p < open + close) {
            double t = (p - open) / close;
            return 1 - t * t;
        }
        return 0;
    }

    private static void normalise(float[] x, float target) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak > 0) {
            float g = target / peak;
            for (int i = 0; i < x.length; i++) {
                x[i] *= g;
            }
        }
    }

    private static int ms(int millis) {
        return RATE * millis / 1000;
    }

    private static int sec(double seconds) {
        return Math.max(1, (int) Math.round(seconds * RATE));
    }

    /** FNV-1a: a stable hash (unlike {@code hashCode}, defined here, not by the JDK). */
    static final class Fnv {
        static long hash(String s) {
            long h = 0xcbf29ce484222325L;
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xFF;
                h *= 0x100000001b3L;
            }
            return h;
        }

        /** A value in [0, 1) from the low 20 bits of {@code h}. */
        static double unit(long h) {
            return (h & 0xFFFFF) / (double) 0x100000;
        }
    }
}
