package dev.tsuzuku.render;

import java.util.Locale;
import java.util.Set;

/**
 * What kind of body a cast member gets. Fairy tales have animal cast (the dog, the monkey and the
 * pheasant of Momotaro, the crab and the monkey, the tongue-cut sparrow…), picked from words in the
 * name and the silhouette notes.
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

    private static final Set<String> BIRDS = Set.of("bird", "birds", "crane", "cranes", "crow", "crows", "heron", "stork", "swallow", "owl", "hawk", "eagle", "duck", "goose", "rooster", "hen", "cock");

    private static Species word(String w) {
        return switch (w) {
            case "dog", "dogs", "hound", "puppy", "inu" -> DOG;
            case "monkey", "monkeys", "ape", "saru" -> MONKEY;
            case "pheasant", "pheasants", "kiji" -> PHEASANT;
            case "sparrow", "sparrows", "suzume" -> SPARROW;
            case "crab", "crabs", "kani" -> CRAB;
            case "hare", "hares", "rabbit", "rabbits", "bunny", "usagi" -> HARE;
            case "badger", "badgers", "tanuki", "raccoon" -> BADGER;
            case "turtle", "turtles", "tortoise", "kame" -> TURTLE;
            case "fox", "foxes", "kitsune", "vixen" -> FOX;
            case "cat", "cats", "kitten", "neko" -> CAT;
            case "dragon", "dragons", "serpent", "ryu", "ryujin" -> DRAGON;
            case "fish", "carp", "koi", "jellyfish", "octopus", "bream", "tai" -> FISH;
            default -> BIRDS.contains(w) ? BIRD : HUMAN;
        };
    }
}
