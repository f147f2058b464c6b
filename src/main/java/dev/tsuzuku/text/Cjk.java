package dev.tsuzuku.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading Japanese and Chinese prose, which has no spaces and no capitals: sentences end at
 * 。！？ (outside brackets), speech is 「」 or 『』, "words" for salience are runs of kanji or
 * katakana (hiragana is mostly grammar), and a length in words is characters / {@link #CHARS_PER_WORD}
 * so the English thresholds of the writers and the planner (a 4-word line, a 2.7-words-a-second
 * voice) mean the same screen time in both.
 */
public final class Cjk {
    /**
     * Japanese is read at about 6.5–7 characters a second (mixed kanji and kana); English at
     * 2.7 words a second. One English word of screen time is 2.5 CJK characters.
     */
    public static final double CHARS_PER_WORD = 2.5;
    /** A speech tag after a closing bracket: 「…」と太郎は言いました. */
    private static final Pattern TAG_AFTER = Pattern.compile(
            "^と[、\\s]*([\\p{IsHan}\\p{IsKatakana}ー々]{1,8}(?:さん|さま|様|殿|どの|くん|君|ちゃん)?)[はがも]");
    private static final Pattern SPEECH_VERB = Pattern.compile(
            "(言|い[いっう]|尋|たず|答|こた|叫|さけ|つぶや|呟|笑|わら|申|話|聞|きい|訊|怒鳴|どな|ささや|囁|問|説|道|曰)");

    /** A speaker naming themself: わしは山賊の権三だ, 私は鈴守と申します. */
    public static final Pattern SELF = Pattern.compile(
            "(?:わし|私|俺|僕|わたし|わたくし|あたし|拙者|おれ|我|吾)(?:は|こそ)[^。、「」]{0,10}?([\\p{IsHan}\\p{IsKatakana}ー々]{2,6})"
                    + "(?:だ|です|じゃ|である|でござ|と申|と言)");

    private Cjk() {}

    /** A kanji, hanzi, hiragana or katakana letter (the iteration mark and long-vowel mark too). */
    public static boolean isCjk(char c) {
        if (c < 0x3005) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || c == 'ー' || c == '々';
    }

    /** Whether the text holds any CJK letter (the switch every reader of prose checks first). */
    public static boolean has(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x3005 && isCjk(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** How many CJK letters the text holds. */
    public static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isCjk(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Whether most letters of the text are CJK. */
    public static boolean mostly(String text) {
        int cjk = 0;
        int other = 0;
        int n = Math.min(text.length(), 200_000);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isCjk(c)) {
                cjk++;
            } else if (Character.isLetter(c)) {
                other++;
            }
        }
        return cjk > other;
    }

    /**
     * The length of a text in English-word equivalents of screen time: Latin words count one each,
     * CJK letters {@code 1 / CHARS_PER_WORD} each, rounded up.
     */
    public static int words(String text) {
        int latin = 0;
        int cjk = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isCjk(c)) {
                cjk++;
                in = false;
                continue;
            }
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !in) {
                latin++;
            }
            in = letter || (in && c == '\'');
        }
        return latin + (int) Math.ceil(cjk / CHARS_PER_WORD);
    }

    /**
     * Sentences: a run ends after 。！？ (and any closing brackets after it) when it is outside
     * 「」『』（）; a bracket that closes at depth zero ends its sentence too (「…。」 is one line).
     */
    public static List<String> sentences(String flat) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int n = flat.length();
        for (int i = 0; i < n; i++) {
            char c = flat.charAt(i);
            if (isOpen(c)) {
                depth++;
            } else if (isClose(c)) {
                depth = Math.max(0, depth - 1);
                if (depth == 0 && i > start && isStop(flat.charAt(i - 1))) {
                    start = cut(flat, start, i + 1, out);
                }
            } else if (depth == 0 && isStop(c)) {
                int e = i + 1;
                while (e < n && (isStop(flat.charAt(e)) || flat.charAt(e) == '…')) {
                    e++;
                }
                start = cut(flat, start, e, out);
                i = e - 1;
            }
        }
        if (start < n && !flat.substring(start).isBlank()) {
            out.add(flat.substring(start).strip());
        }
        return out;
    }

    private static int cut(String flat, int start, int end, List<String> out) {
        String s = flat.substring(start, end).strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        return end;
    }

    /** Top-level 「…」 and 『…』 quotes (a 『』 inside a 「」 belongs to it). */
    public static List<Prose.Quote> quotes(String text) {
        List<Prose.Quote> out = new ArrayList<>();
        int depth = 0;
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '「' || c == '『') {
                if (depth == 0) {
                    open = i;
                }
                depth++;
            } else if ((c == '」' || c == '』') && depth > 0) {
                depth--;
                if (depth == 0 && i - open > 1) {
                    out.add(new Prose.Quote(Prose.flat(text.substring(open + 1, i)), open, i + 1));
                }
            }
        }
        return out;
    }

    /**
     * Content "words": runs of kanji and runs of katakana (hiragana is mostly particles and
     * endings), and Latin words lower-cased.
     */
    public static List<String> contentWords(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int kind = kind(c);
            if (kind == 0) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && kind(text.charAt(i)) == kind) {
                i++;
            }
            if (kind != 3) {
                out.add(text.substring(s, i).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** 1 kanji, 2 katakana, 3 hiragana, 4 Latin letter, 0 anything else. */
    private static int kind(char c) {
        if (c == '々') {
            return 1;
        }
        if (c == 'ー') {
            return 2;
        }
        if (!isCjk(c)) {
            return Character.isLetter(c) || c == '\'' ? 4 : 0;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN ? 1 : s == Character.UnicodeScript.KATAKANA ? 2 : 3;
    }

    /**
     * The speaker a tag right after a quote names: 「…」と太郎は言いました → 太郎, 「…」と和尚様は → 和尚様;
     * empty when the text after the quote is not a speech tag.
     */
    public static String taggedSpeaker(String afterQuote) {
        Matcher m = TAG_AFTER.matcher(afterQuote);
        if (!m.find()) {
            return "";
        }
        // 」と太郎は… : the quotative と right after the quote makes any verb a speech tag.
        return m.group(1);
    }

    /** What remains of a line of speech once the quote is gone: と太郎は言いました。 */
    public static boolean isTag(String prose) {
        String s = prose.strip();
        return s.startsWith("と") && s.length() <= 24 && (SPEECH_VERB.matcher(s).find() || TAG_AFTER.matcher(s).find());
    }

    /** The full stops of CJK prose. */
    public static boolean isStop(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?';
    }

    private static boolean isOpen(char c) {
        return c == '「' || c == '『' || c == '（' || c == '(' || c == '“';
    }

    private static boolean isClose(char c) {
        return c == '」' || c == '』' || c == '）' || c == ')' || c == '”';
    }
}
