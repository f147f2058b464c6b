package dev.tsuzuku.render;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.text.Cjk;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * SRT and WebVTT sidecars from a storyboard: one cue per spoken line, timed to the line's frames,
 * dialogue prefixed with the speaker (narration is not), at most {@value #MAX_CHARS} characters × 2 lines per cue.
 * A line too long for one cue is split into consecutive cues that share its time by length.
 */
public final class Subtitles {
    public static final int MAX_CHARS = 42;

    private Subtitles() {}

    /** One timed caption: [startFrame, endFrame) in episode frames, one or two text rows. */
    public record Cue(int startFrame, int endFrame, List<String> rows) {
        public Cue {
            rows = List.copyOf(rows);
        }
    }

    /** Narration is recognised by a null speaker or the speaker name "Narrator". */
    public static String srt(Storyboard board) {
        return srt(board, Subtitles::namedNarrator);
    }

    /** {@code narrator} tells which speaker names are the narrator (no prefix on their cues). */
    public static String srt(Storyboard board, Predicate<String> narrator) {
        StringBuilder b = new StringBuilder();
        int n = 1;
        for (Cue c : cues(board, narrator)) {
            b.append(n++).append('\n')
                    .append(time(c.startFrame(), board.fps(), ',')).append(" --> ")
                    .append(time(c.endFrame(), board.fps(), ',')).append('\n');
            c.rows().forEach(r -> b.append(r).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    public static String vtt(Storyboard board) {
        return vtt(board, Subtitles::namedNarrator);
    }

    public static String vtt(Storyboard board, Predicate<String> narrator) {
        StringBuilder b = new StringBuilder("WEBVTT\n\n");
        int n = 1;
        for (Cue c : cues(board, narrator)) {
            b.append(n++).append('\n')
                    .append(time(c.startFrame(), board.fps(), '.')).append(" --> ")
                    .append(time(c.endFrame(), board.fps(), '.')).append('\n');
            c.rows().forEach(r -> b.append(escapeVtt(r)).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    public static List<Cue> cues(Storyboard board) {
        return cues(board, Subtitles::namedNarrator);
    }

    private static boolean namedNarrator(String speaker) {
        return speaker.equalsIgnoreCase("narrator");
    }

    public static List<Cue> cues(Storyboard board, Predicate<String> narrator) {
        List<Cue> cues = new ArrayList<>();
        int shotStart = 0;
        for (Shot shot : board.shots()) {
            for (ShotLine line : shot.lines()) {
                String text = line.text() == null ? "" : line.text().strip().replaceAll("\\s+", " ");
                if (text.isEmpty() || line.endFrame() <= line.startFrame()) {
                    continue;
                }
                boolean narration = line.speaker() == null || line.speaker().isBlank() || narrator.test(line.speaker().strip());
                String said = narration ? text : dev.tsuzuku.model.Character.shown(line.speaker().strip()) + ": " + text;
                split(shotStart + line.startFrame(), shotStart + line.endFrame(), said, cues);
            }
            shotStart += shot.frames();
        }
        return cues;
    }

    private static void split(int start, int end, String text, List<Cue> out) {
        List<String> rows = wrap(text);
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 2) {
            groups.add(balance(rows.subList(i, Math.min(i + 2, rows.size()))));
        }
        int totalChars = groups.stream().mapToInt(Subtitles::chars).sum();
        int from = start;
        int charsSoFar = 0;
        for (int g = 0; g < groups.size(); g++) {
            charsSoFar += chars(groups.get(g));
            int to = g == groups.size() - 1 ? end : start + Math.round((float) (end - start) * charsSoFar / totalChars);
            if (to > from) {
                out.add(new Cue(from, to, groups.get(g)));
                from = to;
            }
        }
    }

    private static int chars(List<String> rows) {
        return rows.stream().mapToInt(String::length).sum();
    }

    /**
     * Rows of a Japanese or Chinese cue: full-width letters are twice as wide, so a row holds
     * half as many (the usual 16 for a phone held upright).
     */
    public static final int MAX_CJK_CHARS = 16;
    /** Marks that never open a row (kinsoku): they stay at the end of the row before. */
    private static final String NO_ROW_START = "、。，．！？」』）…ーっゃゅょァィゥェォッャュョ";

    /** Greedy word wrap to rows of at most MAX_CHARS; a longer word is cut. CJK text wraps per character. */
    static List<String> wrap(String text) {
        if (Cjk.has(text)) {
            return wrapCjk(text);
        }
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > MAX_CHARS) {
                if (row.length() > 0) {
                    rows.add(row.toString());
                    row.setLength(0);
                }
                rows.add(word.substring(0, MAX_CHARS));
                word = word.substring(MAX_CHARS);
            }
            if (row.length() > 0 && row.length() + 1 + word.length() > MAX_CHARS) {
                rows.add(row.toString());
                row.setLength(0);
            }
            if (row.length() > 0) {
                row.append(' ');
            }
            row.append(word);
        }
        if (row.length() > 0) {
            rows.add(row.toString());
        }
        return rows;
    }

    /**
     * Per-character wrap to rows of at most {@link #MAX_CJK_CHARS}: a row breaks after 、 or 。
     * when one is in its second half, never before a mark that may not open a row; the speaker's
     * "name: " prefix stays on the first row.
     */
    static List<String> wrapCjk(String text) {
        List<String> rows = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > MAX_CJK_CHARS) {
            int cut = MAX_CJK_CHARS;
            for (int i = MAX_CJK_CHARS; i > MAX_CJK_CHARS / 2; i--) {
                char c = rest.charAt(i - 1);
                if (c == '、' || c == '。' || c == '！' || c == '？' || c == ' ') {
                    cut = i;
                    break;
                }
            }
            while (cut < rest.length() && NO_ROW_START.indexOf(rest.charAt(cut)) >= 0 && cut < MAX_CJK_CHARS + 2) {
                cut++; // a closing mark hangs at the end of the row
            }
            if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                cut++;
            }
            rows.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            rows.add(rest);
        }
        return rows;
    }

    /** Re-breaks two rows so they are as even as the words allow (easier to read than greedy). */
    private static List<String> balance(List<String> rows) {
        if (rows.size() < 2 || Cjk.has(rows.get(0))) {
            return rows;
        }
        String joined = rows.get(0) + " " + rows.get(1);
        String[] words = joined.split(" ");
        List<String> best = rows;
        int bestLongest = Math.max(rows.get(0).length(), rows.get(1).length());
        for (int i = 1; i < words.length; i++) {
            String a = String.join(" ", java.util.Arrays.copyOfRange(words, 0, i));
            String b = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
            int longest = Math.max(a.length(), b.length());
            if (longest <= MAX_CHARS && longest < bestLongest) {
                best = List.of(a, b);
                bestLongest = longest;
            }
        }
        return best;
    }

    /** HH:MM:SS,mmm (SRT) or HH:MM:SS.mmm (WebVTT) of a frame, rounded to the millisecond. */
    static String time(int frame, int fps, char separator) {
        long ms = Math.round(frame * 1000.0 / fps);
        return String.format("%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000);
    }

    private static String escapeVtt(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
