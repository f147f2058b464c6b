package dev.tsuzuku.render;

import java.util.List;

/**
 * The x264 settings of the master file: the speed/quality pair and the encoder threads per
 * segment. {@code veryfast} at CRF 21 keeps a 1080×1920 animatic above 1.5× real time on two
 * cores (docs/decisions/0002-ffmpeg-from-maven.md). Produce encodes two shots at a time, so one
 * x264 thread per segment fills two cores: frame threads beyond the cores only add work
 * (about 10% more CPU per frame with x264's automatic count; docs/decisions/0018-produce-speed.md).
 * {@code threads} 0 lets x264 choose.
 */
public record EncodeSettings(String preset, int crf, int threads) {
    static final List<String> PRESETS = List.of(
            "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow");

    public static final EncodeSettings DEFAULT = new EncodeSettings("veryfast", 21, 1);

    /** x264's own thread count. */
    public EncodeSettings(String preset, int crf) {
        this(preset, crf, 0);
    }

    public EncodeSettings {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("preset: expected one of " + PRESETS + ", got '" + preset + "'");
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf: expected 0–51, got " + crf);
        }
        if (threads < 0 || threads > 64) {
            throw new IllegalArgumentException("threads: expected 0 (automatic) to 64, got " + threads);
        }
    }

    /** The same quality with x264 choosing its threads (the bench's baseline: x264 as it runs on its own). */
    public EncodeSettings withAutomaticThreads() {
        return new EncodeSettings(preset, crf, 0);
    }
}
