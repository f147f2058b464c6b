package dev.tsuzuku.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small, dependency-free reading of English prose: sentences, quotes, words. Good enough to
 * find hooks and beats; it does not try to be a parser. Japanese and Chinese text is read by
 * {@link Cjk} (sentences at 。！？, 「」 quotes, kanji and katakana runs as words).
 */
public final class Prose {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])[\"'\u201d\u2019)]*\\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])");
    private static final Pattern QUOTE = Pattern.compile("[\"\u201c]([^\"\u201c\u201d]{2,}?)[\"\u201d]");
    /** Abbreviations whose full stop does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "mt", "no", "vs", "etc");

    public static final Set<String> STOPWORDS = Set.of(
            "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "he", "she", "it", "they", "we", "you", "i", "his", "her", "its", "their", "our", "your", "my",
            "him", "them", "us", "me", "this", "that", "these", "those", "was", "were", "is", "are", "be",
            "been", "had", "has", "have", "did", "do", "does", "not", "no", "so", "as", "then", "there",
            "when", "what", "which", "who", "whom", "all", "one", "very", "into", "upon", "out", "up", "down",
            "said", "would", "could", "should", "will", "shall", "now", "once", "time", "long", "ago",
            "little", "great", "old", "good", "some", "any", "more", "much", "such", "own", "same", "other",
            "thing", "things", "way", "day", "how", "if", "than", "too", "only", "about", "after", "before",
            "again", "over", "just", "yet", "still", "also", "even", "well", "never", "ever", "many",
            "man", "men", "woman", "made", "came", "went", "saw", "told", "thought", "knew", "himself",
            "herself", "themselves", "itself", "see", "come", "go", "make", "know", "say");

    private Prose() {}

    /** One quote in a text: its words and where it sits. */
    public record Quote(String text, int start, int end) {}

    /** Collapses all whitespace (line breaks inside paragraphs) to single spaces. */
    public static String flat(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (java.lang.Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    public static List<String> sentences(String text) {
        String flat = flat(text);
        if (Cjk.has(flat)) {
            return Cjk.sentences(flat);
        }
        List<String> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(flat);
        int start = 0;
        while (m.find()) {
            String candidate = flat.substring(start, m.start()).trim();
            if (endsWithAbbreviation(candidate)) {
                continue;
            }
            String s = flat.substring(start, m.end()).trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
            start = m.end();
        }
        String tail = flat.substring(start).trim();
        if (!tail.isEmpty()) {
            out.add(tail);
        }
        return out;
    }

    private static boolean endsWithAbbreviation(String s) {
        int dot = s.lastIndexOf('.');
        if (dot != s.length() - 1) {
            return false;
        }
        int sp = s.lastIndexOf(' ', dot);
        String word = s.substring(sp + 1, dot).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
    }

    public static List<Quote> quotes(String text) {
        List<Quote> out = new ArrayList<>();
        Matcher m = QUOTE.matcher(text);
        while (m.find()) {
            out.add(new Quote(flat(m.group(1)), m.start(), m.end()));
        }
        if (text.indexOf('「') >= 0 || text.indexOf('『') >= 0) {
            out.addAll(Cjk.quotes(text));
            out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
        return out;
    }

    /** Lower-case words of a text, letters and apostrophes only. */
    public static List<String> words(String text) {
        if (Cjk.has(text)) {
            return Cjk.contentWords(text);
        }
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !java.lang.Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && (java.lang.Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'')) {
                i++;
            }
            int end = i;
            while (end > start && text.charAt(end - 1) == '\'') {
                end--;
            }
            if (end > start) {
                out.add(text.substring(start, end).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * A sentence cut down to at most {@code maxWords} words, at a clause boundary where there is
     * one, ending in the sentence's own punctuation.
     */
    public static String condense(String sentence, int maxWords) {
        String s = flat(sentence);
        String[] tokens = s.split(" ");
        if (tokens.length <= maxWords) {
            return balanced(s);
        }
        int cut = -1;
        for (int i = Math.min(maxWords, tokens.length) - 1; i >= Math.max(3, maxWords / 2); i--) {
            if (tokens[i].endsWith(",") || tokens[i].endsWith(";") || tokens[i].endsWith(":")) {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            cut = maxWords - 1;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= cut; i++) {
            b.append(i == 0 ? "" : " ").append(tokens[i]);
        }
        String out = b.toString().replaceAll("[,;:\\-\u2014]+$", "");
        char end = s.charAt(s.length() - 1);
        String closer = end == '?' ? "...?" : "...";
        return balanced(out + closer);
    }

    /**
     * A sentence kept whole when it has at most {@code maxWords} words; else its longest opening
     * clause within that many words (at a comma, semicolon, colon or dash, at least 4 words),
     * closed with a full stop; else the whole sentence. Never an unfinished "...".
     */
    public static String clause(String sentence, int maxWords) {
        String s = flat(sentence);
        String[] tokens = s.split(" ");
        if (tokens.length <= maxWords) {
            return balanced(s);
        }
        for (int i = Math.min(maxWords, tokens.length) - 1; i >= 3; i--) {
            String t = tokens[i];
            if (t.endsWith(",") || t.endsWith(";") || t.endsWith(":") || t.endsWith("\u2014")) {
                String head = String.join(" ", java.util.Arrays.copyOf(tokens, i + 1)).replaceAll("[,;:\u2014]+$", "");
                return balanced(head + ".");
            }
        }
        return balanced(s);
    }

    /** Closes or opens a straight double quote left dangling by a cut sentence. */
    public static String balanced(String text) {
        long quotes = text.chars().filter(c -> c == '"').count();
        if (quotes % 2 == 0) {
            return text;
        }
        return text.startsWith("\"") ? text + "\"" : "\"" + text;
    }

    /** Title Case for an ALL-CAPS heading ("THE TONGUE-CUT SPARROW." → "The Tongue-Cut Sparrow"). */
    public static String titleCase(String heading) {
        String h = flat(heading).replaceAll("[.:]+$", "");
        if (!h.equals(h.toUpperCase(Locale.ROOT))) {
            return h;
        }
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : h.toLowerCase(Locale.ROOT).toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetter(c) && c != '\'';
        }
        return b.toString();
    }
}
