package dev.tsuzuku.voice;

import java.time.Duration;
import java.util.List;

/**
 * Runs an external program: the seam that lets tests check an exact argument list without
 * starting a process. {@link #local()} is the real one.
 */
@FunctionalInterface
public interface ProcessRunner {

    /** What a finished process left behind; {@code stderr} is kept whole, callers take the tail. */
    record Result(int exitCode, String stderr) {}

    /**
     * Runs {@code command} (no shell), feeds it {@code stdin} and waits at most {@code timeout}.
     * A program that cannot be started or does not finish in time is a {@code TsuzukuException}.
     */
    Result run(List<String> command, byte[] stdin, Duration timeout);

    static ProcessRunner local() {
        return new LocalProcessRunner();
    }
}
