package dev.tsuzuku.story;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cast as one tale of a collection knows it: a title alias ("the King", "the Princess") names
 * a character only in a tale where the character is also called by a name of their own. In "The
 * Happy Hunter" "the King" is Ryn Jin, not the Dragon King of "My Lord Bag of Rice".
 */
final class TaleCast {
    private TaleCast() {}

    /** The bible with each character's title aliases dropped where the tale never names them. */
    static Bible within(Bible bible, String taleText) {
        return within(bible, null, taleText);
    }

    /**
     * Also: "the old man (The Tongue-Cut Sparrow)" answers to "the old man" in his own tale, the
     * one whose title (or hero, "the old man (Momotaro)") the bracket names.
     */
    static Bible within(Bible bible, String taleTitle, String taleText) {
        String lower = taleText.toLowerCase(Locale.ROOT);
        // first what each person is called in this tale: a title alias only where the tale names them
        java.util.Map<Character, List<String>> kept = new java.util.LinkedHashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Character c : bible.cast()) {
            List<String> proper = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            for (String a : c.aliases()) {
                (isTitle(a) ? titles : proper).add(a);
            }
            boolean named = mentions(lower, c.name()) || proper.stream().anyMatch(a -> mentions(lower, a));
            List<String> aliases = titles.isEmpty() || named ? c.aliases() : proper;
            kept.put(c, aliases);
            names.add(c.name().toLowerCase(Locale.ROOT));
            aliases.forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
        }
        // then the person of this tale among "the old man (…)", "Sea King (…)": the one whose bracket names it
        java.util.Map<String, Character> ownTale = new java.util.HashMap<>();
        java.util.Map<String, Integer> best = new java.util.HashMap<>();
        for (Character c : bible.cast()) {
            int open = c.name().indexOf(" (");
            if (open <= 0 || !c.name().endsWith(")")) {
                continue;
            }
            String base = c.name().substring(0, open).toLowerCase(Locale.ROOT);
            String label = c.name().substring(open + 2, c.name().length() - 1);
            int fit = taleTitle != null && shortTitle(taleTitle).equalsIgnoreCase(label) ? 1000 : count(lower, label.toLowerCase(Locale.ROOT));
            if (fit >= 3 && fit > best.getOrDefault(base, 0) && !names.contains(base)) {
                best.put(base, fit);
                ownTale.put(base, c);
            }
        }
        List<Character> cast = new ArrayList<>(bible.cast().size());
        boolean changed = false;
        for (Character c : bible.cast()) {
            String own = null;
            for (java.util.Map.Entry<String, Character> e : ownTale.entrySet()) {
                own = e.getValue() == c ? e.getKey() : own;
            }
            if (own != null) { // the person of this tale keeps every name the book gives them, and the plain one
                List<String> aliases = new ArrayList<>(c.aliases());
                aliases.add(own);
                cast.add(new Character(c.name(), aliases, c.role(), c.look(), c.voice()));
                changed = true;
            } else if (kept.get(c).size() != c.aliases().size()) {
                cast.add(new Character(c.name(), kept.get(c), c.role(), c.look(), c.voice()));
                changed = true;
            } else {
                cast.add(c);
            }
        }
        if (!changed) {
            return bible;
        }
        return bible.withCast(cast);
    }

    /** A tale's title as the drafter labels its people: "The Story of the Old Man …" → "Old Man …". */
    static String shortTitle(String title) {
        return dev.tsuzuku.text.Prose.titleCase(title.strip()).replaceFirst("^(?i)the (story|tale|adventures?) of (the )?", "");
    }

    private static int count(String lower, String needle) {
        int n = 0;
        for (int i = lower.indexOf(needle); i >= 0 && n < 1000; i = lower.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** "the King", "the Knight", "Dragon King": a title any tale may use for its own person. */
    static boolean isTitle(String alias) {
        String a = alias.trim();
        return a.startsWith("the ") && a.split("\\s+").length == 2 || dev.tsuzuku.text.Vocabulary.isTitleName(a);
    }

    private static boolean mentions(String lower, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int i = lower.indexOf(n);
        while (i >= 0) {
            int end = i + n.length();
            boolean start = i == 0 || !java.lang.Character.isLetter(lower.charAt(i - 1));
            boolean stop = end >= lower.length() || !java.lang.Character.isLetter(lower.charAt(end));
            if (start && stop) {
                return true;
            }
            i = lower.indexOf(n, i + 1);
        }
        return false;
    }
}
