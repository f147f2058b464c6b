package dev.tsuzuku.voice;

import java.util.List;

/**
 * Where a voice stem actually sounds, per video frame: a frame is voiced when the placed speech
 * under it is louder than {@link #THRESHOLD} RMS (about -40 dBFS, well above espeak's or flite's
 * silence and well below speech); pauses inside one line shorter than {@link #BRIDGE_SECONDS}
 * (between words, a comma) count as voiced, as a listener hears them.
 */
public final class VoiceActivity {
    static final double THRESHOLD = 0.01;
    static final double BRIDGE_SECONDS = 0.25;

    private VoiceActivity() {}

    /** The voiced frames of a timeline of {@code totalFrames} at {@code fps} with these lines placed on it. */
    public static boolean[] of(List<PlacedSpeech> voices, int totalFrames, int fps) {
        boolean[] voiced = new boolean[totalFrames];
        for (PlacedSpeech p : voices) {
            boolean[] line = ofLine(WavFile.read(p.wav()), fps);
            for (int i = 0; i < line.length; i++) {
                int f = p.startFrame() + i;
                if (f >= 0 && f < totalFrames && line[i]) {
                    voiced[f] = true;
                }
            }
        }
        return voiced;
    }

    /** The voiced frames of one line, from its first sample. */
    static boolean[] ofLine(Pcm pcm, int fps) {
        int ch = pcm.channels();
        int frames = (int) Math.ceil(pcm.frames() * (double) fps / pcm.sampleRate());
        boolean[] out = new boolean[frames];
        float[] s = pcm.samples();
        for (int f = 0; f < frames; f++) {
            long from = (long) f * pcm.sampleRate() / fps;
            long to = Math.min(pcm.frames(), (long) (f + 1) * pcm.sampleRate() / fps);
            double sum = 0;
            long n = 0;
            for (long i = from; i < to; i++) {
                for (int c = 0; c < ch; c++) {
                    double v = s[(int) (i * ch + c)];
                    sum += v * v;
                    n++;
                }
            }
            out[f] = n > 0 && Math.sqrt(sum / n) >= THRESHOLD;
        }
        int bridge = (int) Math.round(BRIDGE_SECONDS * fps);
        int last = -1;
        for (int f = 0; f < frames; f++) {
            if (out[f]) {
                if (last >= 0 && f - last - 1 <= bridge) {
                    java.util.Arrays.fill(out, last + 1, f, true);
                }
                last = f;
            }
        }
        return out;
    }
}
