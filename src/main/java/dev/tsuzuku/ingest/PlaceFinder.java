package dev.tsuzuku.ingest;

import dev.tsuzuku.model.Place;
import dev.tsuzuku.text.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The settings a story keeps returning to: "the sea shore", "the palace", "Dragon King's palace". */
final class PlaceFinder {
    private static final String NOUNS = "sea[- ]?shore|seashore|shore|beach|palace|castle|mountains?|river|village|town|city"
            + "|forest|woods|lake|temple|shrine|island|garden|house|hut|cottage|cave|bridge|fields?|road|capital|sea"
            + "|kitchen|gate|hill|valley|plain|harbou?r|boat|ship|court|bamboo grove|grove|pond|stream|waterfall|inn"
            + "|market|moor|desert|courtyard|bedroom|hall|tower|well";
    private static final Pattern COMMON = Pattern.compile("\\b[Tt]he\\s+(?:(?!sea\\b|bamboo\\b)[a-z]+\\s+)?((?i:" + NOUNS + "))\\b(?![-'’]\\p{L})");
    private static final Pattern OWNED = Pattern.compile(
            "\\b((?:[A-Z][\\p{L}]+ )?[A-Z][\\p{L}]+)['’]s\\s+((?i:palace|castle|house|hut|cottage|temple|garden|court|kingdom|realm|island|cave))\\b");
    private static final Set<String> INTERIOR = Set.of("palace", "castle", "house", "hut", "cottage", "temple", "shrine",
            "kitchen", "cave", "inn", "court", "hall", "bedroom", "tower");
    private static final int MAX_PLACES = 12;

    private PlaceFinder() {}

    static List<Place> find(String text) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // name -> {count, firstOffset}
        Matcher m = COMMON.matcher(text);
        while (m.find()) {
            String noun = normalise(m.group(1));
            counts.computeIfAbsent("the " + noun, k -> new int[] {0, m.start()})[0]++;
        }
        Matcher o = OWNED.matcher(text);
        while (o.find()) {
            if (Vocabulary.NOT_NAMES.contains(o.group(1).toLowerCase(Locale.ROOT))) {
                continue;
            }
            String name = o.group(1) + "'s " + o.group(2).toLowerCase(Locale.ROOT);
            counts.computeIfAbsent(name, k -> new int[] {0, o.start()})[0] += 3; // a named place weighs more than a common one
        }
        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.removeIf(e -> e.getValue()[0] < 3);
        ranked.sort((a, b) -> b.getValue()[0] != a.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0]) : Integer.compare(a.getValue()[1], b.getValue()[1]));
        List<Place> places = new ArrayList<>();
        for (Map.Entry<String, int[]> e : ranked.subList(0, Math.min(MAX_PLACES, ranked.size()))) {
            String noun = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
            places.add(new Place(e.getKey(), INTERIOR.contains(noun) ? "interior" : "exterior", sentenceAround(text, e.getValue()[1])));
        }
        return places;
    }

    private static String normalise(String noun) {
        String n = noun.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (n.matches("sea[- ]?shore|seashore")) {
            return "sea shore";
        }
        if (n.equals("mountains") || n.equals("fields")) {
            return n.substring(0, n.length() - 1);
        }
        return n.equals("harbour") ? "harbor" : n;
    }

    /** The sentence where the place first appears, as a starting description for the showrunner to edit. */
    private static String sentenceAround(String text, int at) {
        int start = at;
        while (start > 0) {
            char c = text.charAt(start - 1);
            if (c == '.' || c == '!' || c == '?' || c == '\n' && start > 1 && text.charAt(start - 2) == '\n') {
                break;
            }
            start--;
        }
        int end = at;
        while (end < text.length() && ".!?".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String s = text.substring(start, Math.min(text.length(), end + 1)).replaceAll("\\s+", " ").strip();
        return s.length() <= 200 ? s : s.substring(0, 197).strip() + "…";
    }
}
