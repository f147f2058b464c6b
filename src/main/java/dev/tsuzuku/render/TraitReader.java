package dev.tsuzuku.render;

import dev.tsuzuku.render.CharacterModel.Hairstyle;
import dev.tsuzuku.render.CharacterModel.Headwear;
import dev.tsuzuku.render.CharacterModel.Traits;
import dev.tsuzuku.text.Vocabulary;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a character's build from words: species, hairstyle, headwear, beard, age, sex, height and
 * stoutness, from the name and the bible's silhouette notes (with the name's seed deciding what
 * the words leave open).
 */
final class TraitReader {
    private TraitReader() {}

    /** The build {@code name} and the silhouette words call for; the name's seed breaks ties. */
    static Traits read(String name, String silhouette) {
        String words = ((name == null ? "" : name) + " " + (silhouette == null ? "" : silhouette)).toLowerCase(Locale.ROOT);
        long s = Seed.of("traits", name);
        Species species = Species.detect(name, silhouette);
        boolean elder = has(words, Vocabulary.ELDER_LOOK);
        boolean feminine = has(words, Vocabulary.FEMININE_LOOK);
        boolean child = !elder && has(words, Vocabulary.CHILD_LOOK);
        boolean beard = has(words, Vocabulary.BEARD_LOOK)
                || (elder && !feminine && species == Species.HUMAN && (s & 1) == 0);
        Headwear headwear = has(words, Vocabulary.CROWN_LOOK) ? Headwear.CROWN
                : has(words, Vocabulary.HAT_LOOK) ? Headwear.HAT : Headwear.NONE;
        Hairstyle hair;
        if (species != Species.HUMAN) {
            hair = Hairstyle.NONE;
        } else if (has(words, Vocabulary.BALD_LOOK)) {
            hair = Hairstyle.BALD;
        } else if (has(words, Vocabulary.PONYTAIL_LOOK)) {
            hair = Hairstyle.PONYTAIL;
        } else if (has(words, Vocabulary.BUN_LOOK)) {
            hair = Hairstyle.BUN;
        } else if (words.contains("long hair") || has(words, Vocabulary.LONG_HAIR_LOOK)) {
            hair = Hairstyle.LONG;
        } else if (words.contains("short hair") || has(words, Vocabulary.SHORT_HAIR_LOOK)) {
            hair = Hairstyle.SHORT;
        } else if (elder) {
            hair = feminine ? Hairstyle.BUN : Hairstyle.BALD;
        } else if (feminine) {
            hair = (s >>> 3 & 1) == 0 ? Hairstyle.LONG : Hairstyle.PONYTAIL;
        } else {
            hair = (s >>> 3 & 3) == 0 ? Hairstyle.PONYTAIL : Hairstyle.SHORT;
        }
        double height = child ? 4.3 : elder ? 5.1 : feminine ? 5.4 : 5.7;
        if (has(words, Vocabulary.TALL_LOOK)) {
            height += 0.5;
        }
        if (species == Species.MONKEY) {
            height = 4.0;
        }
        double build = 0.92 + 0.16 * Seed.unit(s, 7);
        if (has(words, Vocabulary.STOUT_LOOK)) {
            build += 0.18;
        }
        if (has(words, Vocabulary.THIN_LOOK)) {
            build -= 0.1;
        }
        return new Traits(species, hair, headwear, beard, elder, feminine, child, height, build);
    }

    private static boolean has(String words, Set<String> any) {
        for (String w : words.split("[^\\p{L}-]+")) {
            if (any.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
