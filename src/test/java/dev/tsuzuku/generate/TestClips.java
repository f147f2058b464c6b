package dev.tsuzuku.generate;

import dev.tsuzuku.render.FfmpegBinaries;
import dev.tsuzuku.render.FfmpegProcess;
import java.nio.file.Path;
import java.util.List;

/** Real small MP4 clips made with the bundled ffmpeg, for stubs that serve finished takes. */
final class TestClips {
    private TestClips() {}

    /** A 9:16 H.264 clip of {@code seconds} with a moving test pattern (never blank). */
    static Path vertical(Path dir, String name, double seconds) {
        return make(dir, name, "testsrc2=size=144x256:rate=12:duration=" + seconds);
    }

    /** A 9:16 clip that is all black. */
    static Path blank(Path dir, String name, double seconds) {
        return make(dir, name, "color=c=black:size=144x256:rate=12:duration=" + seconds);
    }

    /** A 16:9 clip. */
    static Path wide(Path dir, String name, double seconds) {
        return make(dir, name, "testsrc2=size=256x144:rate=12:duration=" + seconds);
    }

    static Path make(Path dir, String name, String source) {
        FfmpegBinaries ffmpeg = FfmpegBinaries.locate();
        Path out = dir.resolve(name);
        new FfmpegProcess(ffmpeg).run(List.of(ffmpeg.ffmpeg().toString(), "-v", "error", "-nostdin", "-y", "-f", "lavfi",
                "-i", source, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "ultrafast", "-movflags", "+faststart",
                out.toString()));
        return out;
    }
}
