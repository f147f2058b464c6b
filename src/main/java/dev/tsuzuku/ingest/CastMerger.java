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

    /** "Ryn Jin, the Dragon King of the Sea" (or "Rin Jin, or the Dragon King …"): a name, then the title the text gives it. */
    private static final Pattern TITLED = Pattern.compile(
            "\\b([A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+)*), (?:or )?the ((?:[A-Z][\\p{L}]+ )?(?:King|Queen|Prince|Princess|Lord|Lady|Emperor|Empress|God|Goddess))"
                    + "(?: of the ([A-Z][\\p{L}]+))?");
    /** "the Dragon King of the Sea" is the Sea King. */
    private static final Pattern TITLE_OF = Pattern.compile(
            "\\b([A-Z][\\p{L}]+ )?(King|Queen|Prince|Princess|Lord|Lady|Emperor|Empress|God|Goddess) of the ([A-Z][\\p{L}]+)");
    /** "His true name was Fujiwara Hidesato": the name joins the person named just before. */
    private static final Pattern TRUE_NAME = Pattern.compile(
            "\\b(?:[Hh]is|[Hh]er) (?:true |real |proper |own )?name was ([A-Z][\\p{L}'-]+(?:\\s[A-Z][\\p{L}'-]+){0,2})");
    /** "a brave warrior known to all as Tawara Toda, or "My Lord Bag of Rice."": a nickname, and another. */
    private static final Pattern KNOWN_AS = Pattern.compile(
            "\\b(?:known|called|nicknamed)(?:\\sto\\sall|\\sto\\severyone|\\severywhere|\\sby\\sall)?\\sas\\s([A-Z][\\p{L}'-]+(?:\\s[A-Z][\\p{L}'-]+){0,3})"
                    + "(?:,?\\sor\\s[\"“]([^\"”]{3,40}?)[.,!]?[\"”])?");

    /** The role noun a "known as" follows: "a brave warrior [known to all as]". */
    private static final Pattern ROLE_BEFORE = Pattern.compile("\\b(?:a|an|the)\\s(?:[a-z]+\\s){0,2}?([a-z]+)\\s$");
    /** A speaker who names himself: "I am the Dragon King of the Lake". */
    private static final Pattern SELF = Pattern.compile(
            "[\"“][^\"”]{0,300}?\\b(?:I am|I'm|my name is|I am called)\\s+(?:the\\s+)?([A-Z][\\p{L}'-]+(?:\\s[A-Z][\\p{L}'-]+){0,2})");
    /** Who a story calls by a common noun until they say who they are. */
    private static final java.util.Set<String> STRANGERS = java.util.Set.of("the man", "the woman", "the stranger",
            "the youth", "the figure", "the lady", "the person", "the boy", "the girl", "the voice");

    /** "The stranger was none other than Kageyama": the narration names one it called by a common noun. */
    private static final Pattern REVEALED = Pattern.compile(
            "\\b([Tt]he (?:[a-z]+ )?[a-z]+),? (?:was none other than|was no other than|was really|was in fact|turned out to be|proved to be)"
                    + "\\s+(?:the\\s+)?([A-Z][\\p{L}'-]+(?:\\s[A-Z][\\p{L}'-]+){0,2})");

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
        titles(kept, parent);
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

    /** Names the text joins to a title or to the person named just before. */
    private void titles(List<CastCandidate> kept, Map<CastCandidate, CastCandidate> parent) {
        Map<String, CastCandidate> byKey = new HashMap<>();
        for (CastCandidate c : kept) {
            byKey.put(c.key, c);
        }
        Matcher m = TITLED.matcher(text).region(from, to);
        while (m.find()) {
            CastCandidate named = byKey.get(m.group(1).toLowerCase(Locale.ROOT));
            if (named == null) {
                continue;
            }
            String title = m.group(2).toLowerCase(Locale.ROOT);
            String noun = title.substring(title.lastIndexOf(' ') + 1);
            for (String alias : new String[] {title, m.group(3) == null ? null : m.group(3).toLowerCase(Locale.ROOT) + " " + noun}) {
                CastCandidate other = alias == null ? null : byKey.get(alias);
                if (other != null) {
                    union(parent, other, named);
                }
            }
        }
        Matcher t = TITLE_OF.matcher(text).region(from, to);
        while (t.find()) {
            String noun = t.group(2).toLowerCase(Locale.ROOT);
            CastCandidate of = byKey.get(t.group(3).toLowerCase(Locale.ROOT) + " " + noun);
            CastCandidate with = t.group(1) == null ? null : byKey.get(t.group(1).toLowerCase(Locale.ROOT) + noun);
            if (of != null && with != null) {
                union(parent, with, of);
            }
        }
        Matcher self = SELF.matcher(text).region(from, to);
        while (self.find()) {
            String[] words = self.group(1).split("\\s+");
            CastCandidate named = null;
            for (int j = words.length; j > 0 && named == null; j--) {
                named = byKey.get(String.join(" ", java.util.Arrays.copyOf(words, j)).toLowerCase(Locale.ROOT));
            }
            CastCandidate stranger = null;
            int at = -1;
            for (CastCandidate c : kept) {
                if (!STRANGERS.contains(c.key) || c.spoken == 0) {
                    continue;
                }
                for (int[] span : c.spans) {
                    if (span[0] < self.start() && span[0] > at && self.start() - span[0] < 800) {
                        at = span[0];
                        stranger = c;
                    }
                }
            }
            boolean spokeBefore = false;
            CastCandidate tagged = null;
            if (named != null) {
                CastCandidate root = find(parent, named);
                int quoteEnd = text.indexOf('"', self.end()) < 0 ? self.end() : text.indexOf('"', self.end());
                for (CastCandidate c : kept) {
                    boolean same = find(parent, c) == root;
                    for (int[] span : c.spans) {
                        boolean speaks = span[0] < quoteEnd + 60 && Attribution.speaksAt(text, span[0], span[1]);
                        // one who has spoken already is not the stranger introducing himself, and a
                        // quote the text gives to someone else ("said the fisherman") is theirs
                        boolean ownTag = span[0] > quoteEnd && !text.substring(quoteEnd + 1, span[0]).matches("(?s).*[\"“\\n].*")
                                || span[1] <= self.start() && !text.substring(span[1], self.start()).matches("(?s).*[\"“”\\n].*");
                        spokeBefore |= speaks && (same && span[0] < self.start() || c != stranger && ownTag);
                        if (speaks && ownTag && c.role && !same) {
                            tagged = c; // "I am Urashima Taro!" said the fisherman: the fisherman is Urashima
                        }
                    }
                }
            }
            if (tagged != null && !named.role) {
                union(parent, tagged, named);
            } else if (named != null && stranger != null && !named.role && !spokeBefore) {
                union(parent, stranger, named);
            }
        }
        Matcher r = REVEALED.matcher(text).region(from, to);
        while (r.find()) {
            CastCandidate stranger = byKey.get(r.group(1).toLowerCase(Locale.ROOT));
            String[] words = r.group(2).split("\\s+");
            CastCandidate named = null;
            for (int j = words.length; j > 0 && named == null; j--) {
                named = byKey.get(String.join(" ", java.util.Arrays.copyOf(words, j)).toLowerCase(Locale.ROOT));
            }
            if (stranger != null && named != null && stranger.role && !named.role) {
                union(parent, stranger, named);
            }
        }
        Matcher n = TRUE_NAME.matcher(text).region(from, to);
        while (n.find()) {
            String trueName = n.group(1).replaceAll("\\s+", " ");
            CastCandidate named = byKey.get(trueName.toLowerCase(Locale.ROOT));
            if (named == null) {
                String[] words = trueName.split(" ");
                named = byKey.get(words[words.length - 1].toLowerCase(Locale.ROOT));
            }
            Matcher known = KNOWN_AS.matcher(text).region(Math.max(from, n.start() - 400), n.start());
            if (named != null && known.find()) {
                for (String nick : new String[] {known.group(1), known.group(2), trueName}) {
                    if (nick == null) {
                        continue;
                    }
                    String alias = nick.replaceAll("\\s+", " ").strip();
                    CastCandidate other = byKey.get(alias.toLowerCase(Locale.ROOT));
                    if (other == null) {
                        other = new CastCandidate(alias.toLowerCase(Locale.ROOT), false);
                        other.forms.put(alias, 0);
                        kept.add(other);
                        parent.put(other, other);
                        byKey.put(other.key, other);
                    }
                    union(parent, other, named);
                }
                // "a brave warrior known to all as …": the story's "the warrior" is this person too
                Matcher noun = ROLE_BEFORE.matcher(text.substring(Math.max(from, known.start() - 40), known.start()));
                if (noun.find()) {
                    CastCandidate role = byKey.get("the " + noun.group(1).toLowerCase(Locale.ROOT));
                    if (role != null && role.role) {
                        union(parent, role, named);
                    }
                }
                List<String> nicks = new ArrayList<>();
                for (int g = 1; g <= 2; g++) {
                    if (known.group(g) != null) {
                        nicks.add(known.group(g).replaceAll("\\s+", " ").strip());
                    }
                }
                for (CastCandidate c : kept) {
                    for (int[] span : c.spans) {
                        if (span[0] >= known.start() && span[1] <= known.end() && c != named) {
                            union(parent, c, named);
                            if (pieceOf(c, nicks)) {
                                c.forms.clear(); // "Lord Bag" of "My Lord Bag of Rice": his mentions, not a name of his
                            }
                            break;
                        }
                    }
                }
                continue;
            }
            CastCandidate before = null;
            int at = -1;
            for (CastCandidate c : kept) {
                for (int[] span : c.spans) {
                    if (!c.role && c != named && span[0] < n.start() && span[0] > at && n.start() - span[0] < 600) {
                        at = span[0];
                        before = c;
                    }
                }
            }
            if (named != null && before != null) {
                union(parent, before, named);
            } else if (before != null) {
                CastCandidate stated = new CastCandidate(n.group(1).toLowerCase(Locale.ROOT), false);
                stated.forms.put(n.group(1), 0);
                kept.add(stated);
                parent.put(stated, find(parent, before));
                byKey.put(stated.key, stated);
            }
        }
    }

    /**
     * A candidate found only as a piece of a longer stated nickname: every place it occurs is inside
     * that nickname ("Lord Bag" in "My Lord Bag of Rice").
     */
    private boolean pieceOf(CastCandidate c, List<String> nicks) {
        if (c.spans.isEmpty()) {
            return false;
        }
        for (int[] span : c.spans) {
            String form = text.substring(span[0], span[1]);
            boolean inside = false;
            for (String nick : nicks) {
                int at = nick.indexOf(form);
                inside |= nick.length() > form.length() && at >= 0 && span[0] - at >= 0
                        && text.startsWith(nick, span[0] - at);
            }
            if (!inside) {
                return false;
            }
        }
        return true;
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
