package dev.tsuzuku.voice;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.TsuzukuException;
import java.nio.file.Path;
import java.util.List;

/**
 * Mixes an episode's sound: the mood's music bed, ducked under dialogue; the stinger on each
 * hook shot; the effects the shots ask for; the voices on top; a soft limiter. The result is a
 * 16-bit stereo WAV at {@value #RATE} Hz exactly as long as the storyboard (totalFrames / fps).
 * Everything is pure Java and deterministic: the same storyboard and voices give the same bytes.
 */
public final class Soundtrack {
    public static final int RATE = MusicBed.RATE;

    /** Bed gain while someone speaks: -12 dB. */
    static final double DUCK_GAIN = 0.25;
    /** Effects duck half as much as music: they are part of the scene, not under it. */
    static final double SFX_DUCK_DEPTH = 0.5;
    /** Every line is levelled to -18 dBFS RMS while talking, whichever engine spoke it. */
    static final double SPEECH_RMS = 0.126;
    static final double STINGER_GAIN = 0.7;
    static final double LIMIT = 0.891; // -1 dBFS

    private static final int BLOCK = RATE / 100; // 10 ms activity blocks
    private static final double SPEECH_FLOOR = 0.01; // -40 dBFS RMS counts as talking
    private static final int LOOKAHEAD = RATE / 10; // start ducking 100 ms before the first word
    private static final int HOLD = RATE / 4; // stay down through the gaps between words
    private static final double ATTACK_SECONDS = 0.06;
    private static final double RELEASE_SECONDS = 0.25;

    /** The mixed episode and the ducked bed stem (interleaved stereo), kept apart so tests can measure ducking. */
    record Mix(float[] master, float[] bed, float[] duck) {
        int frames() {
            return master.length / 2;
        }
    }

    /** Mixes and writes {@code outWav}; returns it. */
    public Path mix(Storyboard sb, List<PlacedSpeech> speech, Path outWav) {
        Mix m = render(sb, speech);
        WavFile.write(outWav, new Pcm(RATE, 2, m.master()));
        return outWav;
    }

    /** Sample frames the mix of {@code sb} lasts: totalFrames × RATE / fps, rounded. */
    static int samplesFor(Storyboard sb) {
        if (sb.fps() <= 0) {
            throw new TsuzukuException("storyboard of episode " + sb.episode() + " has fps " + sb.fps() + "; expected > 0");
        }
        long samples = Math.round((double) sb.totalFrames() * RATE / sb.fps());
        if (samples > Integer.MAX_VALUE / 2) {
            throw new TsuzukuException("storyboard of episode " + sb.episode() + " is too long to mix: "
                    + sb.totalFrames() + " frames");
        }
        return (int) samples;
    }

    Mix render(Storyboard sb, List<PlacedSpeech> speech) {
        int n = samplesFor(sb);
        long seed = 0x7502_0000L + sb.episode();
        float[] voice = new float[n];
        for (PlacedSpeech p : speech) {
            place(voice, p, sb.fps());
        }
        float[] duck = duckEnvelope(voice);
        float[] bed = MusicBed.renderFrames(sb.mood(), n, seed);
        for (int i = 0; i < n; i++) {
            bed[2 * i] *= duck[i];
            bed[2 * i + 1] *= duck[i];
        }
        float[] master = bed.clone();
        int frame = 0;
        for (Shot shot : sb.shots()) {
            int at = (int) Math.round((double) frame * RATE / sb.fps());
            if (shot.kind() == ShotKind.HOOK) {
                add(master, Stinger.render(seed + shot.index()), at, STINGER_GAIN, null);
            }
            double shotSeconds = (double) shot.frames() / sb.fps();
            for (String cue : shot.sfx()) {
                float[] fx = Sfx.render(cue, shotSeconds, seed * 31 + shot.index());
                add(master, fx, at, 1, duck);
            }
            frame += shot.frames();
        }
        for (int i = 0; i < n; i++) {
            float v = voice[i];
            master[2 * i] += v;
            master[2 * i + 1] += v;
        }
        limit(master, voice);
        return new Mix(master, bed, duck);
    }

    private static void place(float[] voice, PlacedSpeech p, int fps) {
        float[] mono = WavFile.read(p.wav()).monoAt(RATE);
        float gain = (float) levelling(mono);
        long start = Math.round((double) p.startFrame() * RATE / fps);
        for (int i = 0; i < mono.length && start + i < voice.length; i++) {
            voice[(int) (start + i)] += mono[i] * gain;
        }
    }

    /**
     * The gain that brings a line's speaking level (RMS over its 10 ms blocks above -40 dBFS, so
     * leading and trailing silence do not count) to {@link #SPEECH_RMS}, without pushing its
     * peak past -0.5 dBFS. Engines differ by several dB; viewers should not hear it.
     */
    static double levelling(float[] line) {
        double power = 0;
        int blocks = 0;
        double peak = 0;
        for (int from = 0; from < line.length; from += BLOCK) {
            int to = Math.min(line.length, from + BLOCK);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += (double) line[i] * line[i];
                peak = Math.max(peak, Math.abs(line[i]));
            }
            if (Math.sqrt(sum / (to - from)) > SPEECH_FLOOR) {
                power += sum / (to - from);
                blocks++;
            }
        }
        if (blocks == 0) {
            return 1;
        }
        double rms = Math.sqrt(power / blocks);
        return Math.min(SPEECH_RMS / rms, 0.944 / peak);
    }

    /** Adds a stereo clip at {@code at}, cut at the episode's end, optionally partly ducked. */
    private static void add(float[] master, float[] clip, int at, double gain, float[] duck) {
        int frames = Math.min(clip.length / 2, master.length / 2 - at);
        for (int i = 0; i < frames; i++) {
            double g = gain;
            if (duck != null) {
                g *= 1 - (1 - duck[at + i]) * SFX_DUCK_DEPTH;
            }
            master[2 * (at + i)] += (float) (clip[2 * i] * g);
            master[2 * (at + i) + 1] += (float) (clip[2 * i + 1] * g);
        }
    }

    /**
     * The bed's gain over time: 1, or {@link #DUCK_GAIN} where speech is active (10 ms blocks
     * above -40 dBFS, held 250 ms to bridge word gaps, 100 ms ahead of the voice), smoothed with
     * a 60 ms attack and a 250 ms release so the music breathes rather than jumps.
     */
    static float[] duckEnvelope(float[] voice) {
        int n = voice.length;
        int blocks = (n + BLOCK - 1) / BLOCK;
        boolean[] loud = new boolean[blocks];
        for (int b = 0; b < blocks; b++) {
            double sum = 0;
            int from = b * BLOCK;
            int to = Math.min(n, from + BLOCK);
            for (int i = from; i < to; i++) {
                sum += (double) voice[i] * voice[i];
            }
            loud[b] = Math.sqrt(sum / (to - from)) > SPEECH_FLOOR;
        }
        boolean[] active = new boolean[blocks];
        int ahead = LOOKAHEAD / BLOCK;
        int hold = HOLD / BLOCK;
        for (int b = 0; b < blocks; b++) {
            if (loud[b]) {
                for (int k = Math.max(0, b - ahead); k <= Math.min(blocks - 1, b + hold); k++) {
                    active[k] = true;
                }
            }
        }
        float[] gain = new float[n];
        double attack = 1 - StrictMath.exp(-1.0 / (ATTACK_SECONDS * RATE));
        double release = 1 - StrictMath.exp(-1.0 / (RELEASE_SECONDS * RATE));
        double g = 1;
        for (int i = 0; i < n; i++) {
            double target = active[i / BLOCK] ? DUCK_GAIN : 1;
            g += (target - g) * (target < g ? attack : release);
            gain[i] = (float) g;
        }
        return gain;
    }

    /**
     * A look-ahead peak limiter: the gain needed to keep each sample under {@link #LIMIT}, ramped
     * down over the 5 ms before a peak and back up over 150 ms after it, so loud moments are
     * turned down smoothly instead of clipped. {@code scratch} (one value per frame) holds the gain.
     */
    static void limit(float[] stereo, float[] scratch) {
        int n = stereo.length / 2;
        float[] g = scratch;
        for (int i = 0; i < n; i++) {
            float peak = Math.max(Math.abs(stereo[2 * i]), Math.abs(stereo[2 * i + 1]));
            g[i] = peak > LIMIT ? (float) (LIMIT / peak) : 1f;
        }
        float attackStep = 1f / (RATE * 5 / 1000);
        for (int i = n - 2; i >= 0; i--) {
            g[i] = Math.min(g[i], g[i + 1] + attackStep);
        }
        float releaseStep = 1f / (RATE * 150 / 1000);
        for (int i = 1; i < n; i++) {
            g[i] = Math.min(g[i], g[i - 1] + releaseStep);
        }
        for (int i = 0; i < n; i++) {
            stereo[2 * i] *= g[i];
            stereo[2 * i + 1] *= g[i];
        }
    }
}
