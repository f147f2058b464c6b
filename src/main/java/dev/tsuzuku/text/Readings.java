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

    /** The text with every word of {@code readings} replaced by its reading, longest word first, no word read twice. */
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
            m.appendReplacement(out, Matcher.quoteReplacement(readings.get(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
