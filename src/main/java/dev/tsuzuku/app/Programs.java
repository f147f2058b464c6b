package dev.tsuzuku.app;

import dev.tsuzuku.process.ProcessRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a program for the CLI (what {@code doctor} checks) through the one {@link ProcessRunner},
 * so the verbs never start a process themselves.
 */
public final class Programs {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Programs() {}

    /** What a finished program printed (stdout, then stderr) and its exit code. */
    public record Ran(int exitCode, String output) {}

    /**
     * What encodes produce's drawn frames on this machine, for {@code doctor}: libx264 in this
     * process, or why not (a TsuzukuException; the encodes then go to ffmpeg processes).
     */
    public static String inProcessEncoder() {
        return dev.tsuzuku.render.FfmpegMediaTool.inProcessEncoder(System.getenv());
    }

    /**
     * Runs {@code command} for at most 30 s. A bundled ffmpeg/ffprobe gets the folders of its
     * libraries on the loader path. A program that cannot start or overruns is a TsuzukuException.
     */
    public static Ran run(List<String> command) {
        Map<String, String> env = new HashMap<>();
        libraryPath(Path.of(command.get(0))).ifPresent(dirs -> {
            String inherited = System.getenv("LD_LIBRARY_PATH");
            env.put("LD_LIBRARY_PATH", inherited == null || inherited.isBlank() ? dirs : dirs + File.pathSeparator + inherited);
        });
        ProcessRunner.Result r = ProcessRunner.local().run(ProcessRunner.Request.of(command).environment(env).timeout(LIMIT));
        return new Ran(r.exitCode(), r.stdout() + r.stderr());
    }

    /**
     * The bundled executables link against libraries extracted beside them, some only under
     * their soname in {@code soname-links/} (libva.so.2), so the loader must be told where.
     */
    static Optional<String> libraryPath(Path exe) {
        Path dir = exe.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir.resolve("soname-links"))) {
            return Optional.empty();
        }
        return Optional.of(dir + File.pathSeparator + dir.resolve("soname-links"));
    }
}
