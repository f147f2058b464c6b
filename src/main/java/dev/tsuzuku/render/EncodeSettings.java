package dev.tsuzuku.render;

import java.util.List;

/**
 * The x264 speed/quality pair for the master file. {@code veryfast} at CRF 21 keeps a 1080×1920
 * animatic above 1.5× real time on two cores (docs/decisions/0002-ffmpeg-from-maven.md).
 */
public record EncodeSettings(String preset, int crf) {
    static final List<String> PRESETS = List.of(
            "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow");

    public static final EncodeSettings DEFAULT = new EncodeSettings("veryfast", 21);

    public EncodeSettings {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("preset: expected one of " + PRESETS + ", got '" + preset + "'");
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf: expected 0–51, got " + crf);
        }
    }
}
