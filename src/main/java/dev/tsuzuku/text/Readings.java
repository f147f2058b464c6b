package dev.tsuzuku.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readings a book gives its words with ruby ({@code 山寺《やまでら》}), as the bible's
 * {@code readings:} map keeps them: a word of the text and the kana to say for it. A voice reads
 * the line with each word replaced by its reading, longest word first, so the book's reading wins
 * over a dictionary's guess (鈴守 is すずもり, not りんしゅ).
 */
public final class Readings {
    /** Hiragana, katakana, the long-vowel mark and the middle dot: what a reading may be written in. */
    private static final Pattern KANA = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}ー・゛゜]+");
    public static final int MAX_WORD_CHARS = 40;

    private Readings() {}

    /** Whether {@code s} is a reading: kana only, not empty. */
    public static boolean isKana(String s) {
        return s != null && KANA.matcher(s).matches();
    }

    /** Why this entry cannot be a reading (and nothing when it can). */
    public static Optional<String> problem(String word, String reading) {
        if (word == null || word.isBlank()) {
            return Optional.of("the word is empty");
        }
        if (word.length() > MAX_WORD_CHARS || word.chars().anyMatch(java.lang.Character::isWhitespace)) {
            return Optional.of("'" + word + "' is not one word (no spaces, at most " + MAX_WORD_CHARS + " characters)");
        }
        if (!isKana(reading)) {
            return Optional.of("the reading of '" + word + "' is '" + (reading == null ? "" : reading)
                    + "', not kana");
        }
        return Optional.empty();
    }

    /** What may follow a one-kanji word that is a word of its own: a particle, punctuation or the end. */
    private static final Pattern AFTER_ONE_KANJI = Pattern.compile("(?:を|に|が|は|の|へ|と|で|も|や|から|まで|より|[、。，．！？!?」』）)\\s])");

    /**
     * Whether the word at [start, end) is a word of its own there. A word of two characters or more
     * always is; one kanji only when no kanji stands beside it and a particle or punctuation follows:
     * 懐《ふところ》 is read in 懐に but not in 懐かしい or 本懐, where it is part of another word.
     */
    static boolean standsAlone(String text, int start, int end) {
        if (end - start > 1) {
            return true;
        }
        if (start > 0 && isHan(text.charAt(start - 1))) {
            return false;
        }
        return end == text.length() || AFTER_ONE_KANJI.matcher(text).region(end, text.length()).lookingAt();
    }

    private static boolean isHan(char c) {
        return java.lang.Character.UnicodeScript.of(c) == java.lang.Character.UnicodeScript.HAN;
    }

    /**
     * The text with every word of {@code readings} replaced by its reading, longest word first, no
     * word read twice; a one-kanji word only where it stands alone ({@link #standsAlone}).
     */
    public static String apply(String text, Map<String, String> readings) {
        if (readings == null || readings.isEmpty() || text == null || text.isEmpty()) {
            return text;
        }
        List<String> words = new ArrayList<>();
        for (String w : readings.keySet()) {
            if (!w.isEmpty() && text.contains(w)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return text;
        }
        words.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alternatives = new StringBuilder();
        for (String w : words) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(w));
        }
        Matcher m = Pattern.compile(alternatives.toString()).matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String reading = standsAlone(text, m.start(), m.end()) ? readings.get(m.group()) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(reading));
        }
        m.appendTail(out);
        return out.toString();
    }
}
