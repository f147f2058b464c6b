package dev.tsuzuku.board;

import static dev.tsuzuku.board.ShotTiming.MAX_SPEECH_SECONDS;
import static dev.tsuzuku.board.ShotTiming.seconds;

import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.text.Cjk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a script line into shot-sized pieces of speech (see {@link #split}); each piece keeps the
 * number of the line it came from, so the fitter can drop a line whole.
 */
final class LineSplitter {
    private LineSplitter() {}

    /** Speech of one shot-sized piece of a script line; {@code lineId} numbers the line in the episode. */
    record Piece(LineKind kind, String speaker, String text, double seconds, int lineId) {}

    /**
     * Cuts speech longer than one shot holds into pieces of at most {@link #MAX_SPEECH_SECONDS},
     * each at the best break in reach: a sentence end, else a clause, else a word; a piece is
     * never shorter than 40% of the maximum unless the text runs out.
     */
    static List<Piece> split(Line line, int lineId) {
        return split(line, lineId, 1.0);
    }

    /** As {@link #split(Line, int)} for a voice that takes {@code pace} times the estimate (see OnScreenCast#pace). */
    static List<Piece> split(Line line, int lineId, double pace) {
        double seconds = seconds(line) * pace;
        String text = line.text().trim().replaceAll("\\s+", " ");
        boolean cjk = Cjk.has(text);
        String[] words = cjk ? cjkTokens(text) : text.split(" ");
        String join = cjk ? "" : " ";
        int n = words.length;
        if (seconds <= MAX_SPEECH_SECONDS || n < 2) {
            return List.of(new Piece(line.kind(), line.speaker(), text, seconds, lineId));
        }
        double perWord = seconds / n;
        int maxWords = Math.max(1, (int) Math.floor(MAX_SPEECH_SECONDS / perWord));
        int minWords = Math.max(1, (int) Math.ceil(maxWords * 0.4));
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end;
            if (n - start <= maxWords) {
                end = n;
            } else {
                end = Math.min(n, start + maxWords);
                int bestQuality = -1;
                int latest = Math.min(start + maxWords, Math.max(start + minWords, n - minWords));
                for (int e = start + minWords; e <= latest; e++) {
                    int q = breakQuality(words[e - 1]);
                    if (q >= bestQuality) {
                        bestQuality = q;
                        end = e;
                    }
                }
                if (bestQuality == 1) {
                    // no punctuation in reach: equal pieces rather than a full one and a stub
                    int rest = n - start;
                    int parts = (rest + maxWords - 1) / maxWords;
                    end = start + (rest + parts - 1) / parts;
                }
            }
            String piece = String.join(join, Arrays.copyOfRange(words, start, end)).strip();
            pieces.add(new Piece(line.kind(), line.speaker(), piece, (end - start) * perWord, lineId));
            start = end;
        }
        return pieces;
    }

    /**
     * Japanese or Chinese speech as tokens of one letter each (a following mark such as 、 or 」
     * stays with the letter before it), so a long line can break between any two letters.
     */
    static String[] cjkTokens(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            boolean attaches = "、。，．！？」』）…ー".contains(c) || Character.isWhitespace(cp)
                    || !Cjk.isCjk(c.charAt(0)) && !out.isEmpty() && !Cjk.isCjk(out.get(out.size() - 1).charAt(out.get(out.size() - 1).length() - 1));
            if (attaches && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + c);
            } else {
                out.add(c);
            }
        }
        return out.toArray(new String[0]);
    }

    private static final Set<String> ABBREVIATIONS = Set.of("mr.", "mrs.", "dr.", "st.", "mt.", "ms.");

    /** 3 after a sentence, 2 after a clause, 1 between words. */
    private static int breakQuality(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.matches(".*[.!?…。！？][\"'”’)」』]*") && !ABBREVIATIONS.contains(w)) {
            return 3;
        }
        if (w.matches(".*([,;:—、，]|--)[\"'”’)」』]*")) {
            return 2;
        }
        return 1;
    }
}
