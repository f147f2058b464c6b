package dev.tsuzuku.ingest;

import java.util.Set;

/** Word lists the cast finder leans on: what is not a name, what is a role, what says who speaks. */
final class Lexicon {
    private Lexicon() {}

    /** Capitalised words that are not names: sentence starters, pronouns, days, nations, gods, exclamations. */
    static final Set<String> STOP = Set.of(
            "the", "a", "an", "and", "but", "or", "nor", "for", "so", "yet", "then", "when", "now", "as", "at", "in",
            "on", "of", "to", "by", "with", "from", "into", "upon", "after", "before", "while", "though", "although",
            "because", "since", "until", "till", "if", "unless", "whether", "once", "where", "why", "how", "what",
            "who", "whom", "whose", "which", "that", "this", "these", "those", "there", "here", "he", "she", "it",
            "they", "we", "you", "i", "me", "him", "her", "them", "us", "his", "hers", "its", "their", "our", "your",
            "my", "mine", "yours", "ours", "theirs", "yes", "no", "not", "oh", "ah", "alas", "o", "ho", "ha", "hey",
            "well", "indeed", "surely", "perhaps", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "long", "many", "every", "each", "all", "some", "any", "both", "such", "other", "another",
            "none", "nothing", "everyone", "everybody", "someone", "somebody", "anyone", "nobody", "just", "only",
            "even", "still", "also", "again", "soon", "never", "always", "suddenly", "presently", "meanwhile",
            "thus", "therefore", "however", "besides", "moreover", "finally", "first", "last", "next", "do", "did",
            "does", "is", "was", "are", "were", "be", "been", "have", "has", "had", "will", "would", "shall",
            "should", "can", "could", "may", "might", "must", "let", "come", "go", "look", "see", "listen", "please",
            "thank", "good", "poor", "dear", "great", "little", "old", "young", "very", "too", "more", "most",
            "much", "whatever", "whenever", "wherever", "chapter", "book", "part", "illustration", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "june", "july", "august", "september", "october", "november", "december", "japan", "japanese",
            "china", "chinese", "korea", "korean", "india", "indian", "english", "england", "europe", "european",
            "america", "american", "france", "french", "germany", "german", "west", "east", "north", "south",
            "western", "eastern", "god", "gods", "heaven", "heavens", "buddha", "buddhist", "christ", "christian",
            "lord's", "sama", "san", "sir", "mr", "mrs", "miss", "ms", "dr", "st", "capital", "court", "emperor's",
            "moon", "sun", "earth", "fate", "fortune", "nature", "death", "mercy", "goddess", "kami",
            "kwannon", "shinto", "new", "year", "day", "night", "spring", "summer", "autumn", "winter", "farewell",
            "goodbye", "good-by", "hurrah", "bravo", "behold", "lo");

    /** First words of place names ("Mount Fuji", "Lake Biwa") and honorifics that are not people ("Majesty"). */
    static final Set<String> PLACE_WORDS = Set.of(
            "mount", "mt", "lake", "river", "island", "isle", "province", "castle", "temple", "shrine", "palace",
            "kingdom", "realm", "empire", "city", "town", "village", "bay", "cape", "ocean", "gate", "street",
            "bridge", "hall", "majesty", "highness", "excellency", "honor", "honour", "augustness", "lordship",
            "ladyship", "princesses", "princes", "kings", "queens", "knights", "lords", "ladies", "gods", "fairies");

    /** Words that make the next capitalised word a person's name; alone ("the Princess") they are a role-name. */
    static final Set<String> TITLES = Set.of(
            "lord", "lady", "prince", "princess", "king", "queen", "emperor", "empress", "sir", "mr", "mrs", "miss",
            "master", "mistress", "dr", "doctor", "captain", "general", "count", "countess", "duke", "duchess",
            "baron", "uncle", "aunt", "father", "mother", "brother", "sister", "saint", "st", "dame", "madam",
            "minister", "shogun", "daimio", "daimyo", "chief");

    /** Nouns that name a character by role in fairy tales and fables: "the old man", "the monkey". */
    static final Set<String> ROLE_NOUNS = Set.of(
            "man", "woman", "boy", "girl", "child", "baby", "lad", "lass", "maiden", "wife", "husband", "mother",
            "father", "son", "daughter", "stepmother", "grandmother", "grandfather", "king", "queen", "prince",
            "princess", "emperor", "empress", "lord", "lady", "priest", "monk", "nun", "farmer", "fisherman",
            "fisher", "hunter", "woodcutter", "wood-cutter", "bamboo-cutter", "merchant", "servant", "maid", "nurse",
            "warrior", "samurai", "knight", "soldier", "sailor", "doctor", "physician", "pilgrim", "beggar", "thief",
            "robber", "neighbor", "neighbour", "stranger", "traveller", "traveler", "minister", "steward", "chief",
            "ogre", "goblin", "demon", "dragon", "giant", "fairy", "witch", "wizard", "ghost", "spirit", "hermit",
            "badger", "fox", "hare", "rabbit", "monkey", "crab", "dog", "pheasant", "sparrow", "tortoise", "turtle",
            "cat", "rat", "mouse", "bear", "wolf", "deer", "horse", "boar", "crocodile", "centipede", "serpent",
            "snake", "crow", "crane", "frog", "toad", "octopus", "jelly fish", "jellyfish", "bee", "wasp", "mortar",
            "chestnut", "egg", "lion", "tiger", "elephant", "goose", "duck", "cow", "ox", "pig", "goat", "owl");

    /** Adjectives allowed inside a role-name; they distinguish "the old man" from "the young man". */
    static final Set<String> ROLE_ADJECTIVES = Set.of(
            "old", "young", "little", "wicked", "kind", "good", "bad", "poor", "rich", "great", "white", "brave",
            "wise", "greedy", "cruel", "mischievous", "honest", "beautiful", "lovely", "wily", "younger", "elder",
            "eldest", "youngest", "big", "small", "wounded", "faithful", "clever", "foolish", "stupid", "jealous",
            "sea", "demon", "dragon", "first");

    static final Set<String> SPEECH_VERBS = Set.of(
            "said", "says", "cried", "asked", "answered", "replied", "exclaimed", "shouted", "whispered", "called",
            "continued", "added", "began", "sobbed", "murmured", "screamed", "laughed", "remarked", "inquired",
            "returned", "rejoined", "demanded", "begged", "pleaded", "groaned", "sighed", "wept", "went on",
            "thought", "explained", "declared", "repeated", "responded", "interrupted", "yelled", "roared",
            "shrieked", "stammered", "muttered", "urged", "insisted", "told", "ordered", "commanded", "protested");

    /** Verbs that follow a person as subject; a capitalised word followed by them is likely a character. */
    static final Set<String> ACTION_VERBS = Set.of(
            "said", "was", "had", "went", "did", "could", "would", "should", "felt", "saw", "looked", "thought",
            "took", "ran", "came", "answered", "replied", "asked", "cried", "told", "gave", "made", "knew", "found",
            "heard", "lived", "began", "tried", "turned", "called", "sat", "stood", "got", "became", "will", "is",
            "has", "loved", "wanted", "wept", "laughed", "smiled", "bowed", "thanked", "returned", "walked",
            "hurried", "rushed", "fled", "flew", "jumped", "seized", "killed", "fought", "married", "promised",
            "decided", "determined", "begged", "refused", "agreed", "himself", "herself", "and", "now", "then");

    static final Set<String> FEMALE_WORDS = Set.of(
            "woman", "girl", "maiden", "wife", "mother", "daughter", "stepmother", "grandmother", "queen",
            "princess", "empress", "lady", "nun", "maid", "nurse", "witch", "mistress", "countess", "duchess",
            "sister", "aunt", "dame", "madam", "lass", "miss", "mrs", "goddess");

    static final Set<String> MALE_WORDS = Set.of(
            "man", "boy", "husband", "father", "son", "grandfather", "king", "prince", "emperor", "lord", "priest",
            "monk", "farmer", "fisherman", "fisher", "hunter", "woodcutter", "wood-cutter", "bamboo-cutter",
            "merchant", "warrior", "samurai", "knight", "soldier", "sailor", "lad", "sir", "mr", "master", "count",
            "duke", "baron", "uncle", "brother", "minister", "shogun", "daimio", "daimyo", "steward", "chief",
            "hermit", "beggar", "thief", "robber");

    static final Set<String> ANIMALS = Set.of(
            "badger", "fox", "hare", "rabbit", "monkey", "crab", "dog", "pheasant", "sparrow", "tortoise", "turtle",
            "cat", "rat", "mouse", "bear", "wolf", "deer", "horse", "boar", "crocodile", "centipede", "serpent",
            "snake", "crow", "crane", "frog", "toad", "octopus", "jelly fish", "jellyfish", "bee", "wasp", "lion",
            "tiger", "elephant", "goose", "duck", "cow", "ox", "pig", "goat", "owl", "dragon");
}
