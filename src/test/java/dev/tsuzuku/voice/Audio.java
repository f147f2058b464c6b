package dev.tsuzuku.voice;

import java.nio.file.Path;

/** Measurements the sound tests assert on. */
final class Audio {
    private Audio() {}

    /** RMS of interleaved stereo between two times, both channels together. */
    static double rms(float[] stereo, double fromSeconds, double toSeconds) {
        int from = (int) (fromSeconds * MusicBed.RATE) * 2;
        int to = Math.min(stereo.length, (int) (toSeconds * MusicBed.RATE) * 2);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) stereo[i] * stereo[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    static double rms(float[] samples) {
        double sum = 0;
        for (float v : samples) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }

    static double peak(float[] samples) {
        double p = 0;
        for (float v : samples) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** A mono 16-bit WAV holding a sine tone, for placing "speech" with a known start and length. */
    static Path tone(Path file, int rate, double hz, double seconds, double level) {
        int n = (int) Math.round(seconds * rate);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (level * Math.sin(2 * Math.PI * hz * i / rate));
        }
        WavFile.write(file, new Pcm(rate, 1, s));
        return file;
    }
}
