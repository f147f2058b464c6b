package dev.tsuzuku.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the words of a line suggest to the storyboard: an expression, sound effects, camera
 * energy, the music mood. Word forms are listed explicitly instead of stemmed, because stems
 * misfire on short words ("sea" would match "season", "ran" would match "grand").
 */
public final class WordCues {

    /** Expressions, strongest first: a line that both laughs and fears reads as fear. */
    private static final Map<String, Set<String>> EXPRESSIONS = new LinkedHashMap<>();
    private static final Map<String, Set<String>> SFX = new LinkedHashMap<>();
    private static final Map<String, Set<String>> MOODS = new LinkedHashMap<>();

    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Set<String> MOTION = Set.of(
            "ran", "run", "runs", "running", "fled", "flee", "fleeing", "rushed", "hurried", "chased", "raced",
            "walked", "walking", "rode", "riding", "swam", "swimming", "sailed", "rowed", "rowing", "danced",
            "dancing", "leapt", "leaped", "jumped", "climbed", "fell", "flew", "flying", "dived", "dove", "rose",
            "descended", "galloped", "dashed", "hopped", "crawled", "marched", "travelled", "traveled",
            "journeyed", "soared", "sank", "chasing", "carried", "swept", "followed");
    /** Motion along the vertical axis: the camera tilts to follow it instead of panning. */
    private static final Set<String> VERTICAL = Set.of(
            "climbed", "fell", "flew", "flying", "rose", "descended", "jumped", "leapt", "leaped", "dived", "dove",
            "soared", "sank", "looked up", "fell down", "climbing", "carried down", "beneath the waves");
    private static final Set<String> DANGER = Set.of(
            "kill", "killed", "kills", "killing", "attack", "attacked", "monster", "monsters", "ogre", "ogres",
            "oni", "demon", "demons", "devour", "devoured", "blood", "danger", "dangerous", "threat",
            "threatened", "storm", "fight", "fought", "battle", "death", "die", "died", "dying", "poison",
            "poisoned", "earthquake", "beast", "serpent", "dragon", "claws", "fangs", "screamed", "scream",
            "eat you", "drown", "drowned", "murder", "enemy", "enemies");
    private static final Set<String> REVEAL = Set.of(
            "realized", "realised", "discovered", "revealed", "reveal", "truth", "secret", "suddenly",
            "recognized", "recognised", "at last", "transformed", "turned into", "none other", "behold",
            "true form", "who are you");

    static {
        EXPRESSIONS.put("afraid", Set.of("cried out", "afraid", "fear", "feared", "frightened", "terrified",
                "trembled", "trembling", "scared", "horror", "screamed", "terror"));
        EXPRESSIONS.put("angry", Set.of("angry", "angrily", "furious", "furiously", "fury", "rage", "raged",
                "wrath", "anger", "scolded", "enraged"));
        EXPRESSIONS.put("sad", Set.of("wept", "weep", "weeping", "tears", "sorrow", "sorrowful", "sad", "sadly",
                "grief", "grieved", "mourned", "sobbed", "sobbing"));
        EXPRESSIONS.put("surprised", Set.of("surprised", "surprise", "amazed", "astonished", "astonishment",
                "startled", "amazement", "marvelled", "marveled"));
        EXPRESSIONS.put("happy", Set.of("laughed", "laugh", "laughing", "smiled", "smile", "smiling", "joy",
                "joyful", "happy", "happily", "delighted", "glad", "rejoiced", "merry", "merrily"));
        EXPRESSIONS.put("determined", Set.of("determined", "resolved", "vowed", "swore", "resolute"));

        SFX.put("door", Set.of("door", "doors", "gate", "gates", "knocked", "knock", "knocking", "shoji"));
        SFX.put("wind", Set.of("wind", "winds", "breeze", "gale", "gust", "windy"));
        SFX.put("waves", Set.of("sea", "seas", "waves", "wave", "ocean", "shore", "tide", "beach", "surf"));
        SFX.put("thunder", Set.of("thunder", "lightning", "thunderstorm", "thundered"));
        SFX.put("footsteps", Set.of("footsteps", "steps", "walked", "walking", "ran", "running", "stepped",
                "marched", "tiptoed"));
        SFX.put("bell", Set.of("bell", "bells", "gong"));
        SFX.put("splash", Set.of("splash", "splashed", "plunged", "dived", "dove", "into the water",
                "into the river", "into the sea"));
        SFX.put("birds", Set.of("bird", "birds", "sparrow", "sparrows", "crow", "crows", "crane", "cranes",
                "pheasant", "pheasants", "songbird"));
        SFX.put("sword", Set.of("sword", "swords", "blade", "slashed", "sabre", "saber"));
        SFX.put("fire", Set.of("fire", "flames", "blaze", "burning", "burned", "burnt"));
        SFX.put("rain", Set.of("rain", "raining", "rained", "downpour"));

        MOODS.put("tense", Set.of("danger", "dangerous", "kill", "killed", "monster", "ogre", "ogres", "demon",
                "attack", "attacked", "fight", "fought", "battle", "afraid", "fear", "threat", "storm", "blood",
                "escape", "fled", "chased", "enemy", "sword", "devour"));
        MOODS.put("sad", Set.of("wept", "weep", "tears", "sorrow", "grief", "died", "death", "lonely", "mourned",
                "sad", "farewell", "lost", "alone", "sobbed"));
        MOODS.put("mysterious", Set.of("strange", "mysterious", "magic", "magical", "spirit", "spirits", "ghost",
                "secret", "wonder", "wonderful", "fairy", "dream", "enchanted", "palace", "mist", "box",
                "unknown", "hidden", "who"));
        MOODS.put("triumphant", Set.of("victory", "won", "defeated", "triumph", "treasure", "hero", "conquered",
                "rejoiced", "reward", "rich", "brave", "returned home", "cheered"));
        MOODS.put("playful", Set.of("laughed", "laugh", "play", "played", "danced", "joke", "funny", "merry",
                "mischief", "trick", "tricked", "silly", "giggled"));
        MOODS.put("tender", Set.of("love", "loved", "gentle", "kind", "kindness", "mother", "father", "care",
                "dear", "grateful", "thanked", "embraced", "wife", "child"));
    }

    private WordCues() {}

    /** The expression the words suggest ("happy", "sad", "afraid", …), if any. */
    public static Optional<String> expression(String text) {
        String t = normalize(text);
        for (Map.Entry<String, Set<String>> e : EXPRESSIONS.entrySet()) {
            if (containsAny(t, e.getValue())) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Sound effect cues in a fixed order, each at most once. */
    public static List<String> sfx(String text) {
        String t = normalize(text);
        List<String> cues = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : SFX.entrySet()) {
            if (containsAny(t, e.getValue())) {
                cues.add(e.getKey());
            }
        }
        return cues;
    }

    public static boolean motion(String text) {
        return containsAny(normalize(text), MOTION);
    }

    public static boolean verticalMotion(String text) {
        return containsAny(normalize(text), VERTICAL);
    }

    public static boolean danger(String text) {
        return containsAny(normalize(text), DANGER);
    }

    public static boolean reveal(String text) {
        return containsAny(normalize(text), REVEAL);
    }

    /** Word counts per mood ("tense", "sad", "mysterious", "triumphant", "playful", "tender"). */
    public static Map<String, Integer> moodScores(String text) {
        String t = normalize(text);
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : MOODS.entrySet()) {
            int n = 0;
            for (String w : e.getValue()) {
                n += count(t, w);
            }
            scores.put(e.getKey(), n);
        }
        return scores;
    }

    /** True when {@code name} occurs in the text as whole words, ignoring case. */
    public static boolean mentions(String text, String name) {
        return name != null && !name.isBlank() && normalize(text).contains(" " + normalize(name).trim() + " ");
    }

    public static int words(String text) {
        String t = normalize(text).trim();
        return t.isEmpty() ? 0 : t.split(" ").length;
    }

    /** Lower case, letters/digits/apostrophes only, single spaces, padded so " word " matches whole words. */
    static String normalize(String text) {
        if (text == null) {
            return " ";
        }
        String t = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll(" ").trim();
        return " " + t + " ";
    }

    private static boolean containsAny(String normalized, Set<String> forms) {
        for (String f : forms) {
            if (normalized.contains(" " + f + " ")) {
                return true;
            }
        }
        return false;
    }

    private static int count(String normalized, String form) {
        String needle = " " + form + " ";
        int n = 0;
        int i = normalized.indexOf(needle);
        while (i >= 0) {
            n++;
            i = normalized.indexOf(needle, i + needle.length() - 1);
        }
        return n;
    }
}
