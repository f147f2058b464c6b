package dev.tsuzuku.voice;

/**
 * Decoded audio: interleaved samples in [-1, 1] at {@code sampleRate} with {@code channels}
 * channels. The array is shared, not copied: audio buffers are large and passed along once.
 */
public record Pcm(int sampleRate, int channels, float[] samples) {

    public Pcm {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be > 0, was " + sampleRate);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, was " + channels);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(
                    "samples (" + samples.length + ") must be a multiple of channels (" + channels + ")");
        }
    }

    /** Sample frames (one sample per channel). */
    public int frames() {
        return samples.length / channels;
    }

    public double seconds() {
        return (double) frames() / sampleRate;
    }

    /** The channels averaged into one. */
    public float[] mono() {
        if (channels == 1) {
            return samples;
        }
        float[] out = new float[frames()];
        for (int i = 0; i < out.length; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples[i * channels + c];
            }
            out[i] = sum / channels;
        }
        return out;
    }

    /**
     * This audio as mono at {@code rate}, by cubic (Catmull-Rom) interpolation: cheap, smooth and
     * good enough for speech going up from 22.05/24 kHz to the mix rate.
     */
    public float[] monoAt(int rate) {
        float[] in = mono();
        if (rate == sampleRate || in.length == 0) {
            return in;
        }
        long outLen = (long) in.length * rate / sampleRate;
        float[] out = new float[(int) outLen];
        double step = (double) sampleRate / rate;
        int last = in.length - 1;
        for (int i = 0; i < out.length; i++) {
            double pos = i * step;
            int k = (int) pos;
            float t = (float) (pos - k);
            float y0 = in[Math.max(0, k - 1)];
            float y1 = in[Math.min(last, k)];
            float y2 = in[Math.min(last, k + 1)];
            float y3 = in[Math.min(last, k + 2)];
            float a = -0.5f * y0 + 1.5f * y1 - 1.5f * y2 + 0.5f * y3;
            float b = y0 - 2.5f * y1 + 2f * y2 - 0.5f * y3;
            float c = -0.5f * y0 + 0.5f * y2;
            out[i] = ((a * t + b) * t + c) * t + y1;
        }
        return out;
    }
}
