package dev.tsuzuku.render;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.process.ProcessRunner;
import dev.tsuzuku.process.ProcessStartException;
import java.util.List;
import java.util.Map;

/**
 * Runs an ffmpeg/ffprobe command line through the {@link ProcessRunner}, with the environment
 * the binaries need. A non-zero exit becomes a {@link TsuzukuException} that shows the command
 * and the last lines ffmpeg printed.
 */
public final class FfmpegProcess {
    private static final int STDERR_TAIL_LINES = 20;

    private final ProcessRunner runner;
    private final Map<String, String> environment;

    public FfmpegProcess(FfmpegBinaries binaries) {
        this(ProcessRunner.local(), binaries);
    }

    public FfmpegProcess(ProcessRunner runner, FfmpegBinaries binaries) {
        this.runner = runner;
        this.environment = binaries.environment();
    }

    /** What a finished command printed. */
    public record Output(String stdout, String stderr) {}

    /** Runs the command to the end and returns its output; stdin is empty. */
    public Output run(List<String> command) {
        return run(command, ProcessRunner.Feed.NOTHING);
    }

    /**
     * Runs the command while {@code feed} writes its stdin, and waits for it to exit. A feed that
     * throws stops ffmpeg and its exception reaches the caller.
     */
    public Output run(List<String> command, ProcessRunner.Feed feed) {
        ProcessRunner.Result r;
        try {
            r = runner.run(ProcessRunner.Request.of(command).environment(environment).stdin(feed));
        } catch (ProcessStartException e) {
            throw new TsuzukuException(e.getMessage()
                    + "\n    fix: run 'tsuzuku doctor', or set TSUZUKU_FFMPEG / TSUZUKU_FFPROBE", e);
        }
        if (r.exitCode() != 0 || !r.stdinError().isEmpty()) {
            throw new TsuzukuException(failure(command, r.exitCode(), tail(r.stderr()), r.stdinError()));
        }
        return new Output(r.stdout(), r.stderr());
    }

    static String failure(List<String> command, int exit, String stderrTail, String stdinError) {
        StringBuilder b = new StringBuilder("ffmpeg failed (exit ").append(exit).append(")");
        if (stdinError != null && !stdinError.isEmpty()) {
            b.append(" while taking input: ").append(stdinError);
        }
        b.append("\n    command: ").append(String.join(" ", command.stream().map(FfmpegProcess::quote).toList()));
        if (!stderrTail.isBlank()) {
            b.append("\n    stderr:\n");
            stderrTail.lines().forEach(l -> b.append("      ").append(l).append('\n'));
        }
        return b.toString().stripTrailing();
    }

    private static String tail(String stderr) {
        List<String> lines = stderr.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(ch -> " '\"\\$;&|<>()".indexOf(ch) >= 0)
                ? "'" + arg.replace("'", "'\\''") + "'"
                : arg;
    }
}
