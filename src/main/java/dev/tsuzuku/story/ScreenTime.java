package dev.tsuzuku.story;

import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.text.Cjk;

/**
 * How long things last on screen. The season planner and the offline writer both use it, so the
 * seconds a plan promises for a span are the seconds the written script takes.
 *
 * <p>{@code sourceCharsPerSecond} is the compression of the series: how many characters of
 * source text one second of episode covers. The house default (60) turns ~9,000 characters into
 * a 150 s episode, so a 100k-word novel becomes roughly 60 episodes.
 */
public record ScreenTime(double sourceCharsPerSecond) {
    /** Source characters per second of screen time for a book adapted at the house pace. */
    public static final double DEFAULT_CHARS_PER_SECOND = 60.0;
    /** English speaking rate used for dialogue and narration. */
    public static final double WORDS_PER_SECOND = 2.7;
    /** Characters of English prose (with its spaces and punctuation) per spoken word. */
    static final double ENGLISH_CHARS_PER_WORD = 6.0;
    /** The breath between two spoken lines. */
    public static final double PAUSE_SECONDS = 0.4;
    static final double MIN_ACTION_SECONDS = 2.0;
    static final double MAX_ACTION_SECONDS = 3.0;

    public ScreenTime {
        if (!(sourceCharsPerSecond > 0)) {
            throw new IllegalArgumentException("sourceCharsPerSecond must be > 0, was " + sourceCharsPerSecond);
        }
    }

    public static ScreenTime houseDefault() {
        return new ScreenTime(DEFAULT_CHARS_PER_SECOND);
    }

    /**
     * The pace for a whole text: near the house default, adjusted so the text divides into a whole
     * number of target-length episodes ({@code episodes} when given, else the natural count).
     */
    public static ScreenTime forText(int totalChars, int episodes, int episodeSeconds) {
        return forText(totalChars, episodes, episodeSeconds, DEFAULT_CHARS_PER_SECOND);
    }

    /**
     * Like {@link #forText(int, int, int)} for this text: a Japanese or Chinese book packs a
     * second of screen time into fewer characters ({@link Cjk#CHARS_PER_WORD} per word instead of
     * about six), so its house pace is {@code 60 × 2.5 / 6} characters a second.
     */
    public static ScreenTime forText(String text, int episodes, int episodeSeconds) {
        double pace = Cjk.mostly(text) ? DEFAULT_CHARS_PER_SECOND * Cjk.CHARS_PER_WORD / ENGLISH_CHARS_PER_WORD
                : DEFAULT_CHARS_PER_SECOND;
        return forText(text.length(), episodes, episodeSeconds, pace);
    }

    private static ScreenTime forText(int totalChars, int episodes, int episodeSeconds, double housePace) {
        int chars = Math.max(1, totalChars);
        int count = episodes > 0
                ? episodes
                : (int) Math.max(1, Math.round(chars / (housePace * episodeSeconds)));
        return new ScreenTime(chars / ((double) count * episodeSeconds));
    }

    /** Screen seconds of a source span of this many characters. */
    public double ofSource(int chars) {
        return chars / sourceCharsPerSecond;
    }

    /** Source characters that fill this many screen seconds. */
    public int sourceChars(double seconds) {
        return (int) Math.round(seconds * sourceCharsPerSecond);
    }

    /** Seconds one screenplay line takes: spoken lines by word count, action beats 2–3 s. */
    public static double line(LineKind kind, String text) {
        int words = words(text);
        if (kind == LineKind.ACTION) {
            double beat = Math.min(MAX_ACTION_SECONDS, Math.max(MIN_ACTION_SECONDS, 0.75 + words * 0.25));
            // A long action line is still read on screen: never faster than 4 words a second.
            return roundUp(Math.max(beat, words / 4.0));
        }
        return round(words / WORDS_PER_SECOND + PAUSE_SECONDS);
    }

    /**
     * Words as a reader counts them: runs of letters or digits ("kind-hearted" is two); Japanese
     * and Chinese by characters ({@link Cjk#words}: 2.5 characters take the time of one word).
     */
    public static int words(String text) {
        return dev.tsuzuku.text.StoryUnits.wordCount(text);
    }

    private static double roundUp(double s) {
        return Math.ceil(s * 10 - 1e-9) / 10.0;
    }

    private static double round(double s) {
        return Math.round(s * 10) / 10.0;
    }
}
