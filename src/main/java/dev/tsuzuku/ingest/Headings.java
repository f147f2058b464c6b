package dev.tsuzuku.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How headings read: Markdown heading marks, capitals, title case, and the keys headings are compared by. */
final class Headings {
    static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Set<String> SMALL = Set.of("a", "an", "and", "as", "at", "but", "by", "for", "from", "in",
            "into", "of", "on", "or", "the", "to", "who", "with", "not");

    private Headings() {}

    /** A heading as a title: Markdown marks and trailing dots gone, shouted capitals in title case. */
    static String cleanHeading(String line) {
        String s = line.strip();
        Matcher m = MD_HEADING.matcher(s);
        if (m.matches()) {
            s = m.group(2);
        }
        s = s.replaceAll("[.\\s]+$", "");
        return isCaps(s, 0.75) ? titleCase(s) : s;
    }

    /** "THE PEACH BOY" → "The Peach Boy"; small words stay small, roman numerals stay capitals. */
    static String titleCase(String caps) {
        StringBuilder b = new StringBuilder(caps.length());
        String[] words = caps.toLowerCase(Locale.ROOT).split(" ");
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            if (w > 0) {
                b.append(' ');
            }
            boolean numbered = w > 0 && words[w - 1].matches("chapter|book|part|tale|story")
                    || w == 0 && (words.length == 1 || word.endsWith(".") || word.endsWith(":"));
            if (numbered && word.matches("[ivxlcdm]+[.:]?") || word.isEmpty()) {
                b.append(word.toUpperCase(Locale.ROOT));
                continue;
            }
            if (w > 0 && SMALL.contains(word) && !words[w - 1].endsWith(":") && !words[w - 1].endsWith(".")) {
                b.append(word);
                continue;
            }
            StringBuilder cap = new StringBuilder(word);
            boolean start = true;
            for (int i = 0; i < cap.length(); i++) {
                char c = cap.charAt(i);
                if (Character.isLetter(c)) {
                    if (start) {
                        cap.setCharAt(i, Character.toUpperCase(c));
                    }
                    start = false;
                } else if (c == '-') {
                    start = true;
                }
            }
            b.append(cap);
        }
        return b.toString();
    }

    /** Whether at least {@code ratio} of the letters (three or more, one run of three) are capitals. */
    static boolean isCaps(String line, double ratio) {
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 3 && upper >= ratio * letters && line.matches(".*\\p{L}{3}.*");
    }

    /** What headings are compared by: the text of a Markdown heading, normalised. */
    static String key(String line) {
        String s = line.strip();
        Matcher m = MD_HEADING.matcher(s);
        if (m.matches()) {
            s = m.group(2);
        }
        return Boilerplate.normalizeKey(s);
    }

    /** A contents entry's key: page numbers at the end dropped. */
    static String tocKey(String line) {
        return key(line).replaceAll("(\\s+\\d+)+$", "");
    }
}
