package dev.tsuzuku.render;

import dev.tsuzuku.model.TsuzukuException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Runs an ffmpeg/ffprobe command line and nothing more. A non-zero exit becomes a
 * {@link TsuzukuException} that shows the command and the last lines ffmpeg printed.
 */
public final class FfmpegProcess {
    private static final int STDERR_TAIL_LINES = 20;

    private final Map<String, String> environment;

    public FfmpegProcess(FfmpegBinaries binaries) {
        this(binaries.environment());
    }

    public FfmpegProcess(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Feeds the process's stdin; the runner closes it afterwards. */
    @FunctionalInterface
    public interface Feed {
        void writeTo(OutputStream stdin) throws IOException;
    }

    /** What a finished command printed. */
    public record Output(String stdout, String stderr) {}

    /** Runs the command to the end and returns its output; stdin is empty. */
    public Output run(List<String> command) {
        return run(command, stdin -> {});
    }

    /** Runs the command while {@code feed} writes its stdin, and waits for it to exit. */
    public Output run(List<String> command, Feed feed) {
        Process process = start(command);
        Drain stdout = new Drain(process.getInputStream(), Integer.MAX_VALUE);
        Drain stderr = new Drain(process.getErrorStream(), STDERR_TAIL_LINES);
        stdout.start();
        stderr.start();
        IOException feedFailure = null;
        RuntimeException callerFailure = null;
        try (OutputStream in = process.getOutputStream()) {
            feed.writeTo(in);
        } catch (IOException e) {
            // Usually a broken pipe because ffmpeg exited early; its stderr says why.
            feedFailure = e;
        } catch (RuntimeException e) {
            callerFailure = e;
        }
        if (callerFailure != null) {
            process.destroyForcibly();
            waitFor(process, command);
            throw callerFailure;
        }
        int exit = waitFor(process, command);
        stdout.joinQuietly();
        stderr.joinQuietly();
        if (exit != 0 || feedFailure != null) {
            throw new TsuzukuException(failure(command, exit, stderr.text(), feedFailure), feedFailure);
        }
        return new Output(stdout.text(), stderr.text());
    }

    private Process start(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new TsuzukuException("cannot start " + command.get(0) + ": " + e.getMessage()
                    + "\n    fix: run 'tsuzuku doctor', or set TSUZUKU_FFMPEG / TSUZUKU_FFPROBE", e);
        }
    }

    private static int waitFor(Process p, List<String> command) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TsuzukuException("interrupted while running " + command.get(0), e);
        }
    }

    static String failure(List<String> command, int exit, String stderrTail, IOException feedFailure) {
        StringBuilder b = new StringBuilder("ffmpeg failed (exit ").append(exit).append(")");
        if (feedFailure != null) {
            b.append(" while taking input: ").append(feedFailure.getMessage());
        }
        b.append("\n    command: ").append(String.join(" ", command.stream().map(FfmpegProcess::quote).toList()));
        if (!stderrTail.isBlank()) {
            b.append("\n    stderr:\n");
            stderrTail.lines().forEach(l -> b.append("      ").append(l).append('\n'));
        }
        return b.toString().stripTrailing();
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(ch -> " '\"\\$;&|<>()".indexOf(ch) >= 0)
                ? "'" + arg.replace("'", "'\\''") + "'"
                : arg;
    }

    /** Reads a process stream to its end on its own thread so the pipe never fills up. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final int keepLines;
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();
        private final Deque<String> tail = new ArrayDeque<>();
        private volatile IOException failure;

        Drain(InputStream in, int keepLines) {
            this.in = in;
            this.keepLines = keepLines;
            setDaemon(true);
            setName("ffmpeg-drain");
        }

        @Override
        public void run() {
            try (in) {
                in.transferTo(all);
            } catch (IOException e) {
                failure = e;
            }
        }

        String text() {
            if (failure != null) {
                throw new UncheckedIOException(failure);
            }
            String s = all.toString(StandardCharsets.UTF_8);
            if (keepLines == Integer.MAX_VALUE) {
                return s;
            }
            s.lines().forEach(l -> {
                tail.addLast(l);
                if (tail.size() > keepLines) {
                    tail.removeFirst();
                }
            });
            return String.join("\n", tail);
        }

        void joinQuietly() {
            try {
                super.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
