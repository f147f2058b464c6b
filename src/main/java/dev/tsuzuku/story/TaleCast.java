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
        String lower = taleText.toLowerCase(Locale.ROOT);
        List<Character> cast = new ArrayList<>(bible.cast().size());
        boolean changed = false;
        for (Character c : bible.cast()) {
            List<String> proper = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            for (String a : c.aliases()) {
                (isTitle(a) ? titles : proper).add(a);
            }
            boolean named = mentions(lower, c.name()) || proper.stream().anyMatch(a -> mentions(lower, a));
            if (titles.isEmpty() || named) {
                cast.add(c);
            } else {
                cast.add(new Character(c.name(), proper, c.role(), c.look(), c.voice()));
                changed = true;
            }
        }
        if (!changed) {
            return bible;
        }
        return bible.withCast(cast);
    }

    /** "the King", "the Knight": a title any tale may use for its own person. */
    static boolean isTitle(String alias) {
        String a = alias.trim();
        return a.startsWith("the ") && a.split("\\s+").length == 2;
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
