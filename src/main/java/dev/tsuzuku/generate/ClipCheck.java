package dev.tsuzuku.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * Port: is a downloaded take usable? The real one ({@link MediaClipCheck}) probes and decodes
 * it with the bundled ffmpeg: it decodes, its duration is close to the one asked for, it is 9:16
 * within tolerance, and it is not blank.
 */
@FunctionalInterface
public interface ClipCheck {

    /** What is wrong with the clip; empty when it is fine. */
    List<String> problems(Path clip, double expectedSeconds);

    /** Accepts any non-empty file: for benchmarks of the engine alone. */
    static ClipCheck nonEmpty() {
        return (clip, expected) -> {
            try {
                return java.nio.file.Files.size(clip) > 0 ? List.of() : List.of("the file is empty");
            } catch (java.io.IOException e) {
                return List.of("cannot read it: " + e.getMessage());
            }
        };
    }
}
