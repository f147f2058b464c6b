package dev.tsuzuku.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The English words the studio reads characters by, in one place: {@code ingest} finds, sexes
 * and casts the characters of a book with them, {@code render} reads a figure's species, age and
 * build from a name and its silhouette notes. Sets that look alike differ on purpose (a name
 * part says "eldest", a silhouette says "wrinkled"); each says where it is read.
 *
 * <p>Changing a word here changes drafted bibles and drawn figures: the cast finder's fixtures
 * and the render golden hashes say which.
 */
public final class Vocabulary {
    private Vocabulary() {}

    // ---- who is in a story: role nouns, animals, titles --------------------------------------

    /** Animals that are characters in fairy tales and fables: "the monkey", "the crab", "the jelly fish". */
    public static final Set<String> ANIMALS = Set.of(
            "badger", "fox", "hare", "rabbit", "monkey", "crab", "dog", "pheasant", "sparrow", "tortoise", "turtle",
            "cat", "rat", "mouse", "bear", "wolf", "deer", "horse", "boar", "crocodile", "centipede", "serpent",
            "snake", "crow", "crane", "frog", "toad", "octopus", "jelly fish", "jellyfish", "bee", "wasp", "lion",
            "tiger", "elephant", "goose", "duck", "cow", "ox", "pig", "goat", "owl", "dragon");

    /** Things that act as characters in fairy tales (the mortar, chestnut and egg of "The Crab and the Monkey"). */
    public static final Set<String> THING_CHARACTERS = Set.of("mortar", "chestnut", "egg");

    /** People and beings named by what they are: "the old man", "the princess", "the ogre". */
    public static final Set<String> PERSON_ROLES = Set.of(
            "man", "woman", "boy", "girl", "child", "baby", "lad", "lass", "maiden", "wife", "husband", "mother",
            "father", "son", "daughter", "stepmother", "grandmother", "grandfather", "king", "queen", "prince",
            "princess", "emperor", "empress", "lord", "lady", "priest", "monk", "nun", "farmer", "fisherman",
            "fisher", "hunter", "woodcutter", "wood-cutter", "bamboo-cutter", "merchant", "servant", "maid", "nurse",
            "warrior", "samurai", "knight", "soldier", "sailor", "doctor", "physician", "pilgrim", "beggar", "thief",
            "robber", "neighbor", "neighbour", "stranger", "traveller", "traveler", "minister", "steward", "chief",
            "ogre", "goblin", "demon", "giant", "fairy", "witch", "wizard", "ghost", "spirit", "hermit");

    /** Nouns that name a character by role in fairy tales and fables: people, animals and the odd thing. */
    public static final Set<String> ROLE_NOUNS = union(PERSON_ROLES, ANIMALS, THING_CHARACTERS);

    /** Adjectives allowed inside a role-name; they distinguish "the old man" from "the young man". */
    public static final Set<String> ROLE_ADJECTIVES = Set.of(
            "old", "young", "little", "wicked", "kind", "good", "bad", "poor", "rich", "great", "white", "brave",
            "wise", "greedy", "cruel", "mischievous", "honest", "beautiful", "lovely", "wily", "younger", "elder",
            "eldest", "youngest", "big", "small", "wounded", "faithful", "clever", "foolish", "stupid", "jealous",
            "sea", "demon", "dragon", "first");

    /** Words that make the next capitalised word a person's name; alone ("the Princess") they are a role-name. */
    public static final Set<String> TITLES = Set.of(
            "lord", "lady", "prince", "princess", "king", "queen", "emperor", "empress", "sir", "mr", "mrs", "miss",
            "master", "mistress", "dr", "doctor", "captain", "general", "count", "countess", "duke", "duchess",
            "baron", "uncle", "aunt", "father", "mother", "brother", "sister", "saint", "st", "dame", "madam",
            "minister", "shogun", "daimio", "daimyo", "chief");

    /**
     * A title used as a name, with no name of the person's own: "Sea King", "Dragon King", "the
     * Princess" (not "Princess Moonlight", "Prince Yamato Take"). In a collection such a name is a
     * different person in each tale that uses it.
     */
    public static boolean isTitleName(String name) {
        String[] words = name.strip().replaceFirst("^(?i)the\\s+", "").split("\\s+");
        String last = words[words.length - 1].toLowerCase(java.util.Locale.ROOT);
        return words.length <= 2 && ROYAL_TITLES.contains(last) && !words[0].isEmpty()
                && java.lang.Character.isUpperCase(words[0].charAt(0));
    }

    /** Titles of royalty and nobility in a name: a cast member so named is dressed royally. */
    public static final Set<String> ROYAL_TITLES = Set.of(
            "princess", "prince", "king", "queen", "emperor", "empress", "lord", "lady");

    /** Role nouns and titles of women and girls: a cast member so named is female. */
    public static final Set<String> FEMALE_WORDS = Set.of(
            "woman", "girl", "maiden", "wife", "mother", "daughter", "stepmother", "grandmother", "queen", "princess",
            "empress", "lady", "nun", "maid", "nurse", "witch", "mistress", "countess", "duchess", "sister", "aunt",
            "dame", "madam", "lass", "miss", "mrs", "goddess");

    /** Role nouns and titles of men and boys: a cast member so named is male. */
    public static final Set<String> MALE_WORDS = Set.of(
            "man", "boy", "husband", "father", "son", "grandfather", "king", "prince", "emperor", "lord", "priest",
            "monk", "farmer", "fisherman", "fisher", "hunter", "woodcutter", "wood-cutter", "bamboo-cutter",
            "merchant", "warrior", "samurai", "knight", "soldier", "sailor", "lad", "sir", "mr", "master", "count",
            "duke", "baron", "uncle", "brother", "minister", "shogun", "daimio", "daimyo", "steward", "chief",
            "hermit", "beggar", "thief", "robber");

    /** Words in a name that make a cast member old (white hair, a lower and slower voice). */
    public static final Set<String> OLD_NAME_WORDS = Set.of("old", "elder", "eldest", "grandmother", "grandfather");

    /** Words in a name that make a cast member young (a higher, quicker voice). */
    public static final Set<String> YOUNG_NAME_WORDS = Set.of(
            "boy", "girl", "child", "baby", "lad", "young", "youngest", "son", "daughter");

    // ---- reading a book: what is not a name, what says who speaks ------------------------------

    /** Capitalised words that are not names: sentence starters, pronouns, days, nations, gods, exclamations. */
    public static final Set<String> NOT_NAMES = Set.of(
            "the", "a", "an", "and", "but", "or", "nor", "for", "so", "yet", "then", "when", "now", "as", "at", "in",
            "on", "of", "to", "by", "with", "from", "into", "upon", "after", "before", "while", "though", "although",
            "because", "since", "until", "till", "if", "unless", "whether", "once", "where", "why", "how", "what",
            "who", "whom", "whose", "which", "that", "this", "these", "those", "there", "here", "he", "she", "it",
            "they", "we", "you", "i", "me", "him", "her", "them", "us", "his", "hers", "its", "their", "our", "your",
            "my", "mine", "yours", "ours", "theirs", "yes", "no", "not", "oh", "ah", "alas", "o", "ho", "ha", "hey",
            "well", "indeed", "surely", "perhaps", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "long", "many", "every", "each", "all", "some", "any", "both", "such", "other", "another",
            "none", "nothing", "everyone", "everybody", "someone", "somebody", "anyone", "nobody", "just", "only",
            "even", "still", "also", "again", "soon", "never", "always", "suddenly", "presently", "meanwhile", "thus",
            "therefore", "however", "besides", "moreover", "finally", "first", "last", "next", "do", "did", "does",
            "is", "was", "are", "were", "be", "been", "have", "has", "had", "will", "would", "shall", "should", "can",
            "could", "may", "might", "must", "let", "come", "go", "look", "see", "listen", "please", "thank", "good",
            "poor", "dear", "great", "little", "old", "young", "very", "too", "more", "most", "much", "whatever",
            "whenever", "wherever", "chapter", "book", "part", "illustration", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december", "japan", "japanese", "china", "chinese",
            "korea", "korean", "india", "indian", "english", "england", "europe", "european", "america", "american",
            "france", "french", "germany", "german", "west", "east", "north", "south", "western", "eastern", "god",
            "gods", "heaven", "heavens", "buddha", "buddhist", "christ", "christian", "lord's", "sama", "san", "sir",
            "mr", "mrs", "miss", "ms", "dr", "st", "capital", "court", "emperor's", "moon", "sun", "earth", "fate",
            "fortune", "nature", "death", "mercy", "goddess", "kami", "kwannon", "shinto", "new", "year", "day",
            "night", "spring", "summer", "autumn", "winter", "farewell", "goodbye", "good-by", "hurrah", "bravo",
            "behold", "lo");

    /** First words of place names ("Mount Fuji", "Lake Biwa") and honorifics that are not people ("Majesty"). */
    public static final Set<String> PLACE_WORDS = Set.of(
            "mount", "mt", "lake", "river", "island", "isle", "province", "castle", "temple", "shrine", "palace",
            "kingdom", "realm", "empire", "city", "town", "village", "bay", "cape", "ocean", "gate", "street",
            "bridge", "hall", "majesty", "highness", "excellency", "honor", "honour", "augustness", "lordship",
            "ladyship", "princesses", "princes", "kings", "queens", "knights", "lords", "ladies", "gods", "fairies");

    /** Verbs that attribute a quotation to its speaker: "said Taro", "the old man cried". */
    public static final Set<String> SPEECH_VERBS = Set.of(
            "said", "says", "cried", "asked", "answered", "replied", "exclaimed", "shouted", "whispered", "called",
            "continued", "added", "began", "sobbed", "murmured", "screamed", "laughed", "remarked", "inquired",
            "returned", "rejoined", "demanded", "begged", "pleaded", "groaned", "sighed", "wept", "went on",
            "thought", "explained", "declared", "repeated", "responded", "interrupted", "yelled", "roared",
            "shrieked", "stammered", "muttered", "urged", "insisted", "told", "ordered", "commanded", "protested");

    /** Verbs that follow a person as subject; a capitalised word followed by them is likely a character. */
    public static final Set<String> ACTION_VERBS = Set.of(
            "said", "was", "had", "went", "did", "could", "would", "should", "felt", "saw", "looked", "thought",
            "took", "ran", "came", "answered", "replied", "asked", "cried", "told", "gave", "made", "knew", "found",
            "heard", "lived", "began", "tried", "turned", "called", "sat", "stood", "got", "became", "will", "is",
            "has", "loved", "wanted", "wept", "laughed", "smiled", "bowed", "thanked", "returned", "walked",
            "hurried", "rushed", "fled", "flew", "jumped", "seized", "killed", "fought", "married", "promised",
            "decided", "determined", "begged", "refused", "agreed", "himself", "herself", "and", "now", "then");

    // ---- how a character looks: words of a name and its silhouette notes -----------------------

    /** A figure drawn old (a bald or bun head, a beard for some men). */
    public static final Set<String> ELDER_LOOK = Set.of(
            "old", "elder", "elderly", "aged", "grandfather", "grandmother", "grandpa", "grandma", "wrinkled",
            "ancient", "grey-haired", "white-haired");

    /** A figure drawn feminine (lashes, a hem that flares, long hair or a ponytail). */
    public static final Set<String> FEMININE_LOOK = Set.of(
            "woman", "girl", "princess", "lady", "mother", "wife", "daughter", "maiden", "grandmother", "grandma",
            "she", "her", "queen", "empress", "nun", "sister");

    /** A figure drawn as a child (shorter), unless it is also old. */
    public static final Set<String> CHILD_LOOK = Set.of(
            "boy", "child", "little", "young", "kid", "baby", "small", "tiny", "lad");

    /** A figure drawn with a beard. */
    public static final Set<String> BEARD_LOOK = Set.of("beard", "bearded", "whiskers", "moustache", "mustache");

    /** A figure drawn with a crown. */
    public static final Set<String> CROWN_LOOK = Set.of("crown", "tiara", "diadem");

    /** A figure drawn with a straw hat. */
    public static final Set<String> HAT_LOOK = Set.of("hat", "kasa", "straw");

    /** A figure drawn bald. */
    public static final Set<String> BALD_LOOK = Set.of("bald", "shaven", "monk");

    /** A figure drawn with a ponytail. */
    public static final Set<String> PONYTAIL_LOOK = Set.of("ponytail", "pony-tail", "topknot");

    /** A figure drawn with a bun. */
    public static final Set<String> BUN_LOOK = Set.of("bun", "chignon");

    /** A figure drawn with long hair (besides the words "long hair"). */
    public static final Set<String> LONG_HAIR_LOOK = Set.of("long-haired", "flowing");

    /** A figure drawn with short hair (besides the words "short hair"). */
    public static final Set<String> SHORT_HAIR_LOOK = Set.of("short-haired", "cropped");

    /** A figure drawn half a head taller. */
    public static final Set<String> TALL_LOOK = Set.of("tall", "giant", "lanky");

    /** A figure drawn broader. */
    public static final Set<String> STOUT_LOOK = Set.of("stout", "fat", "round", "plump", "big", "burly", "strong");

    /** A figure drawn narrower. */
    public static final Set<String> THIN_LOOK = Set.of("thin", "slender", "slim", "frail");

    // ---- which animal: the body a figure is drawn with -------------------------------------------

    /**
     * Animal kinds and the words (English plurals and a few Japanese names) that call for them,
     * in the order of {@code Species}; a word belongs to one kind only (checked as the class loads).
     */
    public static final Map<String, Set<String>> ANIMAL_KINDS = animalKinds();

    private static final Map<String, String> KIND_OF_WORD = ANIMAL_KINDS.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(w -> Map.entry(w, e.getKey())))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** The animal kind (a key of {@link #ANIMAL_KINDS}) that a word names (in any case), if any. */
    public static Optional<String> animalKind(String word) {
        return Optional.ofNullable(KIND_OF_WORD.get(word.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, Set<String>> animalKinds() {
        Map<String, Set<String>> kinds = new LinkedHashMap<>();
        kinds.put("dog", Set.of("dog", "dogs", "hound", "puppy", "inu"));
        kinds.put("monkey", Set.of("monkey", "monkeys", "ape", "saru"));
        kinds.put("pheasant", Set.of("pheasant", "pheasants", "kiji"));
        kinds.put("sparrow", Set.of("sparrow", "sparrows", "suzume"));
        kinds.put("crab", Set.of("crab", "crabs", "kani"));
        kinds.put("hare", Set.of("hare", "hares", "rabbit", "rabbits", "bunny", "usagi"));
        kinds.put("badger", Set.of("badger", "badgers", "tanuki", "raccoon"));
        kinds.put("turtle", Set.of("turtle", "turtles", "tortoise", "kame"));
        kinds.put("fox", Set.of("fox", "foxes", "kitsune", "vixen"));
        kinds.put("cat", Set.of("cat", "cats", "kitten", "neko"));
        kinds.put("dragon", Set.of("dragon", "dragons", "serpent", "ryu", "ryujin"));
        kinds.put("fish", Set.of("fish", "carp", "koi", "jellyfish", "octopus", "bream", "tai"));
        kinds.put("bird", Set.of(
                "bird", "birds", "crane", "cranes", "crow", "crows", "heron", "stork", "swallow", "owl", "hawk",
                "eagle", "duck", "goose", "rooster", "hen", "cock"));
        return Collections.unmodifiableMap(kinds);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}
