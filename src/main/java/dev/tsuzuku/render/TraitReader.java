package dev.tsuzuku.render;

import dev.tsuzuku.render.CharacterModel.Hairstyle;
import dev.tsuzuku.render.CharacterModel.Headwear;
import dev.tsuzuku.render.CharacterModel.Traits;
import java.util.Locale;

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
        boolean elder = has(words, "old", "elder", "elderly", "aged", "grandfather", "grandmother", "grandpa", "grandma", "wrinkled", "ancient", "grey-haired", "white-haired");
        boolean feminine = has(words, "woman", "girl", "princess", "lady", "mother", "wife", "daughter", "maiden", "grandmother", "grandma", "she", "her", "queen", "empress", "nun", "sister");
        boolean child = !elder && has(words, "boy", "child", "little", "young", "kid", "baby", "small", "tiny", "lad");
        boolean beard = has(words, "beard", "bearded", "whiskers", "moustache", "mustache")
                || (elder && !feminine && species == Species.HUMAN && (s & 1) == 0);
        Headwear headwear = has(words, "crown", "tiara", "diadem") ? Headwear.CROWN
                : has(words, "hat", "kasa", "straw") ? Headwear.HAT : Headwear.NONE;
        Hairstyle hair;
        if (species != Species.HUMAN) {
            hair = Hairstyle.NONE;
        } else if (has(words, "bald", "shaven", "monk")) {
            hair = Hairstyle.BALD;
        } else if (has(words, "ponytail", "pony-tail", "topknot")) {
            hair = Hairstyle.PONYTAIL;
        } else if (has(words, "bun", "chignon")) {
            hair = Hairstyle.BUN;
        } else if (words.contains("long hair") || has(words, "long-haired", "flowing")) {
            hair = Hairstyle.LONG;
        } else if (words.contains("short hair") || has(words, "short-haired", "cropped")) {
            hair = Hairstyle.SHORT;
        } else if (elder) {
            hair = feminine ? Hairstyle.BUN : Hairstyle.BALD;
        } else if (feminine) {
            hair = (s >>> 3 & 1) == 0 ? Hairstyle.LONG : Hairstyle.PONYTAIL;
        } else {
            hair = (s >>> 3 & 3) == 0 ? Hairstyle.PONYTAIL : Hairstyle.SHORT;
        }
        double height = child ? 4.3 : elder ? 5.1 : feminine ? 5.4 : 5.7;
        if (has(words, "tall", "giant", "lanky")) {
            height += 0.5;
        }
        if (species == Species.MONKEY) {
            height = 4.0;
        }
        double build = 0.92 + 0.16 * Seed.unit(s, 7);
        if (has(words, "stout", "fat", "round", "plump", "big", "burly", "strong")) {
            build += 0.18;
        }
        if (has(words, "thin", "slender", "slim", "frail")) {
            build -= 0.1;
        }
        return new Traits(species, hair, headwear, beard, elder, feminine, child, height, build);
    }

    private static boolean has(String words, String... any) {
        for (String w : words.split("[^\\p{L}-]+")) {
            for (String a : any) {
                if (w.equals(a)) {
                    return true;
                }
            }
        }
        return false;
    }
}
