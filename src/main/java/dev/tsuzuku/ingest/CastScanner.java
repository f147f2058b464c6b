package dev.tsuzuku.ingest;

import dev.tsuzuku.ingest.CastIndex.Gender;
import dev.tsuzuku.ingest.CastIndex.Member;
import dev.tsuzuku.model.Colors;
import dev.tsuzuku.text.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the cast of one stretch of text: capitalised names that are not sentence-initial common
 * words, role-names ("the old man", "the monkey"), and who speaks ("said the monkey"). Aliases
 * are merged: "Urashima" and "Taro" into "Urashima Taro", "the Princess" into "Princess Moonlight".
 */
final class CastScanner {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’\\-]*");
    private static final Pattern APPOSITIVE = Pattern.compile(
            "\\b([A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+)*),? (?:or|that is|which means|meaning|also called|known as) "
                    + "[\"“]?([A-Z][\\p{L}' -]{2,40}?)[\"”]?[,.;)]");
    private static final Pattern APPOSITIVE_CAPS = Pattern.compile(
            "\\b([A-Z]{3,}(?: [A-Z]{3,})*),? OR ([A-Z][A-Z ]{2,40}?)[,.;]");
    private static final Pattern PARENTHESIS = Pattern.compile("\\b([A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+)*) \\(([A-Z][\\p{L} ]{2,30})\\)");
    private static final Pattern COLOUR_NEAR;
    private static final Pattern HE = Pattern.compile("\\b(he|him|his|himself)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHE = Pattern.compile("\\b(she|her|hers|herself)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> DISTINGUISHING = List.of("old", "young", "younger", "elder", "eldest", "youngest",
            "first", "white", "sea", "demon", "dragon");

    static {
        String colours = Colors.names().keySet().stream()
                .filter(c -> !List.of("light", "medium", "dark", "fair", "sky", "sand", "rose", "wine", "peach", "cream", "mint", "tan").contains(c))
                .collect(Collectors.joining("|"));
        COLOUR_NEAR = Pattern.compile("\\b((?:dark|light|pale|deep|bright) )?(" + colours + ")\\s+(?:[a-z]+\\s+)?"
                + "(hair|locks|tresses|eyes|robe|robes|kimono|dress|garments?|clothes|coat|cloak|hakama|armou?r|fur|feathers|plumage|scales|shell|skin|face)\\b");
    }

    /** One name as found, before the filters: every place it occurs and what the context says about it. */
    private static final class Candidate {
        final String key;
        final boolean role;
        final Map<String, Integer> forms = new LinkedHashMap<>();
        final List<int[]> spans = new ArrayList<>();
        int nonInitial;
        int spoken;
        int personEvidence;
        int placeEvidence;

        Candidate(String key, boolean role) {
            this.key = key;
            this.role = role;
        }

        int count() {
            return spans.size();
        }

        String display() {
            return forms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(key);
        }
    }

    private final String text;
    private final int from;
    private final int to;
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private final TreeMap<Integer, Candidate> byOffset = new TreeMap<>();
    private final Map<String, Integer> lowercaseWords = new HashMap<>();

    private CastScanner(String text, int from, int to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static List<Member> scan(String text, int from, int to, int limit) {
        return new CastScanner(text, from, to).run(limit);
    }

    private List<Member> run(int limit) {
        properNames();
        roleNames();
        speakers();
        List<List<Candidate>> groups = merge(kept());
        List<Member> members = new ArrayList<>();
        for (List<Candidate> g : groups) {
            members.add(member(g));
        }
        members.sort(CastIndex.RANKING);
        return members.size() > limit ? members.subList(0, limit) : members;
    }

    private void properNames() {
        Matcher m = WORD.matcher(text).region(from, to);
        List<int[]> run = new ArrayList<>();
        int prevEnd = -1;
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            String w = m.group();
            boolean possessive = w.endsWith("'s") || w.endsWith("’s");
            if (possessive) {
                e -= 2;
            }
            while (e > s && (text.charAt(e - 1) == '-' || text.charAt(e - 1) == '\'' || text.charAt(e - 1) == '’')) {
                e--;
            }
            boolean cap = Character.isUpperCase(text.charAt(s)) && !isAllCaps(s, e);
            if (Character.isLowerCase(text.charAt(s))) {
                lowercaseWords.merge(text.substring(s, e), 1, Integer::sum);
            }
            boolean joined = !run.isEmpty() && s - prevEnd == 1 && (text.charAt(prevEnd) == ' ' || text.charAt(prevEnd) == '\n');
            if (!cap || !joined) {
                flush(run);
                run.clear();
            }
            if (cap) {
                run.add(new int[] {s, e});
                if (possessive) {
                    flush(run);
                    run.clear();
                }
            }
            prevEnd = possessive ? -2 : m.end();
        }
        flush(run);
    }

    private void flush(List<int[]> run) {
        if (run.isEmpty()) {
            return;
        }
        int first = 0;
        while (first < run.size() && Vocabulary.NOT_NAMES.contains(word(run.get(first)))) {
            first++;
        }
        int n = run.size() - first;
        if (n == 0 || n > 4 || Vocabulary.PLACE_WORDS.contains(word(run.get(first)))) {
            return;
        }
        boolean allTitles = true;
        for (int i = first; i < run.size(); i++) {
            allTitles &= Vocabulary.TITLES.contains(word(run.get(i)));
        }
        if (allTitles) {
            return; // "the Princess" is a role-name, found by roleNames()
        }
        int start = run.get(first)[0];
        int end = run.get(run.size() - 1)[1];
        String name = text.substring(start, end).replace('\n', ' ');
        Candidate c = candidates.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Candidate(k, false));
        add(c, name, start, end);
        if (first > 0 || !sentenceInitial(start)) {
            c.nonInitial++;
        }
        if (Vocabulary.TITLES.contains(word(run.get(first))) || end < to && text.charAt(end) == '\'' || end < to && text.charAt(end) == '’') {
            c.personEvidence++;
        }
        String next = nextWord(end);
        if (Vocabulary.ACTION_VERBS.contains(next) || Vocabulary.SPEECH_VERBS.contains(next)) {
            c.personEvidence++;
        }
        String prev = previousWord(start);
        if (List.of("in", "at", "to", "from", "near", "of", "across", "into", "towards", "toward", "through", "reach", "reached").contains(prev)) {
            c.placeEvidence++;
        }
    }

    /** "the [old|young…] noun": scanned by hand, one set lookup per word, because a regex over every "the" is slow. */
    private void roleNames() {
        for (int i = from; i + 4 < to; i++) {
            char ch = text.charAt(i);
            if ((ch != 't' && ch != 'T') || text.charAt(i + 1) != 'h' || text.charAt(i + 2) != 'e'
                    || !java.lang.Character.isWhitespace(text.charAt(i + 3))
                    || i > from && java.lang.Character.isLetter(text.charAt(i - 1))) {
                continue;
            }
            int p = i + 4;
            StringBuilder key = new StringBuilder("the ");
            StringBuilder shown = new StringBuilder("the ");
            int adjectives = 0;
            String noun = null;
            int nounEnd = -1;
            while (adjectives <= 2) {
                int we = wordEnd(p);
                if (we == p) {
                    break;
                }
                String w = text.substring(p, we).toLowerCase(Locale.ROOT);
                int next = we < to && text.charAt(we) == ' ' || we < to && text.charAt(we) == '\n' ? we + 1 : -1;
                if (next > 0) {
                    int we2 = wordEnd(next);
                    String two = w + " " + text.substring(next, we2).toLowerCase(Locale.ROOT);
                    if (we2 > next && Vocabulary.ROLE_NOUNS.contains(two)) {
                        noun = two;
                        shown.append(text, p, we).append(' ').append(text, next, we2);
                        nounEnd = we2;
                        break;
                    }
                }
                if (Vocabulary.ROLE_NOUNS.contains(w)) {
                    noun = w;
                    shown.append(text, p, we);
                    nounEnd = we;
                    break;
                }
                if (!Vocabulary.ROLE_ADJECTIVES.contains(w) || next < 0 || java.lang.Character.isUpperCase(text.charAt(p))) {
                    break;
                }
                if (DISTINGUISHING.contains(w)) {
                    key.append(w).append(' ');
                    shown.append(w).append(' ');
                }
                adjectives++;
                p = next;
            }
            if (noun == null || followedByCapital(nounEnd)) {
                continue;
            }
            key.append(noun);
            Candidate c = candidates.computeIfAbsent(key.toString(), k -> new Candidate(k, true));
            add(c, shown.toString(), i, nounEnd);
            c.nonInitial++;
            String next = nextWord(nounEnd);
            if (Vocabulary.ACTION_VERBS.contains(next) || Vocabulary.SPEECH_VERBS.contains(next)) {
                c.personEvidence++;
            }
            i = nounEnd;
        }
    }

    /** End of the word (letters and inner hyphens) starting at p; a possessive 's is not part of it. */
    private int wordEnd(int p) {
        int i = p;
        while (i < to && (java.lang.Character.isLetter(text.charAt(i))
                || text.charAt(i) == '-' && i + 1 < to && java.lang.Character.isLetter(text.charAt(i + 1)) && i > p)) {
            i++;
        }
        return i;
    }

    /** "the Princess Moonlight": the role word is part of a proper name that follows. */
    private boolean followedByCapital(int end) {
        return end + 1 < to && text.charAt(end) == ' ' && java.lang.Character.isUpperCase(text.charAt(end + 1))
                && !text.startsWith("I ", end + 1);
    }

    private void add(Candidate c, String form, int start, int end) {
        c.forms.merge(form, 1, Integer::sum);
        c.spans.add(new int[] {start, end});
        byOffset.put(start, c);
    }

    /** Dialogue attribution: a mention right after `"…," said` or right before `said` after a closing quote. */
    private void speakers() {
        for (Map.Entry<Integer, Candidate> e : byOffset.entrySet()) {
            int start = e.getKey();
            Candidate c = e.getValue();
            int end = endOf(c, start);
            if (Attribution.speaksAt(text, start, end)) {
                c.spoken++;
            }
        }
    }

    private static int endOf(Candidate c, int start) {
        for (int[] s : c.spans) {
            if (s[0] == start) {
                return s[1];
            }
        }
        return start;
    }

    private List<Candidate> kept() {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            boolean person = c.personEvidence + c.spoken >= 1;
            if (c.role) {
                if (c.count() >= 3 && person || c.spoken >= 1 && c.count() >= 2) {
                    out.add(c);
                }
            } else if ((c.nonInitial >= 2 || c.spoken >= 1) && c.count() >= 2 && person
                    && lowercaseWords.getOrDefault(c.key, 0) < c.count()
                    && c.placeEvidence <= c.personEvidence + 2 * c.spoken) {
                out.add(c);
            }
        }
        return out;
    }

    /** Groups the candidates that name the same character; the first of each group is the fullest name. */
    private List<List<Candidate>> merge(List<Candidate> kept) {
        Map<Candidate, Candidate> parent = new HashMap<>();
        for (Candidate c : kept) {
            parent.put(c, c);
        }
        List<Candidate> proper = kept.stream().filter(c -> !c.role).toList();
        // "Prince Yamato Take" and "Yamato Take"; "Urashima" into "Urashima Taro".
        for (Candidate c : proper) {
            List<String> tokens = untitled(c.key);
            Candidate best = null;
            for (Candidate other : proper) {
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
        for (Candidate c : kept) {
            if (!c.role) {
                continue;
            }
            String noun = c.key.substring(c.key.lastIndexOf(' ') + 1);
            if (!Vocabulary.TITLES.contains(noun) || c.key.split(" ").length > 2) {
                continue;
            }
            Candidate best = null;
            for (Candidate p : proper) {
                if (List.of(p.key.split(" ")).contains(noun) && (best == null || p.count() > best.count())) {
                    best = p;
                }
            }
            if (best != null) {
                union(parent, c, best);
            }
        }
        // "the Dragon" and "Dragon".
        for (Candidate c : kept) {
            if (c.role) {
                for (Candidate p : proper) {
                    if (p.key.equals(c.key.substring(4))) {
                        union(parent, c, p);
                    }
                }
            }
        }
        appositives(kept, parent);

        Map<Candidate, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : kept) {
            groups.computeIfAbsent(find(parent, c), k -> new ArrayList<>()).add(c);
        }
        List<List<Candidate>> out = new ArrayList<>();
        for (List<Candidate> g : groups.values()) {
            List<Candidate> sorted = new ArrayList<>(g);
            int total = g.stream().mapToInt(Candidate::count).sum();
            // The full name leads when it is used often enough; otherwise the usual short form does.
            sorted.sort(Comparator.comparingInt((Candidate c) -> preference(c, total)).reversed());
            out.add(sorted);
        }
        return out;
    }

    private static int preference(Candidate c, int total) {
        int words = c.key.split(" ").length;
        boolean usedOften = c.count() >= 3 || c.count() * 5 >= total;
        int base = c.role ? 0 : 1_000_000;
        return base + (usedOften ? words * 10_000 : 0) + c.count();
    }

    /** Aliases the text states: `Momotaro, or Son of a Peach`; `Princess Murasaki (Violet)`. */
    private void appositives(List<Candidate> kept, Map<Candidate, Candidate> parent) {
        Map<String, Candidate> byKey = new HashMap<>();
        for (Candidate c : kept) {
            byKey.put(c.key, c);
        }
        for (Pattern p : List.of(APPOSITIVE, APPOSITIVE_CAPS, PARENTHESIS)) {
            Matcher m = p.matcher(text).region(from, to);
            while (m.find()) {
                Candidate named = byKey.get(m.group(1).toLowerCase(Locale.ROOT));
                if (named == null) {
                    continue;
                }
                String alias = m.group(2).strip();
                if (alias.equals(alias.toUpperCase(Locale.ROOT))) {
                    alias = Outline.titleCase(alias);
                }
                Candidate other = byKey.get(alias.toLowerCase(Locale.ROOT));
                if (other != null) {
                    union(parent, other, named);
                } else if (alias.split(" ").length <= 5) {
                    Candidate stated = new Candidate(alias.toLowerCase(Locale.ROOT), false);
                    stated.forms.put(alias, 0);
                    kept.add(stated);
                    parent.put(stated, find(parent, named));
                    byKey.put(stated.key, stated);
                }
            }
        }
    }

    private Member member(List<Candidate> group) {
        Candidate lead = group.get(0);
        String name = lead.display();
        List<String> aliases = new ArrayList<>();
        List<Integer> mentions = new ArrayList<>();
        int spoken = 0;
        boolean animal = false;
        for (Candidate c : group) {
            for (String form : c.forms.keySet()) {
                if (!form.equalsIgnoreCase(name) && aliases.stream().noneMatch(form::equalsIgnoreCase)) {
                    aliases.add(form);
                }
            }
            for (int[] s : c.spans) {
                mentions.add(s[0]);
            }
            spoken += c.spoken;
            animal |= c.role && Vocabulary.ANIMALS.stream().anyMatch(a -> c.key.endsWith(" " + a));
        }
        mentions.sort(null);
        return new Member(name, aliases, gender(group), animal, mentions, spoken, colours(group));
    }

    private Gender gender(List<Candidate> group) {
        int female = 0;
        int male = 0;
        for (Candidate c : group) {
            for (String w : c.key.split(" ")) {
                if (Vocabulary.FEMALE_WORDS.contains(w)) {
                    female += 100;
                } else if (Vocabulary.MALE_WORDS.contains(w)) {
                    male += 100;
                }
            }
            for (int[] s : c.spans) {
                int end = Math.min(to, s[1] + 120);
                female += count(SHE, s[1], end);
                male += count(HE, s[1], end);
            }
        }
        if (female > male * 1.3) {
            return Gender.FEMALE;
        }
        return male > female * 1.3 ? Gender.MALE : Gender.UNKNOWN;
    }

    private Map<String, String> colours(List<Candidate> group) {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Candidate c : group) {
            for (int[] s : c.spans) {
                Matcher m = COLOUR_NEAR.matcher(text).region(Math.max(from, s[0] - 60), Math.min(to, s[1] + 100));
                while (m.find()) {
                    String colour = (m.group(1) == null ? "" : m.group(1)) + m.group(2);
                    String slot = switch (m.group(3)) {
                        case "hair", "locks", "tresses", "fur", "feathers", "plumage", "scales", "shell" -> "hair";
                        case "eyes" -> "eyes";
                        case "skin", "face" -> "skin";
                        default -> "outfit";
                    };
                    votes.computeIfAbsent(slot, k -> new HashMap<>()).merge(colour.toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        votes.forEach((slot, v) -> v.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .ifPresent(best -> out.put(slot, best.getKey())));
        return out;
    }

    private int count(Pattern p, int start, int end) {
        Matcher m = p.matcher(text).region(start, end);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> untitled(String key) {
        List<String> tokens = new ArrayList<>(List.of(key.split(" ")));
        while (tokens.size() > 1 && Vocabulary.TITLES.contains(tokens.get(0))) {
            tokens.remove(0);
        }
        return tokens;
    }

    private static Candidate find(Map<Candidate, Candidate> parent, Candidate c) {
        Candidate p = parent.get(c);
        while (p != parent.get(p)) {
            p = parent.get(p);
        }
        return p;
    }

    private static void union(Map<Candidate, Candidate> parent, Candidate child, Candidate into) {
        Candidate a = find(parent, child);
        Candidate b = find(parent, into);
        if (a != b) {
            parent.put(a, b);
        }
    }

    private boolean sentenceInitial(int start) {
        int i = start - 1;
        boolean quote = false;
        while (i >= from) {
            char ch = text.charAt(i);
            if (ch == '\n' && i > from && text.charAt(i - 1) == '\n') {
                return true;
            }
            if (Character.isWhitespace(ch)) {
                i--;
                continue;
            }
            if (ch == '"' || ch == '“' || ch == '‘' || ch == '(' || ch == '\'') {
                quote = true;
                i--;
                continue;
            }
            return quote || ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == ';' || ch == '—';
        }
        return true;
    }

    private boolean isAllCaps(int s, int e) {
        if (e - s < 2) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private String word(int[] span) {
        return text.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
    }

    private String nextWord(int end) {
        int i = end;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\n')) {
            i++;
        }
        int s = i;
        while (i < to && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return text.substring(s, i).toLowerCase(Locale.ROOT);
    }

    private String previousWord(int start) {
        int i = start;
        while (i > from && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\n')) {
            i--;
        }
        int e = i;
        while (i > from && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        return text.substring(i, e).toLowerCase(Locale.ROOT);
    }
}
