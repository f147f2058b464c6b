package dev.tsuzuku.render;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A second JVM for {@link KillDuringCutTest}: cuts the master with the real ffmpeg, exactly as
 * produce does, so the test can kill -9 it mid-cut. Arguments: OUT MIX WIDTH HEIGHT FPS FRAMES SEGMENT…
 */
public final class CutInAnotherJvm {
    private CutInAnotherJvm() {}

    public static void main(String[] args) {
        MasterSpec spec = new MasterSpec(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        FfmpegMediaTool.local().cut(Arrays.stream(args).skip(6).map(Path::of).toList(), Path.of(args[1]), spec, Path.of(args[0]));
    }
}
