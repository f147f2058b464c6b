package dev.tsuzuku.board;

import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.ShotKind;
import java.util.Arrays;

/** Frames, breaths and speech lengths: the arithmetic the drafting, splitting, fitting and retiming share. */
final class ShotTiming {
    /**
     * Breaths around speech, in frames: before the first line, between lines, after the last. The
     * breath between two lines is the same (0.3 s) whether a cut falls between them or not: a
     * longer pause at every cut left a fifth of each episode silent (issue 9, decision 0020).
     */
    static final int LEAD = 3;
    static final int GAP = 9;
    static final int TAIL = 6;
    /**
     * The breath between measured lines: a recording keeps 0.05 s of silence before and after its
     * speech (the offline voice trims the engine's padding to that), so the retimed board adds
     * 0.1 s between two lines of a shot and none before the first or after the last; the pause
     * heard is about 0.2 s within a shot and 0.1 s at a cut. The full breaths (0.1 s lead, 0.3 s
     * gap, 0.2 s tail) on top of that left English episodes at 80% voice (issue 9, decision 0020).
     */
    static final int MEASURED_GAP = 3;
    /** Story and hook shots aim for at least 2 s (no shot is shorter than {@link Storyboarder#MIN_SHOT_FRAMES}). */
    static final int STORY_MIN = 60;
    static final int TITLE_FRAMES = 60;
    static final int END_CARD_FRAMES = 90;
    /** Speech per shot before it is split: with its breaths (0.3 s) a shot stays within 6 s. */
    static final double MAX_SPEECH_SECONDS = 5.4;
    static final int MAX_SHOT_FRAMES = 6 * Storyboarder.FPS;
    static final double WORDS_PER_SECOND = 2.7;

    private ShotTiming() {}

    static int minFrames(ShotKind kind) {
        return switch (kind) {
            case COLD_OPEN -> Storyboarder.COLD_OPEN_MIN;
            case TITLE -> TITLE_FRAMES;
            case END_CARD -> END_CARD_FRAMES;
            case STORY, HOOK -> STORY_MIN;
        };
    }

    static int frames(double seconds) {
        return Math.max(1, (int) Math.ceil(seconds * Storyboarder.FPS - 1e-9));
    }

    static double seconds(Line l) {
        return Double.isFinite(l.seconds()) && l.seconds() > 0 ? l.seconds() : estimate(l.text());
    }

    static double estimate(String text) {
        return Math.max(0.5, WordCues.words(text) / WORDS_PER_SECOND);
    }

    /** Keeps whole sentences, else whole words, so the text can be spoken in {@code seconds}. */
    static String fitWords(String text, double seconds) {
        if (estimate(text) <= seconds) {
            return text;
        }
        String[] sentences = text.split("(?<=[.!?…])\\s+");
        if (estimate(sentences[0]) <= seconds) {
            StringBuilder b = new StringBuilder(sentences[0]);
            for (int i = 1; i < sentences.length && estimate(b + " " + sentences[i]) <= seconds; i++) {
                b.append(' ').append(sentences[i]);
            }
            return b.toString();
        }
        String[] words = text.split("\\s+");
        int keep = Math.max(1, (int) Math.floor(seconds * WORDS_PER_SECOND));
        return String.join(" ", Arrays.copyOf(words, Math.min(keep, words.length))) + "…";
    }
}
