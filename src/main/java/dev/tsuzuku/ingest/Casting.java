package dev.tsuzuku.ingest;

import dev.tsuzuku.ingest.CastIndex.Gender;
import dev.tsuzuku.ingest.CastIndex.Member;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.text.Vocabulary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives each drafted cast member a look and a voice. Everything is chosen from the name (a stable
 * hash) and what the text says near it, so drafting the same book twice gives the same bible.
 */
final class Casting {
    private static final Map<String, String> FUR = Map.ofEntries(
            Map.entry("monkey", "brown"), Map.entry("dog", "white"), Map.entry("pheasant", "emerald"),
            Map.entry("sparrow", "chestnut"), Map.entry("badger", "gray"), Map.entry("hare", "white"),
            Map.entry("rabbit", "white"), Map.entry("crab", "red"), Map.entry("tortoise", "olive"),
            Map.entry("turtle", "olive"), Map.entry("jelly fish", "lavender"), Map.entry("jellyfish", "lavender"),
            Map.entry("fox", "orange"), Map.entry("bear", "dark brown"), Map.entry("deer", "chestnut"),
            Map.entry("boar", "brown"), Map.entry("crocodile", "moss"), Map.entry("centipede", "maroon"),
            Map.entry("serpent", "jade"), Map.entry("snake", "jade"), Map.entry("crane", "white"),
            Map.entry("crow", "black"), Map.entry("frog", "green"), Map.entry("cat", "cream"),
            Map.entry("bee", "amber"), Map.entry("dragon", "jade"), Map.entry("octopus", "vermilion"));
    private static final List<String> HAIR = List.of("black", "black", "dark brown", "chestnut", "indigo", "auburn", "brown", "navy");
    private static final List<String> OLD_HAIR = List.of("white", "silver", "gray");
    private static final List<String> EYES = List.of("brown", "dark brown", "hazel", "amber", "black", "jade");
    private static final List<String> OUTFIT = List.of("indigo", "crimson", "teal", "olive", "navy", "vermilion", "sakura",
            "jade", "light blue", "moss", "slate", "maroon", "lavender", "copper", "plum", "mint");
    private static final List<String> ROYAL = List.of("gold", "crimson", "purple", "violet", "scarlet", "ivory");
    private static final List<String> SKIN = List.of("fair", "light", "medium", "porcelain", "tan");

    private Casting() {}

    static Look look(Member m) {
        int h = hash(m.name());
        Map<String, String> seen = m.colours();
        Set<String> words = words(m);
        String fur = m.animal() ? furOf(base(m.name())) : null;
        boolean old = words.stream().anyMatch(Vocabulary.OLD_NAME_WORDS::contains);
        boolean royal = words.stream().anyMatch(Vocabulary.ROYAL_TITLES::contains);
        String hair = seen.getOrDefault("hair", fur != null ? fur : pick(old ? OLD_HAIR : HAIR, h));
        String eyes = seen.getOrDefault("eyes", m.animal() ? pick(List.of("black", "amber"), h >> 3) : pick(EYES, h >> 3));
        String outfit = seen.getOrDefault("outfit", pick(royal ? ROYAL : OUTFIT, h >> 6));
        String skin = seen.getOrDefault("skin", fur != null ? fur : pick(SKIN, h >> 9));
        return new Look(hair, eyes, outfit, skin, silhouette(m, words, old, h));
    }

    private static String silhouette(Member m, Set<String> words, boolean old, int h) {
        if (m.animal()) {
            String kind = base(m.name()).replaceFirst("(?i)^the\\s+", "").toLowerCase(Locale.ROOT);
            return pick(List.of("small ", "nimble ", "sturdy ", "round "), h >> 12) + kind;
        }
        if (words.contains("monk")) {
            // shaven-headed, as the painter reads "monk"
            return old ? pick(List.of("stooped old monk", "round, kindly old monk"), h >> 12) : pick(List.of("slight young monk", "sturdy monk"), h >> 12);
        }
        // the painter reads the figure from these words (TraitReader): a woman or a girl is drawn
        // as one only when the silhouette says so, since a name like 花子 or Elizabeth does not
        boolean female = m.gender() == Gender.FEMALE;
        if (old) {
            return pick(List.of("stooped, slight", "small and wiry", "round, kindly"), h >> 12) + (female ? " old woman" : "");
        }
        if (words.stream().anyMatch(Vocabulary.YOUNG_NAME_WORDS::contains)) {
            return "small, round-faced" + (female ? " girl" : "");
        }
        return switch (m.gender()) {
            case FEMALE -> pick(List.of("slender, graceful woman", "petite woman", "tall, elegant woman"), h >> 12);
            case MALE -> pick(List.of("broad-shouldered", "lean, wiry", "tall, sturdy"), h >> 12);
            case UNKNOWN -> pick(List.of("medium build", "slight", "sturdy"), h >> 12);
        };
    }

    /**
     * A voice no other cast member has: espeak-ng variant by gender, pitch by age and size,
     * rate 140–190 words per minute. {@code used} holds the "voice@pitch" pairs already given.
     */
    static VoiceSpec voice(Member m, String voicePrefix, Set<String> used) {
        int h = hash(m.name());
        Set<String> words = words(m);
        boolean old = words.stream().anyMatch(Vocabulary.OLD_NAME_WORDS::contains);
        boolean young = words.stream().anyMatch(Vocabulary.YOUNG_NAME_WORDS::contains);
        Gender g = m.gender() == Gender.UNKNOWN ? ((h & 1) == 0 ? Gender.MALE : Gender.FEMALE) : m.gender();
        List<String> variants = g == Gender.FEMALE ? List.of("f1", "f2", "f3", "f4", "f5") : List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7");
        int pitch = (g == Gender.FEMALE ? 60 : 38) + (h >> 4) % 9 - 4;
        int wpm = 165 + (h >> 8) % 11 - 5;
        if (old) {
            pitch -= 10;
            wpm -= 18;
        }
        if (young) {
            pitch += 14;
            wpm += 12;
        }
        if (m.animal()) {
            pitch += 8;
            wpm += 8;
        }
        pitch = clamp(pitch, 5, 95);
        wpm = clamp(wpm, 140, 190);
        int v = Math.floorMod(h, variants.size());
        for (int attempt = 0; attempt < 200; attempt++) {
            String voice = voicePrefix + "+" + variants.get((v + attempt) % variants.size());
            int p = clamp(pitch + (attempt / variants.size()) * 4 * (attempt / variants.size() % 2 == 0 ? 1 : -1), 0, 99);
            if (used.add(voice + "@" + p)) {
                return new VoiceSpec(voice, p, wpm);
            }
        }
        return new VoiceSpec(voicePrefix + "+" + variants.get(v), pitch, wpm);
    }

    /** "the old man (Momotaro)" is an old man: the tale in brackets only tells him from another tale's. */
    static String base(String name) {
        int open = name.indexOf(" (");
        return open > 0 && name.endsWith(")") ? name.substring(0, open) : name;
    }

    private static String furOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : FUR.entrySet()) {
            if (n.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Set<String> words(Member m) {
        Set<String> words = new java.util.HashSet<>(List.of(base(m.name()).toLowerCase(Locale.ROOT).split("[\\s-]+")));
        for (Map.Entry<String, String> role : CJK_ROLES) {
            if (m.name().contains(role.getKey())) {
                words.addAll(List.of(role.getValue().split(" ")));
                break;
            }
        }
        return words;
    }

    /**
     * Japanese and Chinese role names as the English words the look and the voice are read from
     * (和尚 is an old monk: shaven-headed, a lower, slower voice); longest first, the first match wins.
     */
    private static final List<Map.Entry<String, String>> CJK_ROLES = List.of(
            Map.entry("老奶奶", "old woman"), Map.entry("老爷爷", "old man"), Map.entry("女の人", "woman"),
            Map.entry("おばあさん", "old woman"), Map.entry("おじいさん", "old man"), Map.entry("ばあさん", "old woman"),
            Map.entry("じいさん", "old man"), Map.entry("和尚", "old monk"), Map.entry("住職", "old monk"),
            Map.entry("小僧", "young monk"), Map.entry("坊主", "monk"), Map.entry("法師", "monk"), Map.entry("僧", "monk"),
            Map.entry("老人", "old man"), Map.entry("老婆", "old woman"), Map.entry("婆", "old woman"), Map.entry("爺", "old man"),
            Map.entry("公主", "princess"), Map.entry("姫", "princess"), Map.entry("皇帝", "emperor"), Map.entry("国王", "king"),
            Map.entry("殿様", "lord"), Map.entry("侍", "samurai"), Map.entry("山賊", "bandit"), Map.entry("樵夫", "woodcutter"));

    /** String.hashCode is specified, so the choice is the same on every machine and run. */
    private static int hash(String name) {
        int h = name.toLowerCase(Locale.ROOT).hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return h & 0x7fffffff;
    }

    private static String pick(List<String> options, int h) {
        return options.get(Math.floorMod(h, options.size()));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
