package dev.tsuzuku.app;

import dev.tsuzuku.render.AnimaticBench;
import dev.tsuzuku.voice.MixBench;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/** The benches of single pipeline parts, wired here so the {@code bench} verbs only print the lines. */
public final class PartBenches {
    private PartBenches() {}

    /** Two typical shots of {@code frames} frames, drawn cold then warm; see {@link AnimaticBench}. */
    public static List<String> animatic(int frames, LongSupplier cpuNanos) {
        return new AnimaticBench(cpuNanos).run(frames).lines();
    }

    /** One {@code seconds}-long episode mixed three times in {@code scratch}; see {@link MixBench}. */
    public static List<String> mix(Path scratch, int seconds, LongSupplier cpuNanos) {
        return new MixBench(cpuNanos).run(scratch, seconds).lines();
    }
}
