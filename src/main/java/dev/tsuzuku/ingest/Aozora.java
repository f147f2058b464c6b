package dev.tsuzuku.ingest;

import dev.tsuzuku.text.Readings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aozora Bunko notation read away, so the story is plain text: ruby {@code 漢字《かんじ》} and
 * {@code ｜古い鐘《かね》} keep the base text (the reading is kept apart, for the voice), editor's notes
 * {@code ［＃…］} go, and so do the file's own parts around the story: the title and author lines
 * and the notation legend between two lines of dashes at the top, and the colophon (底本：…) at
 * the end. Plain web-novel text passes through unchanged apart from ruby, which web novels use
 * the same way.
 */
final class Aozora {
    private static final Pattern RUBY = Pattern.compile("[｜|]?([^｜|《》\\s]+?)《([^《》]{1,40})》");
    /** Without ｜, ruby covers the run of kanji right before it. */
    private static final Pattern KANJI_RUN = Pattern.compile("[\\p{IsHan}々〆ヶ]+$");
    private static final Pattern NOTE = Pattern.compile("［＃[^］]*］");
    private static final Pattern DASHES = Pattern.compile("^-{10,}\\s*$");
    private static final Pattern COLOPHON = Pattern.compile("^(底本：|底本:|入力：|校正：|［＃本文終わり］).*");

    /** The text without notation, the title the file declares (or null), and the readings ruby gave. */
    record Cleaned(String text, String title, Map<String, String> readings) {}

    private Aozora() {}

    /** Whether the text uses Aozora notation (ruby, notes or the legend). */
    static boolean uses(String text) {
        return text.contains("《") && text.contains("》") || text.contains("［＃") || text.contains("【テキスト中に現れる記号について】");
    }

    static Cleaned clean(String normalized) {
        List<String> lines = List.of(normalized.split("\n", -1));
        int from = 0;
        int to = lines.size();
        String title = null;
        // The legend sits between two dash lines near the top; the lines before it are title and author.
        int firstDash = -1;
        for (int i = 0; i < Math.min(lines.size(), 60); i++) {
            if (DASHES.matcher(lines.get(i)).matches()) {
                firstDash = i;
                break;
            }
        }
        if (firstDash >= 0) {
            for (int i = firstDash + 1; i < Math.min(lines.size(), firstDash + 80); i++) {
                if (DASHES.matcher(lines.get(i)).matches()) {
                    for (int t = 0; t < firstDash && title == null; t++) {
                        if (!lines.get(t).isBlank()) {
                            title = lines.get(t).strip();
                        }
                    }
                    from = i + 1;
                    break;
                }
            }
        }
        for (int i = from; i < to; i++) {
            if (COLOPHON.matcher(lines.get(i).strip()).matches()) {
                to = i;
                break;
            }
        }
        Map<String, String> readings = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = from; i < to; i++) {
            out.append(plain(lines.get(i), readings)).append('\n');
        }
        return new Cleaned(out.toString(), title, readings);
    }

    /** One line without ruby and notes; each ruby's base and reading go into {@code readings}. */
    static String plain(String line, Map<String, String> readings) {
        String s = NOTE.matcher(line).replaceAll("");
        StringBuilder b = new StringBuilder(s.length());
        Matcher m = RUBY.matcher(s);
        int last = 0;
        while (m.find()) {
            String before = s.substring(last, m.start());
            String base = m.group(1);
            boolean barred = s.charAt(m.start()) == '｜' || s.charAt(m.start()) == '|';
            if (!barred) {
                // 山の寺《てら》: only the kanji right before 《 carry the ruby.
                Matcher k = KANJI_RUN.matcher(base);
                if (k.find()) {
                    before = before + base.substring(0, k.start());
                    base = base.substring(k.start());
                }
            }
            b.append(before).append(base);
            if (Readings.isKana(m.group(2)) && !base.equals(m.group(2))) {
                readings.putIfAbsent(base, m.group(2)); // a gloss that is not a reading (英語《イングリッシュ》 aside) is no use to the voice
            }
            last = m.end();
        }
        b.append(s, last, s.length());
        return b.toString().replaceAll("[｜]", "");
    }
}
