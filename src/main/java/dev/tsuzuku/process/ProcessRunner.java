package dev.tsuzuku.process;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs an external program (ffmpeg, ffprobe, espeak-ng, what the doctor checks) and nothing
 * else: the one way Tsuzuku starts a process. {@link #local()} is the real one, over
 * {@link java.lang.Process}, whose children die with the JVM; tests use a fake that runs
 * programs written in Java. Both pass {@code ProcessRunnerContract}.
 *
 * <p>What every implementation promises:
 * <ul>
 *   <li>a program that cannot be started is a {@link ProcessStartException} naming it;</li>
 *   <li>stdin is fed by {@link Request#stdin()} and closed afterwards; a program that stops
 *       reading early does not fail the feed, {@link Result#stdinError()} says what happened;</li>
 *   <li>a feed that throws stops the program and the exception reaches the caller;</li>
 *   <li>a program still running at its deadline is killed (with its own children) and the
 *       failure is a retryable {@code TsuzukuException};</li>
 *   <li>stdout is kept whole, stderr up to its last {@value #STDERR_KEPT} characters.</li>
 * </ul>
 */
public interface ProcessRunner {
    /** The tail of stderr a result keeps: enough for any error, bounded for a decoder that lists thousands. */
    int STDERR_KEPT = 256 * 1024;

    /** Writes a program's stdin; the runner closes it afterwards. */
    @FunctionalInterface
    interface Feed {
        void writeTo(OutputStream stdin) throws IOException;

        Feed NOTHING = stdin -> {};

        static Feed bytes(byte[] bytes) {
            byte[] copy = bytes.clone();
            return stdin -> stdin.write(copy);
        }
    }

    /**
     * One program to run: {@code command} (no shell; the first element is the executable),
     * variables added to the inherited environment, what to write to its stdin and how long it
     * may take ({@code timeout} empty: as long as it needs, e.g. an encode fed frame by frame).
     */
    record Request(List<String> command, Map<String, String> environment, Feed stdin, Optional<Duration> timeout) {
        public Request {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("a command needs at least the program");
            }
            environment = Map.copyOf(environment);
            Objects.requireNonNull(stdin, "stdin");
            Objects.requireNonNull(timeout, "timeout");
        }

        public static Request of(List<String> command) {
            return new Request(command, Map.of(), Feed.NOTHING, Optional.empty());
        }

        public Request environment(Map<String, String> added) {
            return new Request(command, added, stdin, timeout);
        }

        public Request stdin(Feed feed) {
            return new Request(command, environment, feed, timeout);
        }

        public Request stdin(byte[] bytes) {
            return stdin(Feed.bytes(bytes));
        }

        public Request timeout(Duration limit) {
            return new Request(command, environment, stdin, Optional.of(limit));
        }

        public String program() {
            return command.get(0);
        }
    }

    /**
     * What a finished program left behind. {@code stdinError} is empty when the program took all
     * of its stdin, else why it did not (usually a broken pipe: it exited early).
     */
    record Result(int exitCode, String stdout, String stderr, String stdinError) {}

    Result run(Request request);

    /** Runs {@code command}, feeds it {@code stdin} and waits at most {@code timeout}. */
    default Result run(List<String> command, byte[] stdin, Duration timeout) {
        return run(Request.of(command).stdin(stdin).timeout(timeout));
    }

    /** The real runner of this JVM. */
    static ProcessRunner local() {
        return LocalProcessRunner.shared();
    }
}
