package dev.tsuzuku.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what is around the story rather than in it: the Project Gutenberg header and license,
 * "Produced by" credits, Markdown front matter and illustration captions. Front matter inside
 * the book (title page, preface, contents) is left to {@link Outline}, which needs the headings
 * to tell it from the first chapter.
 */
final class Boilerplate {
    private static final Pattern PG_START = Pattern.compile(
            "^\\s*\\*{3}\\s*START OF (THIS|THE) PROJECT GUTENBERG.*|^\\s*\\*END\\*THE SMALL PRINT.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PG_END = Pattern.compile(
            "^\\s*\\*{3}\\s*END OF (THIS|THE) PROJECT GUTENBERG.*|^\\s*End of (the )?Project Gutenberg.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PG_TITLE = Pattern.compile("^Title:\\s*(.+?)\\s*$");
    private static final Pattern CREDITS = Pattern.compile(
            "^\\s*(Produced by|Prepared by|Transcribed (from|by)|E-?text prepared by|This e-?text was|Scanned by)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THE_END = Pattern.compile("^\\s*(THE END|FINIS|The End)\\.?\\s*$");
    private static final Pattern YAML_TITLE = Pattern.compile("^title:\\s*[\"']?(.+?)[\"']?\\s*$", Pattern.CASE_INSENSITIVE);

    /** The text without boilerplate (lines joined with \n, no leading or trailing blank lines) and its declared title. */
    record Cleaned(String text, String title) {}

    private Boilerplate() {}

    static Cleaned strip(String normalized, boolean markdown) {
        List<String> lines = List.of(normalized.split("\n", -1));
        int from = 0;
        int to = lines.size();
        String title = null;

        int start = indexOf(lines, PG_START, 0, lines.size());
        if (start >= 0) {
            for (int i = 0; i < start; i++) {
                Matcher m = PG_TITLE.matcher(lines.get(i));
                if (m.matches() && title == null) {
                    title = m.group(1);
                }
            }
            from = start + 1;
        }
        int end = indexOf(lines, PG_END, from, lines.size());
        if (end >= 0) {
            to = end;
        }

        if (markdown) {
            int first = skipBlank(lines, from, to);
            if (first < to && lines.get(first).strip().equals("---")) {
                for (int i = first + 1; i < to; i++) {
                    String l = lines.get(i).strip();
                    Matcher m = YAML_TITLE.matcher(l);
                    if (m.matches() && title == null) {
                        title = m.group(1);
                    }
                    if (l.equals("---") || l.equals("...")) {
                        from = i + 1;
                        break;
                    }
                }
            }
        }

        // Credits sit in the first paragraph after the Gutenberg start line.
        int first = skipBlank(lines, from, to);
        if (first < to && CREDITS.matcher(lines.get(first)).matches()) {
            from = endOfParagraph(lines, first, to);
        }

        // "THE END." closes the story; anything after it is back matter of the edition.
        int last = to - 1;
        while (last >= from && lines.get(last).isBlank()) {
            last--;
        }
        if (last >= from && THE_END.matcher(lines.get(last)).matches()) {
            to = last;
        }

        StringBuilder out = new StringBuilder(normalized.length());
        boolean inIllustration = false;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            String s = line.strip();
            if (!inIllustration && s.regionMatches(true, 0, "[Illustration", 0, 13)) {
                inIllustration = true;
            }
            if (inIllustration) {
                // A caption is dropped whole, and its lines become blank so the paragraphs around it stay apart.
                inIllustration = !s.contains("]");
                out.append('\n');
                continue;
            }
            out.append(stripTrailing(line)).append('\n');
        }
        return new Cleaned(trimBlankLines(out.toString()), title == null ? null : title.strip());
    }

    static boolean isCredits(String line) {
        return CREDITS.matcher(line).matches();
    }

    private static String stripTrailing(String line) {
        int e = line.length();
        while (e > 0 && Character.isWhitespace(line.charAt(e - 1))) {
            e--;
        }
        return line.substring(0, e);
    }

    private static String trimBlankLines(String s) {
        int b = 0;
        while (b < s.length() && (s.charAt(b) == '\n' || s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
            b++;
        }
        // Keep the indentation of the first line, drop only whole blank lines before it.
        int lineStart = s.lastIndexOf('\n', b - 1) + 1;
        int e = s.length();
        while (e > lineStart && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return e <= lineStart ? "" : s.substring(lineStart, e);
    }

    private static int indexOf(List<String> lines, Pattern p, int from, int to) {
        for (int i = from; i < to; i++) {
            if (p.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static int skipBlank(List<String> lines, int from, int to) {
        int i = from;
        while (i < to && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static int endOfParagraph(List<String> lines, int from, int to) {
        int i = from;
        while (i < to && !lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    static String normalizeKey(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
