package dev.tsuzuku.app;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tsuzuku bench startup}: what every command pays before it does anything, {@link
 * Studio#open} and {@link Studio#close} in a fresh JVM. The first probe creates the state
 * database; the best of the next three (an existing workspace, as most commands see it) is judged
 * against the budget.
 */
public final class StartupBench {
    /** Milliseconds of wall time an existing workspace may take to open and close. */
    public static final long BUDGET_MS = 1500;

    private static final Pattern LINE = Pattern.compile("wall (\\d+) ms, cpu (\\d+) ms");

    private final Function<Path, String> probe;

    /** {@code probe} opens and closes the studio on a folder once and answers {@link #openAndClose}'s line. */
    public StartupBench(Function<Path, String> probe) {
        this.probe = probe;
    }

    public record Probe(String label, long wallMs, long cpuMs) {}

    public record Report(List<Probe> probes) {
        /** The fastest open of the existing workspace (every probe after the first). */
        public long bestMs() {
            return probes.stream().skip(1).mapToLong(Probe::wallMs).min().orElseThrow();
        }

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (Probe p : probes) {
                out.add(String.format(Locale.ROOT, "%-34s wall %5d ms, cpu %5d ms", p.label() + ":", p.wallMs(), p.cpuMs()));
            }
            out.add(String.format(Locale.ROOT, "best open of an existing workspace %d ms against the %d ms budget: %s",
                    bestMs(), BUDGET_MS, bestMs() <= BUDGET_MS ? "ok" : "OVER"));
            return out;
        }
    }

    /** Probes {@code dir} (an empty folder) once to create the workspace's state, then three more times. */
    public Report run(Path dir) {
        List<Probe> probes = new ArrayList<>();
        probes.add(parse("first open (creates the database)", probe.apply(dir)));
        for (int i = 1; i <= 3; i++) {
            probes.add(parse("open " + i, probe.apply(dir)));
        }
        return new Report(probes);
    }

    /** {@link #openAndClose(Path, LongSupplier, LongSupplier)} timed by the wall clock and this process's CPU time. */
    public static String openAndClose(Path dir) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return openAndClose(dir, System::nanoTime, os::getProcessCpuTime);
    }

    /** Opens and closes the studio on {@code dir} once; answers {@code wall N ms, cpu M ms}. */
    public static String openAndClose(Path dir, LongSupplier wallNanos, LongSupplier cpuNanos) {
        long cpu0 = cpuNanos.getAsLong();
        long t0 = wallNanos.getAsLong();
        Studio.open(new Workspace(dir), Clock.systemUTC(), Progress.silent()).close();
        long wall = (wallNanos.getAsLong() - t0) / 1_000_000;
        long cpu = (cpuNanos.getAsLong() - cpu0) / 1_000_000;
        return "wall " + wall + " ms, cpu " + cpu + " ms";
    }

    /** A probe that runs {@code command} + the folder in a new process and reads the line it prints last. */
    public static Function<Path, String> freshJvm(List<String> command) {
        return dir -> {
            List<String> args = new ArrayList<>(command);
            args.add(dir.toString());
            try {
                Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new TsuzukuException("the startup probe did not finish within 120 s");
                }
                if (p.exitValue() != 0) {
                    throw new TsuzukuException("the startup probe failed (exit " + p.exitValue() + "): " + out);
                }
                String[] lines = out.split("\n");
                return lines[lines.length - 1];
            } catch (IOException e) {
                throw new TsuzukuException("cannot start the startup probe " + args.get(0) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TsuzukuException("interrupted while the startup probe ran", e);
            }
        };
    }

    static Probe parse(String label, String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new TsuzukuException("the startup probe answered \"" + line + "\"; expected \"wall N ms, cpu M ms\"");
        }
        return new Probe(label, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }
}
