package dev.tsuzuku.plan;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Monetization;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.story.OfflineWriter;
import dev.tsuzuku.story.WriteRequest;
import dev.tsuzuku.text.Prose;
import java.time.LocalTime;
import java.time.ZoneOffset;
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

    /**
     * One measured size, in seconds of the clock given to the bench (the CLI uses the thread's CPU
     * time, which a busy machine does not distort); {@code planSeconds} is the best of three runs.
     */
    public record Run(int bytes, int episodes, double ingestSeconds, double planSeconds, double writeSeconds) {
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
        this.sample = sample;
        this.nanoTime = nanoTime;
    }

    /** A novel of at least {@code bytes} characters: the sample's tales over and over, chapters renumbered. */
    public static String novel(String sample, int bytes) {
        Source book = PlainSource.read("sample.txt", sample);
        List<String[]> tales = new ArrayList<>();
        for (Chapter c : book.chapters()) {
            // Front matter (dedication, preface) is short; the tales are what a novel repeats.
            if (c.title().isBlank() || c.span().length() < 5_000 || c.scenes().get(0).paragraphs().size() < 2) {
                continue;
            }
            int bodyStart = c.scenes().get(0).paragraphs().get(1).startChar();
            tales.add(new String[] {Prose.flat(c.title()).replaceAll("[.]+$", ""), book.text().substring(bodyStart, c.span().endChar())});
        }
        if (tales.isEmpty()) {
            throw new IllegalArgumentException("the sample has no chapters to repeat");
        }
        StringBuilder b = new StringBuilder();
        for (int n = 0; b.length() < bytes; n++) {
            String[] tale = tales.get(n % tales.size());
            b.append("CHAPTER ").append(n + 1).append(". ").append(tale[0]).append("\n\n").append(tale[1]).append("\n\n");
        }
        return b.toString();
    }

    public Report run(int[] sizes, int fixedEpisodes) {
        // Warm-up on the largest size, so JIT compilation and class loading stay out of the figures.
        measure(sizes[sizes.length - 1], OptionalInt.empty());
        List<Run> runs = new ArrayList<>();
        for (int size : sizes) {
            runs.add(measure(size, OptionalInt.empty()));
        }
        Run first = runs.get(0);
        Run last = runs.get(runs.size() - 1);
        double ratio = last.planSeconds() / ((double) last.bytes() / first.bytes() * first.planSeconds());
        Run fixed = measure(sizes[sizes.length - 1], OptionalInt.of(fixedEpisodes));
        return new Report(runs, ratio, fixed, fixedEpisodes);
    }

    private Run measure(int bytes, OptionalInt episodes) {
        String raw = novel(sample, bytes);
        long t0 = nanoTime.getAsLong();
        Source source = PlainSource.read("novel.txt", raw);
        long t1 = nanoTime.getAsLong();
        Bible bible = bible();
        SeasonPlanner planner = new SeasonPlanner();
        Season season = null;
        long best = Long.MAX_VALUE;
        // The machine may be shared: the best of three runs is the planner's own cost.
        for (int i = 0; i < 3; i++) {
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
        return new Run(raw.length(), season.episodes().size(), (t1 - t0) / 1e9, best / 1e9, (t3 - t2) / 1e9);
    }

    private static Bible bible() {
        Look look = new Look("black", "brown", "kimono", "light", "slim");
        VoiceSpec voice = new VoiceSpec("en-us", 50, 160);
        List<Character> cast = List.of(
                new Character("Narrator", List.of(), Character.Role.NARRATOR, look, voice),
                new Character("Old Man", List.of("old man"), Character.Role.LEAD, look, voice),
                new Character("Old Woman", List.of("old woman", "wife"), Character.Role.SUPPORTING, look, voice),
                new Character("Princess", List.of(), Character.Role.SUPPORTING, look, voice),
                new Character("Monkey", List.of(), Character.Role.SUPPORTING, look, voice));
        return new Bible("bench", "Writers' room bench", "", "en", "fantasy", new ArtStyle("ghibli-watercolor", ""),
                cast, List.of(), 150, new DropSchedule(LocalTime.NOON, ZoneOffset.UTC), new Monetization(5, 60),
                new Routing("offline", null, null, null, "animatic", "offline", 1.0, "USD"));
    }
}
