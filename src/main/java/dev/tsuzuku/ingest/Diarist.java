package dev.tsuzuku.ingest;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first-person narrator of a journal or a letter, named by its heading ("JONATHAN HARKER'S
 * JOURNAL", "Letter from Mina Murray to Lucy Westenra") or by its signature ("Your loving friend,
 * / MINA MURRAY." or a closing "—Eliza Grant"). The "I" of such a chapter is that person.
 */
final class Diarist {
    private static final String NAME = "((?:(?:mr|mrs|miss|dr|sir|lady|lord)\\.? )?[\\p{L}][\\p{L}'’-]*(?: [\\p{L}][\\p{L}'’-]*){0,2})";
    private static final Pattern OWNED = Pattern.compile(
            "(?im)^[\\s_*#]*(?:from )?" + NAME + "['’]s (?:phonograph )?(?:journal|diary|notebook|memorandum|memoranda|letters?|log)\\b");
    private static final Pattern LETTER = Pattern.compile(
            "(?im)^[\\s_*#]*(?:letter|telegram|note),? (?:from )" + NAME + "(?:,| to\\b|\\.|$)");
    private static final Pattern VALEDICTION = Pattern.compile(
            "(?im)^\\s*(?:(?:ever |always )?(?:yours?|your) ?[\\p{L} ,]{0,40}|(?:faithfully|sincerely|affectionately|lovingly)[\\p{L} ,]{0,30})[,.]?\\s*\\n"
                    + "\\s*[—–-]*\\s*" + NAME + "\\.?\\s*$");
    private static final Pattern DASHED = Pattern.compile("(?m)^\\s*[—–]\\s*" + NAME + "\\.?\\s*\\z");
    /** A closing line that is only a name in capitals: "ELIZA GRANT." */
    private static final Pattern CAPS_SIGNATURE = Pattern.compile("(?m)^\\s*[—–-]*\\s*(\\p{Lu}{2,}(?: \\p{Lu}{2,}){0,2})\\.?\\s*\\z");

    private Diarist() {}

    /** Who writes the chapter in the first person, from its title, its opening or its signature. */
    static Optional<String> of(String chapterTitle, String text, int from, int to) {
        if (chapterTitle != null) {
            Optional<String> t = named(OWNED, chapterTitle).or(() -> named(LETTER, chapterTitle));
            if (t.isPresent()) {
                return t;
            }
        }
        String head = text.substring(from, Math.min(to, from + 600));
        Optional<String> h = named(OWNED, head).or(() -> named(LETTER, head));
        if (h.isPresent()) {
            return h;
        }
        String tail = text.substring(Math.max(from, to - 400), to).stripTrailing();
        if (!firstPerson(text, from, to)) {
            return Optional.empty();
        }
        return named(VALEDICTION, tail).or(() -> named(DASHED, tail)).or(() -> named(CAPS_SIGNATURE, tail));
    }

    private static boolean firstPerson(String text, int from, int to) {
        Matcher m = Pattern.compile("\\b(I|my|me)\\b").matcher(text).region(from, to);
        int n = 0;
        while (m.find() && n < 3) {
            n++;
        }
        return n >= 3;
    }

    private static Optional<String> named(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1).strip();
        String[] words = name.split(" ");
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.replace(".", "").matches("mr|mrs|miss|dr|sir|lady|lord")) {
                continue; // the cast keeps the person's name; the title is an alias the text may use
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(Character.toUpperCase(lower.charAt(0))).append(lower.substring(1));
        }
        String out = b.toString();
        return out.isEmpty() || dev.tsuzuku.text.Vocabulary.NOT_NAMES.contains(out.toLowerCase(Locale.ROOT))
                ? Optional.empty() : Optional.of(out);
    }
}
