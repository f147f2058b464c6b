package dev.tsuzuku.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A paragraph read as the pieces an adaptation can tell: whole sentences of speech (each knows the
 * quote it came from, for attribution) and whole sentences of narration, in reading order. A quote
 * that only names something inside a narrative sentence (known as "My Lord Bag of Rice") is not
 * speech and stays in its sentence; a speech tag ("said the old man") is not narration.
 */
public final class StoryUnits {
    private static final Set<String> SAYING = Set.of("said", "says", "say", "cried", "asked", "replied", "answered",
            "exclaimed", "shouted", "called", "whispered", "thought", "began", "continued", "added", "screamed",
            "sobbed", "laughed", "murmured", "returned", "spoke", "saying", "cry", "ask", "answer", "reply",
            "words", "voice", "tell", "told", "ordered", "commanded", "begged", "prayed", "sang", "wept", "groaned");

    private StoryUnits() {}

    /**
     * One piece: {@code spoken} pieces come from the quote at {@code quoteStart} (an index into
     * the flattened paragraph); {@code at} orders pieces within the paragraph.
     */
    public record Unit(boolean spoken, String text, int quoteStart, int at) {}

    /** The units of one paragraph (any line breaks are flattened first). */
    public static List<Unit> of(String paragraph) {
        String flat = Prose.flat(paragraph);
        List<Unit> out = new ArrayList<>();
        List<Prose.Quote> quotes = new ArrayList<>();
        for (Prose.Quote q : Prose.quotes(flat)) {
            if (isSpeech(flat, q)) {
                quotes.add(q);
            }
        }
        for (int qi = 0; qi < quotes.size(); qi++) {
            Prose.Quote q = quotes.get(qi);
            String words = q.text();
            // "But," said Urashima, "how is it possible?": one speech broken by its tag is one speech.
            while (words.endsWith(",") && qi + 1 < quotes.size()) {
                words = words + " " + quotes.get(qi + 1).text();
                qi++;
            }
            for (String s : Prose.sentences(words)) {
                String clean = s.replaceAll("[\"\u201c\u201d\u300c\u300d\u300e\u300f]", "").trim();
                if (wordCount(clean) > 0) {
                    out.add(new Unit(true, finish(clean), q.start(), q.start()));
                }
            }
        }
        // Narration is read between the quotes: a quote ends the narrative sentence before it.
        int from = 0;
        for (int k = 0; k <= quotes.size(); k++) {
            int to = k < quotes.size() ? quotes.get(k).start() : flat.length();
            if (to > from) {
                narration(flat.substring(from, to), from, !quotes.isEmpty(), out);
            }
            from = k < quotes.size() ? quotes.get(k).end() : from;
        }
        out.sort((a, b) -> Integer.compare(a.at(), b.at()));
        return out;
    }

    private static void narration(String rest, int offset, boolean hasSpeech, List<Unit> out) {
        int cursor = 0;
        for (String sentence : Prose.sentences(rest)) {
            int at = Math.max(cursor, rest.indexOf(sentence, cursor));
            cursor = at + sentence.length();
            String prose = Prose.flat(sentence.replaceAll("[\"\u201c\u201d]", " ")).replaceAll("^[,;:.!?\\s]+", "");
            // What is left of a line of speech: a tag ("said the old man, ..."), not a sentence.
            boolean cjk = !prose.isEmpty() && Cjk.isCjk(prose.charAt(0));
            if (prose.isEmpty() || !Character.isUpperCase(prose.charAt(0)) && !cjk || wordCount(prose) < (cjk ? 3 : 4)
                    || (hasSpeech && (cjk ? Cjk.isTag(prose) : isTag(prose)))) {
                continue;
            }
            out.add(new Unit(false, finish(prose), -1, offset + at));
        }
    }

    /**
     * A quote is speech when it opens its sentence, follows a speech verb or a colon, or is long;
     * a short quote inside a narrative sentence names something ("known as "Bag of Rice"").
     */
    static boolean isSpeech(String flat, Prose.Quote q) {
        char open = flat.charAt(q.start());
        if (open == '\u300c' || open == '\u300e' && wordCount(q.text()) >= 3) {
            return true; // 「」 is speech; 『』 is speech (or a thought) unless it only names a title
        }
        if (wordCount(q.text()) >= 8) {
            return true;
        }
        int i = q.start() - 1;
        while (i >= 0 && flat.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || ".!?:;\u2014".indexOf(flat.charAt(i)) >= 0 || flat.charAt(i) == '"' || flat.charAt(i) == '\u201d') {
            return true;
        }
        int from = Math.max(0, q.start() - 40);
        for (String w : Prose.words(flat.substring(from, q.start()))) {
            if (SAYING.contains(w)) {
                return true;
            }
        }
        // `"Help!" cried the boy`: a speech verb right after the quote.
        List<String> after = Prose.words(flat.substring(q.end(), Math.min(flat.length(), q.end() + 30)));
        return after.stream().limit(3).anyMatch(SAYING::contains);
    }

    /** A remainder that is only a speech tag and its trimmings. */
    private static boolean isTag(String prose) {
        List<String> w = Prose.words(prose);
        return w.size() <= 8 && w.stream().anyMatch(SAYING::contains);
    }

    /** Ends a sentence with its stop, so a line never trails off unfinished. */
    static String finish(String s) {
        String t = s.trim().replaceAll("[,;:\\-\u2014]+$", "").trim();
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        if (".!?\u2026'\u2019)\u3002\uff01\uff1f\u300d\u300f".indexOf(last) >= 0) {
            return t;
        }
        return t + (Cjk.isCjk(last) ? "\u3002" : ".");
    }

    public static int wordCount(String text) {
        if (Cjk.has(text)) {
            return Cjk.words(text);
        }
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter || (in && text.charAt(i) == '\'');
        }
        return n;
    }

    /** Lower-case content words of a unit (no stop words), for centrality and redundancy. */
    public static List<String> contentWords(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Prose.words(text)) {
            if (w.length() > 2 && !Prose.STOPWORDS.contains(w)) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
