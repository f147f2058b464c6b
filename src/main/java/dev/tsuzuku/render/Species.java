package dev.tsuzuku.render;

import dev.tsuzuku.text.Vocabulary;
import java.util.Locale;

/**
 * What kind of body a cast member gets. Fairy tales have animal cast (the dog, the monkey and the
 * pheasant of Momotaro, the crab and the monkey, the tongue-cut sparrow…), picked from words in the
 * name and the silhouette notes ({@link Vocabulary#ANIMAL_KINDS}).
 */
public enum Species {
    HUMAN, DOG, MONKEY, PHEASANT, SPARROW, CRAB, HARE, BADGER, TURTLE, FOX, CAT, DRAGON, FISH, BIRD;

    /** The first animal word found in the name, then in the silhouette; otherwise human. */
    public static Species detect(String name, String silhouette) {
        Species fromName = scan(name);
        return fromName != HUMAN ? fromName : scan(silhouette);
    }

    private static Species scan(String text) {
        if (text == null) {
            return HUMAN;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            Species s = word(w);
            if (s != HUMAN) {
                return s;
            }
        }
        return HUMAN;
    }

    private static Species word(String w) {
        return Vocabulary.animalKind(w).map(kind -> valueOf(kind.toUpperCase(Locale.ROOT))).orElse(HUMAN);
    }
}
