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
     * Runs the bench on {@code dbUrl} (a fresh, empty database: H2 in memory, or a PostgreSQL
     * schema of its own), or on an H2 file in {@code scratch} when null; takes land in {@code scratch}.
     */
    public static List<String> run(Path scratch, String dbUrl, int shots, int concurrency, Duration latency, int threads,
            LongSupplier wallNanos) {
        try (Database db = dbUrl == null ? Database.open(new Workspace(scratch)) : Database.open(dbUrl)) {
            List<String> lines = new java.util.ArrayList<>();
            lines.add("database: " + db.where());
            long cpu = processCpuNanos();
            lines.addAll(EngineBench.run(db, scratch, shots, concurrency, latency, threads, Clock.systemUTC(), wallNanos)
                    .lines(BUDGET));
            long used = processCpuNanos() - cpu;
            if (cpu >= 0 && used >= 0) {
                lines.add(String.format(java.util.Locale.ROOT, "cpu       %8.1f ms per task (the whole process: engine, database,"
                        + " stub; a loaded machine stretches the makespan, not this)", used / 1e6 / shots));
            }
            return lines;
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** An in-memory H2 database in the state database's mode: the engine's own overhead, without disk syncs. */
    public static String inMemory() {
        return "jdbc:h2:mem:bench-engine;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
