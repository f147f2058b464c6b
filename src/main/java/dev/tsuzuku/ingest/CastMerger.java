package dev.tsuzuku.ingest;

import dev.tsuzuku.text.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups the name candidates of one stretch of text that name the same character: "Urashima" into
 * "Urashima Taro", "the Princess" into "Princess Moonlight", and aliases the text states.
 */
final class CastMerger {
    private static final Pattern APPOSITIVE = Pattern.compile(
            "\\b([A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+)*),? (?:or|that is|which means|meaning|also called|known as) "
                    + "[\"“]?([A-Z][\\p{L}' -]{2,40}?)[\"”]?[,.;)]");

    private static final Pattern APPOSITIVE_CAPS = Pattern.compile(
            "\\b([A-Z]{3,}(?: [A-Z]{3,})*),? OR ([A-Z][A-Z ]{2,40}?)[,.;]");

    private static final Pattern PARENTHESIS = Pattern.compile("\\b([A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+)*) \\(([A-Z][\\p{L} ]{2,30})\\)");

    private final String text;
    private final int from;
    private final int to;

    CastMerger(String text, int from, int to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** Groups the candidates that name the same character; the first of each group is the fullest name. */
    List<List<CastCandidate>> merge(List<CastCandidate> kept) {
        Map<CastCandidate, CastCandidate> parent = new HashMap<>();
        for (CastCandidate c : kept) {
            parent.put(c, c);
        }
        List<CastCandidate> proper = kept.stream().filter(c -> !c.role).toList();
        // "Prince Yamato Take" and "Yamato Take"; "Urashima" into "Urashima Taro".
        for (CastCandidate c : proper) {
            List<String> tokens = untitled(c.key);
            CastCandidate best = null;
            for (CastCandidate other : proper) {
                if (other == c) {
                    continue;
                }
                List<String> ot = untitled(other.key);
                boolean contains = ot.size() > tokens.size() && ot.containsAll(tokens)
                        || ot.equals(tokens) && other.key.length() > c.key.length();
                if (contains && (best == null || other.count() > best.count())) {
                    best = other;
                }
            }
            if (best != null && !tokens.isEmpty()) {
                union(parent, c, best);
            }
        }
        // "the Princess" is the one Princess of this stretch; "the king" the Dragon King.
        for (CastCandidate c : kept) {
            if (!c.role) {
                continue;
            }
            String noun = c.key.substring(c.key.lastIndexOf(' ') + 1);
            if (!Vocabulary.TITLES.contains(noun) || c.key.split(" ").length > 2) {
                continue;
            }
            CastCandidate best = null;
            for (CastCandidate p : proper) {
                if (List.of(p.key.split(" ")).contains(noun) && (best == null || p.count() > best.count())) {
                    best = p;
                }
            }
            if (best != null) {
                union(parent, c, best);
            }
        }
        // "the Dragon" and "Dragon".
        for (CastCandidate c : kept) {
            if (c.role) {
                for (CastCandidate p : proper) {
                    if (p.key.equals(c.key.substring(4))) {
                        union(parent, c, p);
                    }
                }
            }
        }
        appositives(kept, parent);
        Honorifics.merge(kept, (child, into) -> union(parent, child, into));

        Map<CastCandidate, List<CastCandidate>> groups = new LinkedHashMap<>();
        for (CastCandidate c : kept) {
            groups.computeIfAbsent(find(parent, c), k -> new ArrayList<>()).add(c);
        }
        List<List<CastCandidate>> out = new ArrayList<>();
        for (List<CastCandidate> g : groups.values()) {
            List<CastCandidate> sorted = new ArrayList<>(g);
            int total = g.stream().mapToInt(CastCandidate::count).sum();
            // The full name leads when it is used often enough; otherwise the usual short form does.
            sorted.sort(Comparator.comparingInt((CastCandidate c) -> preference(c, total)).reversed());
            out.add(sorted);
        }
        return out;
    }

    private static int preference(CastCandidate c, int total) {
        int words = c.key.split(" ").length;
        boolean usedOften = c.count() >= 3 || c.count() * 5 >= total;
        int base = c.role ? 0 : 1_000_000;
        return base + (usedOften ? words * 10_000 : 0) + c.count();
    }

    /** Aliases the text states: `Momotaro, or Son of a Peach`; `Princess Murasaki (Violet)`. */
    private void appositives(List<CastCandidate> kept, Map<CastCandidate, CastCandidate> parent) {
        Map<String, CastCandidate> byKey = new HashMap<>();
        for (CastCandidate c : kept) {
            byKey.put(c.key, c);
        }
        for (Pattern p : List.of(APPOSITIVE, APPOSITIVE_CAPS, PARENTHESIS)) {
            Matcher m = p.matcher(text).region(from, to);
            while (m.find()) {
                CastCandidate named = byKey.get(m.group(1).toLowerCase(Locale.ROOT));
                if (named == null) {
                    continue;
                }
                String alias = m.group(2).strip();
                if (alias.equals(alias.toUpperCase(Locale.ROOT))) {
                    alias = Headings.titleCase(alias);
                }
                CastCandidate other = byKey.get(alias.toLowerCase(Locale.ROOT));
                if (other != null) {
                    union(parent, other, named);
                } else if (alias.split(" ").length <= 5) {
                    CastCandidate stated = new CastCandidate(alias.toLowerCase(Locale.ROOT), false);
                    stated.forms.put(alias, 0);
                    kept.add(stated);
                    parent.put(stated, find(parent, named));
                    byKey.put(stated.key, stated);
                }
            }
        }
    }

    private static List<String> untitled(String key) {
        List<String> tokens = new ArrayList<>(List.of(key.split(" ")));
        while (tokens.size() > 1 && Vocabulary.TITLES.contains(tokens.get(0))) {
            tokens.remove(0);
        }
        return tokens;
    }

    private static CastCandidate find(Map<CastCandidate, CastCandidate> parent, CastCandidate c) {
        CastCandidate p = parent.get(c);
        while (p != parent.get(p)) {
            p = parent.get(p);
        }
        return p;
    }

    private static void union(Map<CastCandidate, CastCandidate> parent, CastCandidate child, CastCandidate into) {
        CastCandidate a = find(parent, child);
        CastCandidate b = find(parent, into);
        if (a != b) {
            parent.put(a, b);
        }
    }
}
