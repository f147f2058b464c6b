package dev.tsuzuku.ingest;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.text.Cjk;
import dev.tsuzuku.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who says a quote: the name next to a speech verb right after the quote ({@code "…," said the
 * old man}, {@code "…," Urashima answered}) or right before it ({@code Momotaro said: "…"}).
 * For a pronoun ("he said") it is the cast member named last before the quote in the paragraph;
 * unattributed lines give no speaker.
 */
public final class Attribution {
    private Attribution() {}

    /**
     * The cast member speaking the quote that opens at {@code quoteStart} (the index of its
     * opening quote mark) in {@code paragraph}, when the text names them.
     */
    public static Optional<Character> speakerOf(String paragraph, int quoteStart, Bible bible) {
        if (quoteStart < 0 || quoteStart >= paragraph.length()) {
            return Optional.empty();
        }
        char open = paragraph.charAt(quoteStart);
        if (open == '「' || open == '『') {
            return japaneseSpeaker(paragraph, quoteStart, open == '「' ? '」' : '』', bible);
        }
        char close = open == '“' ? '”' : open == '‘' ? '’' : open;
        int closeAt = paragraph.indexOf(close, quoteStart + 1);
        if (closeAt > 0) {
            // After: `"…," said X` or `"…," X said`.
            int p = skipSpace(paragraph, closeAt + 1);
            String verb = wordAt(paragraph, p);
            if (isSpeechVerb(verb)) {
                Optional<Character> c = nameAt(paragraph, skipSpace(paragraph, p + verb.length()), bible);
                if (c.isPresent()) {
                    return c;
                }
            }
            Optional<Character> before = nameFollowedByVerb(paragraph, p, bible);
            if (before.isPresent()) {
                return before;
            }
            if (pronounSpeaks(paragraph, p)) {
                return lastNamedBefore(paragraph, quoteStart, bible);
            }
        }
        // Before: `X said: "…"` within the sentence that introduces the quote.
        int sentence = Math.max(paragraph.lastIndexOf(". ", quoteStart), Math.max(paragraph.lastIndexOf("\n", quoteStart), -1)) + 1;
        for (int p = skipSpace(paragraph, sentence); p < quoteStart; p = skipSpace(paragraph, nextWordStart(paragraph, p))) {
            Optional<Character> c = nameFollowedByVerb(paragraph, p, bible);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /**
     * 「…」と太郎は言いました: the name in the tag after the quote; else a tag that closes the
     * sentence just before the quote (…と花子が言いました。「…」 goes on with 花子).
     */
    private static Optional<Character> japaneseSpeaker(String paragraph, int quoteStart, char close, Bible bible) {
        int closeAt = paragraph.indexOf(close, quoteStart + 1);
        if (closeAt > 0) {
            String name = Cjk.taggedSpeaker(paragraph.substring(closeAt + 1, Math.min(paragraph.length(), closeAt + 40)));
            Optional<Character> c = japaneseName(name, bible);
            if (c.isPresent()) {
                return c;
            }
        }
        String before = paragraph.substring(Math.max(0, quoteStart - 40), quoteStart);
        int tag = before.lastIndexOf("」と");
        if (tag >= 0 && before.indexOf('「', tag) < 0) {
            return japaneseName(Cjk.taggedSpeaker(before.substring(tag + 1)), bible);
        }
        return Optional.empty();
    }

    /** The cast member a Japanese name names, with or without its honorific (花子さん is 花子). */
    static Optional<Character> japaneseName(String name, Bible bible) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String bare = Honorifics.strip(name);
        for (Character c : bible.cast()) {
            List<String> names = new ArrayList<>(c.aliases());
            names.add(c.name());
            for (String n : names) {
                if (n.equals(name) || Honorifics.strip(n).equals(bare)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** `"…," he said` or `"…," said she`. */
    private static boolean pronounSpeaks(String s, int p) {
        String first = wordAt(s, p).toLowerCase(Locale.ROOT);
        int q = skipSpace(s, p + first.length());
        String second = wordAt(s, q).toLowerCase(Locale.ROOT);
        return (first.equals("he") || first.equals("she")) && isSpeechVerb(second)
                || isSpeechVerb(first) && (second.equals("he") || second.equals("she"));
    }

    /**
     * For "he said": the cast member named last before the quote, outside other quotes, in the
     * same paragraph. Narration usually names the speaker just before giving them a line.
     */
    private static Optional<Character> lastNamedBefore(String paragraph, int quoteStart, Bible bible) {
        StringBuilder narration = new StringBuilder(paragraph.substring(0, quoteStart));
        boolean inQuote = false;
        for (int i = 0; i < narration.length(); i++) {
            char c = narration.charAt(i);
            boolean mark = c == '"' || c == '“' || c == '”';
            if (mark) {
                inQuote = c == '“' || c == '"' && !inQuote;
            }
            if (inQuote || mark) {
                narration.setCharAt(i, ' ');
            }
        }
        String lower = narration.toString().toLowerCase(Locale.ROOT);
        Character best = null;
        int bestAt = -1;
        for (Character c : bible.cast()) {
            if (c.role() == Character.Role.NARRATOR) {
                continue;
            }
            List<String> names = new ArrayList<>(c.aliases());
            names.add(c.name());
            for (String n : names) {
                String key = n.toLowerCase(Locale.ROOT).replaceFirst("^the ", "");
                int at = lower.lastIndexOf(key);
                boolean word = at >= 0 && (at == 0 || !java.lang.Character.isLetter(lower.charAt(at - 1)))
                        && (at + key.length() == lower.length() || !java.lang.Character.isLetter(lower.charAt(at + key.length())));
                if (word && at > bestAt) {
                    best = c;
                    bestAt = at;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether the name at [start, end) of {@code text} is attributed a quote by a speech verb next to it. */
    static boolean speaksAt(String text, int start, int end) {
        int before = start;
        while (before > 0 && text.charAt(before - 1) == ' ' || before > 0 && text.charAt(before - 1) == '\n') {
            before--;
        }
        int verbStart = before;
        while (verbStart > 0 && java.lang.Character.isLetter(text.charAt(verbStart - 1))) {
            verbStart--;
        }
        String prevWord = text.substring(verbStart, before).toLowerCase(Locale.ROOT);
        if (isSpeechVerb(prevWord) && closingQuoteBefore(text, verbStart)) {
            return true;
        }
        int after = skipSpace(text, end);
        String next = wordAt(text, after);
        if (isSpeechVerb(next)) {
            if (closingQuoteBefore(text, start)) {
                return true;
            }
            int p = skipSpace(text, after + next.length());
            if (p < text.length() && (text.charAt(p) == ':' || text.charAt(p) == ',')) {
                p = skipSpace(text, p + 1);
                return p < text.length() && (text.charAt(p) == '"' || text.charAt(p) == '“');
            }
        }
        return false;
    }

    private static boolean closingQuoteBefore(String text, int pos) {
        int i = pos;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\n')) {
            i--;
        }
        if (i < 2) {
            return false;
        }
        char q = text.charAt(i - 1);
        char punct = text.charAt(i - 2);
        return (q == '"' || q == '”') && (punct == ',' || punct == '!' || punct == '?' || punct == '.' || punct == '—' || punct == '-');
    }

    private static Optional<Character> nameFollowedByVerb(String s, int p, Bible bible) {
        for (int words = 4; words >= 1; words--) {
            String phrase = phraseAt(s, p, words);
            if (phrase == null) {
                continue;
            }
            int after = skipSpace(s, p + phrase.length());
            if (isSpeechVerb(wordAt(s, after))) {
                Optional<Character> c = lookup(phrase, bible);
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Character> nameAt(String s, int p, Bible bible) {
        for (int words = 4; words >= 1; words--) {
            String phrase = phraseAt(s, p, words);
            if (phrase != null) {
                Optional<Character> c = lookup(phrase, bible);
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    /** A name as written may carry an article the bible omits, or the reverse. */
    private static Optional<Character> lookup(String phrase, Bible bible) {
        String clean = phrase.replaceAll("['’]s$", "");
        List<String> tries = new ArrayList<>(List.of(clean));
        if (clean.toLowerCase(Locale.ROOT).startsWith("the ")) {
            tries.add(clean.substring(4));
        } else {
            tries.add("the " + clean);
        }
        for (String t : tries) {
            Optional<Character> c = bible.character(t);
            if (c.isPresent() && c.get().role() != Character.Role.NARRATOR) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The next {@code words} words from {@code p}, joined by single spaces, or null if the text ends first. */
    private static String phraseAt(String s, int p, int words) {
        int i = p;
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                if (i >= s.length() || (s.charAt(i) != ' ' && s.charAt(i) != '\n')) {
                    return null;
                }
                i++;
            }
            int start = i;
            while (i < s.length() && (java.lang.Character.isLetter(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '\'' || s.charAt(i) == '’')) {
                i++;
            }
            if (i == start) {
                return null;
            }
        }
        return s.substring(p, i).replace('\n', ' ');
    }

    private static boolean isSpeechVerb(String w) {
        return Vocabulary.SPEECH_VERBS.contains(w.toLowerCase(Locale.ROOT));
    }

    private static String wordAt(String s, int p) {
        int i = p;
        while (i < s.length() && java.lang.Character.isLetter(s.charAt(i))) {
            i++;
        }
        return s.substring(Math.min(p, s.length()), i);
    }

    private static int skipSpace(String s, int p) {
        int i = p;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    private static int nextWordStart(String s, int p) {
        int i = p;
        while (i < s.length() && !java.lang.Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
