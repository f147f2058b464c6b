package dev.tsuzuku.app;

import dev.tsuzuku.pipeline.ConsoleProgress;
import dev.tsuzuku.plan.WritersRoomBench;
import dev.tsuzuku.produce.ProduceBench;
import dev.tsuzuku.render.FfmpegBinaries;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** The {@code bench} verbs' work, wired here so the CLI only prints the lines. */
public final class Benches {
    private Benches() {}

    /** Ingest + plan + write on novels of the given sizes made from {@code sample}; the report, line by line. */
    public static List<String> writersRoom(String sample, int episodes, LongSupplier cpuNanos, LongSupplier wallNanos) {
        WritersRoomBench.Report r = new WritersRoomBench(sample, cpuNanos, wallNanos)
                .run(new int[] {256 * 1024, 512 * 1024, 1024 * 1024}, episodes);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%8s %8s %8s %8s %8s %8s %9s %10s", "size", "episodes", "ingest", "plan", "write", "total",
                "ms/100KB", "wall(7×plan)"));
        for (WritersRoomBench.Run run : r.runs()) {
            lines.add(String.format("%6dKB %8d %7.2fs %7.2fs %7.2fs %7.2fs %9.0f %9.2fs", run.bytes() / 1024, run.episodes(),
                    run.ingestSeconds(), run.planSeconds(), run.writeSeconds(), run.totalSeconds(), run.msPer100Kb(),
                    run.wallSeconds()));
        }
        WritersRoomBench.Run fixed = r.fixedCount();
        lines.add(String.format("1 MB as exactly %d episodes: plan %.2fs, total %.2fs (%d episodes)", r.fixedEpisodes(),
                fixed.planSeconds(), fixed.totalSeconds(), fixed.episodes()));
        lines.add(String.format("linearity: plan(1 MB) / (4 × plan(0.25 MB)) = %.2f (%s; ≤ 1.2 is linear)", r.linearity(),
                r.linearity() <= 1.2 ? "ok" : "HIGH"));
        WritersRoomBench.Run mb = r.runs().get(r.runs().size() - 1);
        lines.add(String.format("1 MB total %.2fs against the %.0fs target: %s", mb.totalSeconds(),
                WritersRoomBench.TARGET_SECONDS_PER_MB, mb.totalSeconds() <= WritersRoomBench.TARGET_SECONDS_PER_MB ? "ok" : "OVER"));
        return lines;
    }

    /**
     * Times the produce stage on a synthetic episode of {@code seconds} in the empty folder
     * {@code scratch}, with a {@code clip}-second clip for render+encode against x264 alone.
     */
    public static List<String> produce(Path scratch, int seconds, int clip) {
        Clock clock = Clock.systemUTC();
        List<Studio> opened = new ArrayList<>();
        try {
            return new ProduceBench(System::nanoTime, ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime,
                    ProduceBench.Cpu.linux())
                    .run(scratch, seconds, clip, FfmpegBinaries.locate(), (ws, progress) -> {
                        Studio studio = Studio.open(ws, clock, progress);
                        opened.add(studio);
                        return studio.productionFloor().benchFloor();
                    }, new ConsoleProgress(System.err, clock)).lines();
        } finally {
            opened.forEach(Studio::close);
        }
    }
}
