package dev.tsuzuku.app;

import dev.tsuzuku.generate.EngineBench;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** What {@code tsuzuku bench engine} runs: the take engine against a stub with a set latency and limit. */
public final class EngineBenchmark {
    /** Makespan may exceed the ideal by this fraction (issue 7: within 5%). */
    public static final double BUDGET = 0.05;

    private EngineBenchmark() {}

    /**
     * Runs the bench once per mode ({@code callback}, {@code poll}, {@code timed}, {@code both} = callback and poll,
     * or {@code all} three), each on a fresh database: {@code dbUrl} (H2 in memory, named
     * per mode, or a PostgreSQL schema of its own), or an H2 file under {@code scratch} when null;
     * takes land in {@code scratch}. Prints each mode's lines to {@code out} as it finishes, and
     * fails when the engine ever asked the stub for more than its limit. With {@code rounds}, each
     * mode also prints its per-round table (learnt latency, detection, slot idle time, polls).
     */
    public static List<EngineBench.Result> run(Path scratch, String dbUrl, String modeName, int shots,
            int concurrency, Duration latency, int threads, boolean rounds, LongSupplier wallNanos,
            java.util.function.Consumer<String> out) {
        List<EngineBench.Mode> modes = switch (modeName) {
            case "both" -> List.of(EngineBench.Mode.CALLBACK, EngineBench.Mode.POLL);
            case "all" -> List.of(EngineBench.Mode.values());
            default -> List.of(EngineBench.Mode.valueOf(modeName.toUpperCase(java.util.Locale.ROOT)));
        };
        List<EngineBench.Result> results = new java.util.ArrayList<>();
        for (EngineBench.Mode mode : modes) {
            // each mode on a fresh database of its own, one after the other in this run
            Path dir = scratch.resolve(mode.name().toLowerCase(java.util.Locale.ROOT));
            String url = dbUrl == null ? null : dbUrl.replace("bench-engine", "bench-engine-" + dir.getFileName());
            try (Database db = url == null ? Database.open(new Workspace(dir)) : Database.open(url)) {
                List<String> part = new java.util.ArrayList<>();
                part.add("database: " + db.where());
                long cpu = processCpuNanos();
                EngineBench.Result r = EngineBench.run(db, dir, mode, shots, concurrency, latency, threads, Clock.systemUTC(),
                        wallNanos);
                part.addAll(r.lines(BUDGET));
                if (rounds) {
                    part.addAll(r.roundLines());
                }
                long used = processCpuNanos() - cpu;
                if (cpu >= 0 && used >= 0) {
                    part.add(String.format(java.util.Locale.ROOT, "cpu       %8.1f ms per task (the whole process: engine,"
                            + " database, stub; a loaded machine stretches the makespan, not this)", used / 1e6 / shots));
                }
                part.forEach(out);
                results.add(r);
            }
        }
        if (results.stream().anyMatch(r -> !r.limitHeld())) {
            throw new dev.tsuzuku.model.TsuzukuException("the engine asked the stub for more tasks than its concurrency limit;"
                    + " the figures above do not count");
        }
        return results;
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** An in-memory H2 database in the state database's mode: the engine's own overhead, without disk syncs. */
    public static String inMemory() {
        return "jdbc:h2:mem:bench-engine;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64";
    }
}
