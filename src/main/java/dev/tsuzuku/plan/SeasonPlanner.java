package dev.tsuzuku.plan;

import dev.tsuzuku.text.Prose;
import dev.tsuzuku.text.Paragraphs;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.story.ScreenTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Cuts a whole source into a season. Every paragraph end is a candidate cut with a hook score;
 * dynamic programming picks the set of cuts with the best total hook strength minus length
 * penalties (episodes far from the target length, and above all outside the allowed range).
 * The DP looks back only over a bounded window of candidate lengths, so planning time grows
 * linearly with the text: O(n·w), or O(N·n·w) when the number of episodes is fixed.
 */
public final class SeasonPlanner {
    /** Penalty for leaving the allowed range: larger than any hook can win back. */
    private static final double OUT_OF_RANGE = 10.0;
    private static final double NEG = Double.NEGATIVE_INFINITY;

    /** Plans the season; {@code episodes} fixes the episode count, else it follows from the text. */
    public Season plan(Source source, Bible bible, OptionalInt episodes) {
        List<Paragraphs.Para> paras = Paragraphs.of(source);
        if (paras.isEmpty()) {
            throw new BadInputException(source.fileName(), "the source has no text to plan",
                    "put the story text (UTF-8 .txt or .md) in the source/ folder");
        }
        if (episodes.isPresent() && (episodes.getAsInt() < 1 || episodes.getAsInt() > paras.size())) {
            throw new BadInputException(source.fileName(),
                    "cannot cut " + paras.size() + " paragraphs into " + episodes.getAsInt() + " episodes",
                    "use --episodes between 1 and " + paras.size());
        }
        String text = source.text();
        ScreenTime pace = ScreenTime.forText(text, episodes.orElse(0), bible.episodeSeconds());
        Lengths lengths = new Lengths(pace, bible);

        int m = paras.size();
        int[] bound = new int[m + 1];
        for (int j = 1; j < m; j++) {
            bound[j] = paras.get(j).span().startChar();
        }
        bound[m] = text.length();
        Map<Integer, String> titles = chapterTitles(source);
        boolean collection = isCollection(titles);
        HookScorer.Scored[] hooks = new HookScorer.Scored[m + 1];
        for (int j = 1; j <= m; j++) {
            Paragraphs.Para p = paras.get(j - 1);
            String next = p.chapterEnd() && j < m && collection ? titles.get(paras.get(j).chapter()) : null;
            hooks[j] = HookScorer.score(source.slice(p.span()), p.chapterEnd(), next);
        }
        // Ordinal of each paragraph's chapter: an episode from paragraph i to j-1 runs over
        // chapter[j-1] - chapter[i] chapter ends.
        int[] chapter = new int[m];
        for (int p = 1; p < m; p++) {
            chapter[p] = chapter[p - 1] + (paras.get(p).chapter() != paras.get(p - 1).chapter() ? 1 : 0);
        }
        lengths.chapterOf = chapter;
        int[] cuts = episodes.isPresent()
                ? cutsForCount(bound, hooks, lengths, episodes.getAsInt())
                : cutsFree(bound, hooks, lengths);
        return new EpisodeSketcher(source, bible, paras, titles)
                .season(cuts, bound, hooks, lengths);
    }

    /** Free DP: best[j] = max over i in window(j) of best[i] + hook[j] − penalty(i, j). */
    private static int[] cutsFree(int[] bound, HookScorer.Scored[] hooks, Lengths lengths) {
        int m = bound.length - 1;
        double[] best = new double[m + 1];
        int[] from = new int[m + 1];
        Arrays.fill(best, NEG);
        best[0] = 0;
        int lo = 0;
        for (int j = 1; j <= m; j++) {
            while (bound[j] - bound[lo] > lengths.maxWindowChars && lo < j - 1) {
                lo++;
            }
            double hook = j == m ? 0 : hooks[j].strength();
            for (int i = Math.min(lo, j - 1); i < j; i++) {
                if (best[i] == NEG) {
                    continue;
                }
                double v = best[i] + hook - lengths.penalty(bound[j] - bound[i]) - lengths.crossing(i, j);
                if (v > best[j]) {
                    best[j] = v;
                    from[j] = i;
                }
            }
        }
        return backtrack(from, m);
    }

    /**
     * DP with a count dimension: best[k][j] = k episodes ending at boundary j. Only boundaries
     * from which an all-in-range season is still possible are tried (the k-th cut must lie
     * between k·min and k·max of the text, counted from either end); if the text allows no such
     * season, the band is dropped and every boundary is tried.
     */
    private static int[] cutsForCount(int[] bound, HookScorer.Scored[] hooks, Lengths lengths, int n) {
        int[] banded = cutsForCount(bound, hooks, lengths, n, true);
        return banded != null ? banded : cutsForCount(bound, hooks, lengths, n, false);
    }

    private static int[] cutsForCount(int[] bound, HookScorer.Scored[] hooks, Lengths lengths, int n, boolean band) {
        int m = bound.length - 1;
        int total = bound[m];
        double[][] best = new double[n + 1][m + 1];
        int[][] from = new int[n + 1][m + 1];
        for (double[] row : best) {
            Arrays.fill(row, NEG);
        }
        best[0][0] = 0;
        int[] lo = new int[m + 1];
        double[] hook = new double[m + 1];
        int l = 0;
        for (int j = 1; j <= m; j++) {
            while (bound[j] - bound[l] > lengths.maxWindowChars && l < j - 1) {
                l++;
            }
            lo[j] = l;
            hook[j] = j == m ? 0 : hooks[j].strength();
        }
        long minChars = lengths.pace.sourceChars(lengths.min);
        long maxChars = lengths.pace.sourceChars(lengths.max);
        for (int k = 1; k <= n; k++) {
            long low = band ? Math.max(k * minChars, total - (n - k) * maxChars) : 0;
            long high = band ? Math.min(k * maxChars, total - (n - k) * minChars) : total;
            // k episodes need at least k paragraphs, and the rest must leave one for each later episode.
            for (int j = k; j <= m - (n - k); j++) {
                if (bound[j] < low || bound[j] > high) {
                    continue;
                }
                for (int i = Math.min(lo[j], j - 1); i < j; i++) {
                    if (best[k - 1][i] == NEG) {
                        continue;
                    }
                    double v = best[k - 1][i] + hook[j] - lengths.penalty(bound[j] - bound[i]) - lengths.crossing(i, j);
                    if (v > best[k][j]) {
                        best[k][j] = v;
                        from[k][j] = i;
                    }
                }
            }
        }
        if (best[n][m] == NEG) {
            if (band) {
                return null;
            }
            // The window was too narrow for this count: fall back to the even split that always exists.
            int[] cuts = new int[n + 1];
            for (int k = 0; k <= n; k++) {
                cuts[k] = (int) Math.round((double) k * m / n);
            }
            return cuts;
        }
        int[] cuts = new int[n + 1];
        int j = m;
        for (int k = n; k > 0; k--) {
            cuts[k] = j;
            j = from[k][j];
        }
        cuts[0] = 0;
        return cuts;
    }

    private static int[] backtrack(int[] from, int m) {
        List<Integer> rev = new ArrayList<>();
        for (int j = m; j > 0; j = from[j]) {
            rev.add(j);
        }
        rev.add(0);
        int[] cuts = new int[rev.size()];
        for (int k = 0; k < cuts.length; k++) {
            cuts[k] = rev.get(rev.size() - 1 - k);
        }
        return cuts;
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile(
            "(?i)^(chapter|part|book|letter|volume|section|canto)\\b.*|^[ivxlc\\d]+[.:]?(\\s.*)?$");

    /**
     * A book of tales (its chapters have names of their own: "The Tongue-Cut Sparrow") rather than
     * a novel (its chapters are numbered: "Chapter II", "IV."). Only a collection's episodes close
     * on "Next, a new tale begins".
     */
    static boolean isCollection(Map<Integer, String> titles) {
        if (titles.size() < 2) {
            return false;
        }
        long named = titles.values().stream().filter(t -> !NUMBERED.matcher(t.trim()).matches()).count();
        return named * 2 > titles.size();
    }

    private static Map<Integer, String> chapterTitles(Source source) {
        Map<Integer, String> titles = new HashMap<>();
        for (Chapter c : source.chapters()) {
            if (c.title() != null && !c.title().isBlank()) {
                titles.put(c.index(), Prose.titleCase(c.title()));
            }
        }
        return titles;
    }

    /** Screen-time penalties of an episode, from its length in source characters. */
    static final class Lengths {
        final ScreenTime pace;
        final int target;
        final int min;
        final int max;
        final int maxWindowChars;

        Lengths(ScreenTime pace, Bible bible) {
            this.pace = pace;
            this.target = bible.episodeSeconds();
            this.min = bible.minEpisodeSeconds();
            this.max = bible.maxEpisodeSeconds();
            this.maxWindowChars = pace.sourceChars(max * 1.25);
        }

        /**
         * An episode that runs over a chapter end mixes two stories (in a book of tales, two
         * casts): a viewer loses the thread. Cheaper than an episode out of range, dearer than
         * a weak hook.
         */
        static final double CROSSING = 3.0;
        int[] chapterOf = new int[0];

        double crossing(int fromPara, int toPara) {
            if (chapterOf.length == 0 || toPara <= fromPara) {
                return 0;
            }
            return CROSSING * (chapterOf[toPara - 1] - chapterOf[fromPara]);
        }

        int seconds(int chars) {
            return (int) Math.round(pace.ofSource(chars));
        }

        double penalty(int chars) {
            double s = pace.ofSource(chars);
            double dev = (s - target) / target;
            double p = 3.0 * dev * dev;
            if (s < min - 0.5) {
                p += OUT_OF_RANGE + 40.0 * (min - s) / target;
            } else if (s > max + 0.5) {
                p += OUT_OF_RANGE + 40.0 * (s - max) / target;
            }
            return p;
        }

        CutScore cut(HookScorer.Scored hook, int chars) {
            double pen = Math.round(penalty(chars) * 100) / 100.0;
            return new CutScore(hook.strength(), pen, Math.round((hook.strength() - pen) * 100) / 100.0, hook.cues());
        }
    }
}
