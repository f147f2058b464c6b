package dev.tsuzuku.text;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds cast members named in a piece of text, by name or alias, on word boundaries. The
 * narrator is not a character of the story and is never "mentioned".
 */
public final class CastNames {
    private record Entry(String needle, String name) {}

    private final List<Entry> entries = new ArrayList<>();

    public CastNames(Bible bible) {
        for (Character c : bible.cast()) {
            if (c.role() == Character.Role.NARRATOR) {
                continue;
            }
            entries.add(new Entry(c.name().toLowerCase(Locale.ROOT), c.name()));
            for (String a : c.aliases()) {
                if (!a.isBlank()) {
                    entries.add(new Entry(a.toLowerCase(Locale.ROOT), c.name()));
                }
            }
        }
        // Longer names first, so "Princess Hase" wins over "Hase" at the same place.
        entries.sort((a, b) -> b.needle().length() - a.needle().length());
    }

    /** Cast names (canonical) mentioned in the text, in order of first mention. */
    public Set<String> mentioned(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (indexOf(lower, e.needle(), 0) >= 0) {
                out.add(e.name());
            }
        }
        return out;
    }

    /** The cast member whose name or alias ends closest before {@code pos} (or after, if none before). */
    public String nearest(String text, int pos) {
        String lower = text.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Entry e : entries) {
            int i = indexOf(lower, e.needle(), 0);
            while (i >= 0) {
                int d = i + e.needle().length() <= pos ? pos - (i + e.needle().length()) : (i - pos) * 2 + 1;
                if (d >= 0 && d < bestDistance) {
                    bestDistance = d;
                    best = e.name();
                }
                i = indexOf(lower, e.needle(), i + 1);
            }
        }
        return best;
    }

    /** Canonical cast name for a candidate speaker name, or null if not in the cast. */
    public String resolve(String candidate) {
        String lower = candidate.toLowerCase(Locale.ROOT).trim();
        for (Entry e : entries) {
            boolean cjk = Cjk.isCjk(e.needle().charAt(0));
            if (e.needle().equals(lower) || lower.endsWith(" " + e.needle()) || cjk && lower.endsWith(e.needle())) {
                return e.name();
            }
        }
        return null;
    }

    static int indexOf(String haystack, String needle, int from) {
        if (!needle.isEmpty() && Cjk.isCjk(needle.charAt(0))) {
            return haystack.indexOf(needle, from); // no spaces to bound a Japanese or Chinese name
        }
        int i = haystack.indexOf(needle, from);
        while (i >= 0) {
            boolean startOk = i == 0 || !java.lang.Character.isLetterOrDigit(haystack.charAt(i - 1));
            int end = i + needle.length();
            boolean endOk = end == haystack.length() || !java.lang.Character.isLetterOrDigit(haystack.charAt(end));
            if (startOk && endOk) {
                return i;
            }
            i = haystack.indexOf(needle, i + 1);
        }
        return -1;
    }
}
