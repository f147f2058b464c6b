package dev.tsuzuku.render;

import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the ffmpeg and ffprobe executables are, and the environment they need to start.
 * By default they come from the org.bytedeco GPL jar (see docs/decisions/0002); the environment
 * variables {@code TSUZUKU_FFMPEG} and {@code TSUZUKU_FFPROBE} point at other binaries.
 */
public record FfmpegBinaries(Path ffmpeg, Path ffprobe, Map<String, String> environment) {

    private static volatile FfmpegBinaries located;

    public FfmpegBinaries {
        environment = Map.copyOf(environment);
    }

    /** The binaries for this machine, found once per JVM. */
    public static FfmpegBinaries locate() {
        FfmpegBinaries b = located;
        if (b == null) {
            synchronized (FfmpegBinaries.class) {
                if (located == null) {
                    located = locate(System.getenv());
                }
                b = located;
            }
        }
        return b;
    }

    static FfmpegBinaries locate(Map<String, String> env) {
        String ffmpegOverride = env.get("TSUZUKU_FFMPEG");
        String ffprobeOverride = env.get("TSUZUKU_FFPROBE");
        if (ffmpegOverride != null && ffprobeOverride != null) {
            return new FfmpegBinaries(Path.of(ffmpegOverride), Path.of(ffprobeOverride), Map.of());
        }
        Path[] bundled = bundled();
        Map<String, String> extra = libraryPath(bundled[0].getParent(), env.get("LD_LIBRARY_PATH"));
        return new FfmpegBinaries(
                ffmpegOverride != null ? Path.of(ffmpegOverride) : bundled[0],
                ffprobeOverride != null ? Path.of(ffprobeOverride) : bundled[1],
                extra);
    }

    private static Path[] bundled() {
        try {
            chooseGplBuild();
            String ffmpeg = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            String ffprobe = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
            return new Path[] {Path.of(ffmpeg), Path.of(ffprobe)};
        } catch (Throwable e) {
            throw new TsuzukuException("cannot unpack the bundled ffmpeg (" + e.getMessage()
                    + "); set TSUZUKU_FFMPEG and TSUZUKU_FFPROBE to installed binaries", e);
        }
    }

    /** Makes JavaCPP load the GPL build of the ffmpeg jar, the one that carries libx264 (before its first load). */
    static void chooseGplBuild() {
        System.setProperty("org.bytedeco.javacpp.platform.extension", "-gpl");
    }

    /**
     * The bytedeco jar ships libva as {@code libva.so}, but the executables ask the loader for the
     * soname {@code libva.so.2}. In-process JNI loading does not notice (it loads by path); a child
     * process does. A small directory of soname links next to the unpacked libraries closes the gap.
     */
    private static Map<String, String> libraryPath(Path libDir, String inherited) {
        Map<String, String> env = new HashMap<>();
        try {
            Path shim = libDir.resolve("soname-links");
            Files.createDirectories(shim);
            for (String lib : List.of("libva", "libva-drm")) {
                Path target = libDir.resolve(lib + ".so");
                Path link = shim.resolve(lib + ".so.2");
                if (Files.exists(target) && !Files.exists(link)) {
                    try {
                        Files.createSymbolicLink(link, target);
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // another process made it first: fine
                    }
                }
            }
            env.put("LD_LIBRARY_PATH", shim + (inherited == null || inherited.isBlank() ? "" : ":" + inherited));
        } catch (IOException e) {
            throw new TsuzukuException("cannot prepare the bundled ffmpeg's libraries in " + libDir + ": " + e.getMessage(), e);
        }
        return env;
    }
}
