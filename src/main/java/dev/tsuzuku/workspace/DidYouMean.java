package dev.tsuzuku.workspace;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The closest known word to a misspelt one, for "did you mean …?" fixes. Case, dashes,
 * underscores and spaces are ignored ({@code episode_seconds} finds {@code episodeSeconds});
 * a swapped pair of letters counts as one edit ({@code bleu} finds {@code blue}).
 */
public final class DidYouMean {
    private DidYouMean() {}

    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String t = normal(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String c = normal(candidate);
            int d = distance(t, c);
            // A prefix or the part after a slash ("ghibli", "Tokyo") is a strong hint even when far in edits.
            if (t.length() >= 3 && (c.startsWith(t) || c.endsWith("/" + t))) {
                d = Math.min(d, 1);
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, t.length() / 3);
        return best != null && bestDistance <= allowed && bestDistance < t.length() ? Optional.of(best) : Optional.empty();
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
