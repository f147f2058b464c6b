package dev.tsuzuku.ingest;

import dev.tsuzuku.ingest.CastIndex.Member;
import dev.tsuzuku.text.Cjk;
import dev.tsuzuku.text.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the cast of one stretch of text: capitalised names that are not sentence-initial common
 * words, role-names ("the old man", "the monkey"), and who speaks ("said the monkey"). Aliases
 * are merged ({@link CastMerger}): "Urashima" and "Taro" into "Urashima Taro", "the Princess" into
 * "Princess Moonlight"; each group becomes a cast member ({@link CastProfile}).
 */
final class CastScanner {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’\\-]*");
    private static final List<String> DISTINGUISHING = List.of("old", "young", "younger", "elder", "eldest", "youngest",
            "first", "white", "sea", "demon", "dragon");

    private final String text;
    private final int from;
    private final int to;
    private final Map<String, CastCandidate> candidates = new LinkedHashMap<>();
    private final TreeMap<Integer, CastCandidate> byOffset = new TreeMap<>();
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
        if (Cjk.mostly(text.substring(from, Math.min(to, from + 20_000)))) {
            JapaneseNames.scan(text, from, to, candidates, byOffset);
        } else {
            properNames();
            roleNames();
            speakers();
        }
        List<List<CastCandidate>> groups = new CastMerger(text, from, to).merge(kept());
        CastProfile profile = new CastProfile(text, from, to);
        List<Member> members = new ArrayList<>();
        for (List<CastCandidate> g : groups) {
            members.add(profile.member(g));
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
        CastCandidate c = candidates.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new CastCandidate(k, false));
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
        if (List.of("in", "at", "to", "from", "near", "of", "across", "into", "towards", "toward", "through", "reach", "reached",
                "left", "leave", "leaving", "visit", "visited", "above", "below", "beyond", "around", "over").contains(prev)) {
            c.placeEvidence++;
        }
        if (first == 0 && prev.equals("the") || first > 0 && word(run.get(first - 1)).equals("the")) {
            boolean titled = false;
            for (int i = first; i < run.size(); i++) {
                String w = word(run.get(i));
                titled |= Vocabulary.TITLES.contains(w) || Vocabulary.ROLE_NOUNS.contains(w);
            }
            if (!titled) {
                c.articled++;
            }
        }
        // "Whitby lay grey", "Whitby was quiet": a place is the subject of lying and being, seldom of doing.
        if (List.of("lay", "lies", "stood", "slept").contains(next) && c.personEvidence == 0) {
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
            CastCandidate c = candidates.computeIfAbsent(key.toString(), k -> new CastCandidate(k, true));
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

    private void add(CastCandidate c, String form, int start, int end) {
        c.forms.merge(form, 1, Integer::sum);
        c.spans.add(new int[] {start, end});
        byOffset.put(start, c);
    }

    /** Dialogue attribution: a mention right after `"…," said` or right before `said` after a closing quote. */
    private void speakers() {
        for (Map.Entry<Integer, CastCandidate> e : byOffset.entrySet()) {
            int start = e.getKey();
            CastCandidate c = e.getValue();
            int end = endOf(c, start);
            if (Attribution.speaksAt(text, start, end)) {
                c.spoken++;
            }
        }
    }

    private static int endOf(CastCandidate c, int start) {
        for (int[] s : c.spans) {
            if (s[0] == start) {
                return s[1];
            }
        }
        return start;
    }

    private List<CastCandidate> kept() {
        List<CastCandidate> out = new ArrayList<>();
        for (CastCandidate c : candidates.values()) {
            boolean person = c.personEvidence + c.spoken >= 1;
            if (c.role) {
                if (c.count() >= 3 && person || c.spoken >= 1 && c.count() >= 2) {
                    out.add(c);
                }
            } else if ((c.nonInitial >= 2 || c.spoken >= 1) && c.count() >= 2 && person
                    && lowercaseWords.getOrDefault(c.key, 0) < c.count()
                    && c.placeEvidence <= c.personEvidence + 2 * c.spoken
                    && c.articled * 2 < c.count()) {
                out.add(c);
            }
        }
        return out;
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
