package dev.tsuzuku.ingest;

import dev.tsuzuku.model.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts the book's {@link Setting} from what the text mentions: cue words vote for an era (a
 * samurai and a shrine for feudal Japan, a hansom and the telegraph for Victorian Europe, a
 * phone and the subway for a modern city), years written out date the period ("1893" → 1890s),
 * the most named lands and cities give the region, and the people the text is about (court,
 * village, gentlefolk, city) give the social world. One pass over the words; the same draft for
 * the same text every time.
 */
final class SettingDrafter {
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20[0-4]\\d)\\b");

    private static final Map<String, Map<String, Integer>> ERA_CUES = new LinkedHashMap<>();
    private static final Map<String, String> REGIONS = new LinkedHashMap<>();
    private static final Map<String, List<String>> WORLDS = new LinkedHashMap<>();

    static {
        cues("japanese-period", 3, "samurai", "daimyo", "shogun", "mikado", "ronin", "shinto", "yedo", "kimono",
                "kimonos", "hakama", "geta", "tatami", "shoji", "koto", "tengu", "oni", "ninja", "katana", "sake", "obi");
        cues("japanese-period", 4, "japan", "japanese", "kyoto", "nara", "daimio");
        cues("japanese-period", 2, "shrine", "fuji", "buddha");
        cues("chinese-period", 3, "mandarin", "dynasty", "confucius", "taoist", "jade", "peking", "qin", "kowtow");
        cues("chinese-period", 2, "china", "chinese", "emperor's", "pagoda");
        cues("western-period", 3, "hansom", "telegram", "telegraph", "gaslight", "governess", "carriage", "steamer",
                "parlour", "drawing-room", "crinoline", "waistcoat", "top-hat", "railway", "countess", "duchess",
                "squire", "monsieur", "madame", "herr", "fräulein");
        cues("western-period", 4, "london", "paris", "vienna", "england", "english", "europe", "scotland", "france");
        cues("western-period", 2, "sir", "madam", "inn", "coach", "candle", "cathedral", "church");
        cues("western-period", 1, "lady", "lord", "castle", "knight", "knights", "mr", "mrs", "miss");
        cues("modern", 3, "phone", "smartphone", "cellphone", "computer", "internet", "email", "e-mail", "laptop",
                "subway", "television", "tv", "airport", "highway", "taxi", "apartment", "elevator", "website",
                "online", "car", "cars", "jeans", "t-shirt");
        cues("fantasy", 3, "wizard", "wizards", "elf", "elves", "orc", "orcs", "sorcerer", "sorceress", "mage",
                "dwarves", "spellbook", "enchanted", "dungeon");

        for (String r : List.of("Japan", "China", "Korea", "England", "Scotland", "Ireland", "Wales", "France",
                "Germany", "Italy", "Spain", "Russia", "Transylvania", "Hungary", "Austria", "America", "India",
                "London", "Paris", "Vienna", "Munich", "Budapest", "Rome", "Venice", "Edinburgh", "Dublin", "New York",
                "Tokyo", "Kyoto", "Edo", "Yedo", "Osaka", "Nara", "Peking", "Beijing", "Shanghai", "Whitby", "Bath")) {
            REGIONS.put(r.toLowerCase(Locale.ROOT), r);
        }
        WORLDS.put("the imperial court and nobles", List.of("court", "emperor", "empress", "prince", "princess",
                "courtier", "courtiers", "nobles", "noble", "palace", "mikado", "daimyo", "lords"));
        WORLDS.put("village farmers and fishermen", List.of("village", "villagers", "farmer", "farmers", "peasant",
                "peasants", "fisherman", "fishermen", "woodcutter", "rice", "fields", "hut", "cottage"));
        WORLDS.put("gentlefolk and their servants", List.of("mr", "mrs", "miss", "sir", "madam", "servant",
                "servants", "butler", "maid", "drawing-room", "governess", "gentleman", "lady", "estate"));
        WORLDS.put("city streets and professions", List.of("street", "streets", "city", "shop", "office", "doctor",
                "lawyer", "solicitor", "clerk", "station", "hotel", "newspaper"));
        WORLDS.put("warriors and war", List.of("warrior", "warriors", "soldier", "soldiers", "army", "battle",
                "sword", "swords", "regiment", "samurai", "knight", "knights"));
        WORLDS.put("school and students", List.of("school", "student", "students", "classmate", "classmates",
                "teacher", "homework", "exam"));
        WORLDS.put("sailors and the sea", List.of("ship", "ships", "sailor", "sailors", "captain", "harbour",
                "harbor", "voyage", "crew"));
    }

    private SettingDrafter() {}

    private static void cues(String era, int weight, String... words) {
        Map<String, Integer> m = ERA_CUES.computeIfAbsent(era, k -> new HashMap<>());
        for (String w : words) {
            m.put(w, weight);
        }
    }

    /** The setting the text suggests; {@link Setting#UNSPECIFIED} when it says too little. */
    static Setting draft(String text) {
        Map<String, Integer> eraScore = new LinkedHashMap<>();
        Map<String, Integer> regionCount = new LinkedHashMap<>();
        Map<String, Integer> worldScore = new LinkedHashMap<>();
        Map<String, String> wordToWorld = new HashMap<>();
        WORLDS.forEach((world, words) -> words.forEach(w -> wordToWorld.putIfAbsent(w, world)));
        Matcher m = WORD.matcher(text);
        String previous = "";
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            for (Map.Entry<String, Map<String, Integer>> e : ERA_CUES.entrySet()) {
                Integer weight = e.getValue().get(w);
                if (weight != null) {
                    eraScore.merge(e.getKey(), weight, Integer::sum);
                }
            }
            String region = REGIONS.get(w);
            if (region == null && !previous.isEmpty()) {
                region = REGIONS.get(previous + " " + w);
            }
            if (region != null && java.lang.Character.isUpperCase(m.group().charAt(0))) {
                regionCount.merge(region, 1, Integer::sum);
            }
            String world = wordToWorld.get(w);
            if (world != null) {
                worldScore.merge(world, 1, Integer::sum);
            }
            previous = w;
        }
        Map<Integer, Integer> decades = new HashMap<>();
        Matcher y = YEAR.matcher(text);
        while (y.find()) {
            decades.merge(Integer.parseInt(y.group(1)) / 10 * 10, 1, Integer::sum);
        }
        int bestDecade = decades.entrySet().stream().filter(e -> e.getValue() >= 2)
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0);
        if (bestDecade > 0) {
            eraScore.merge(bestDecade >= 1960 ? "modern" : "western-period", 6, Integer::sum);
        }

        String era = best(eraScore, 6);
        if (era == null) {
            return Setting.UNSPECIFIED;
        }
        String period = period(era, bestDecade, eraScore, text);
        List<String> regions = top(regionCount, 2, 2);
        String region = String.join(" and ", regions);
        if (region.isEmpty()) {
            region = switch (era) {
                case "japanese-period" -> "Japan";
                case "chinese-period" -> "China";
                default -> "";
            };
        }
        String world = String.join("; ", top(worldScore, 2, 3));
        return new Setting(era, period, region, world);
    }

    private static String period(String era, int decade, Map<String, Integer> eraScore, String text) {
        if (decade > 0 && (era.equals("western-period") || era.equals("modern"))) {
            return decade + "s";
        }
        return switch (era) {
            case "japanese-period" -> "feudal era";
            case "chinese-period" -> "imperial era";
            case "modern" -> "present day";
            case "fantasy" -> "timeless";
            default -> {
                String lower = text.length() > 400_000 ? text.substring(0, 400_000) : text;
                boolean medieval = lower.contains("knight") || lower.contains("squire") || lower.contains(" sire");
                boolean victorian = lower.contains("telegra") || lower.contains("railway") || lower.contains("hansom")
                        || lower.contains("gaslight") || lower.contains("steamer");
                yield victorian ? "19th century" : medieval ? "medieval era" : "historical";
            }
        };
    }

    private static String best(Map<String, Integer> scores, int atLeast) {
        return scores.entrySet().stream().filter(e -> e.getValue() >= atLeast)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Up to {@code n} keys with at least {@code atLeast}, most first; later keys only if half as frequent as the first. */
    private static List<String> top(Map<String, Integer> counts, int n, int atLeast) {
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.removeIf(e -> e.getValue() < atLeast);
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ranked) {
            if (out.size() == n || !out.isEmpty() && e.getValue() * 2 < ranked.get(0).getValue()) {
                break;
            }
            out.add(e.getKey());
        }
        return out;
    }
}
