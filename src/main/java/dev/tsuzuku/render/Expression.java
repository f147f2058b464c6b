package dev.tsuzuku.render;

import java.util.Locale;

/** The faces a storyboard may ask for; anything unknown reads as neutral. */
public enum Expression {
    NEUTRAL, HAPPY, SAD, ANGRY, SURPRISED, AFRAID, DETERMINED;

    public static Expression parse(String word) {
        if (word == null) {
            return NEUTRAL;
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "happy", "joyful", "smiling", "smile", "glad", "laughing" -> HAPPY;
            case "sad", "crying", "tearful", "sorrowful", "grieving" -> SAD;
            case "angry", "furious", "mad", "annoyed" -> ANGRY;
            case "surprised", "shocked", "amazed", "astonished" -> SURPRISED;
            case "afraid", "scared", "frightened", "fearful", "worried", "nervous" -> AFRAID;
            case "determined", "resolute", "serious", "focused", "brave" -> DETERMINED;
            default -> NEUTRAL;
        };
    }
}
