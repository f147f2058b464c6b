package dev.tsuzuku.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files owned by one run of Tsuzuku. Their names carry the run's id — its process id
 * and start time, e.g. {@code .episode.mp4.run4242-1764630000000.9f3a.tmp.mp4} — so two runs
 * never write the same temporary file, and a later run can tell the leftovers of a dead run
 * (swept) from the work of a live one (left alone).
 */
public final class RunFiles {
    private static final Pattern OWNER = Pattern.compile("\\.run(\\d+)-(\\d+)\\.");
    /** Start times read through /proc are exact to a clock tick; allow for rounding, not for pid reuse. */
    private static final long START_TOLERANCE_MS = 2_000;

    private static final String RUN_ID = idOf(ProcessHandle.current());
    /** Numbers the temporary files of this run: no two writers in it share one. */
    private static final AtomicLong SEQ = new AtomicLong();

    private RunFiles() {}

    /** This run's id, e.g. {@code run4242-1764630000000}. */
    public static String runId() {
        return RUN_ID;
    }

    /** The id of the run that is {@code process}. */
    public static String idOf(ProcessHandle process) {
        long start = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        return "run" + process.pid() + "-" + start;
    }

    /**
     * A fresh name beside {@code target} for this run to write before moving it over
     * {@code target}: hidden, unique within the run, ending in {@code suffix} (e.g. ".tmp.mp4").
     */
    public static Path temp(Path target, String suffix) {
        String unique = Long.toHexString(SEQ.incrementAndGet());
        return target.resolveSibling("." + target.getFileName() + "." + RUN_ID + "." + unique + suffix);
    }

    /** The run id a file name carries, if any. */
    public static Optional<String> owner(Path file) {
        Matcher m = OWNER.matcher(file.getFileName().toString());
        return m.find() ? Optional.of("run" + m.group(1) + "-" + m.group(2)) : Optional.empty();
    }

    /**
     * Deletes the files directly in {@code dir} that a run which is no longer alive left behind;
     * returns how many. Housekeeping: a file that cannot be deleted is left for the next sweep.
     */
    public static int sweep(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int swept = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = OWNER.matcher(f.getFileName().toString());
                if (m.find() && !alive(m.group(1), m.group(2)) && Files.isRegularFile(f)) {
                    try {
                        Files.deleteIfExists(f);
                        swept++;
                    } catch (IOException e) {
                        // left for the next sweep
                    }
                }
            }
        } catch (IOException e) {
            // sweeping never fails a run
        }
        return swept;
    }

    private static boolean alive(String pid, String startMillis) {
        try {
            return alive(Long.parseLong(pid), Long.parseLong(startMillis));
        } catch (NumberFormatException e) {
            return false; // no process has such an id
        }
    }

    static boolean alive(long pid, long startMillis) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        if (startMillis == 0) {
            return true;
        }
        return h.get().info().startInstant()
                .map(i -> Math.abs(i.toEpochMilli() - startMillis) <= START_TOLERANCE_MS)
                .orElse(true);
    }
}
