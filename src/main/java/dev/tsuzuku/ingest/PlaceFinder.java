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

/**
 * The settings a story keeps returning to: "the sea shore", "the palace", "Dragon King's palace";
 * in Japanese or Chinese text, the place nouns themselves (山寺, 村, 祠, 森林), named as the text
 * names them.
 */
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
    /**
     * Japanese place nouns, read longest first (山寺 before 寺), with whether the place is a room
     * or a building one stands in. 山 alone is left out: it is mostly "of the mountain" (山の神様).
     */
    private static final Map<String, Boolean> JAPANESE = placeNouns(
            "山寺 本堂* 鐘撞き堂 寺* 神社 社 祠 境内 村 里 町 都 城下 城 御殿* 竜宮* 宮* 屋敷* 家* 小屋* 座敷* 部屋* 台所* 宿*"
                    + " 井戸 森 林 竹林 山道 山の頂 頂 峠 谷 野原 原っぱ 田んぼ 畑 庭 門 橋 川 川辺 池 沼 湖 滝 海 浜辺 浜 海辺 港 島 洞窟* 洞穴* 岩屋* 舟 船 塔* 市場");
    /** The same for Chinese (simplified; traditional forms where they differ). */
    private static final Map<String, Boolean> CHINESE = placeNouns(
            "寺庙* 寺院* 寺* 庙* 大殿* 宫殿* 宫* 宮* 皇宫* 城里 京城 城 村子 村庄 村 镇 小镇 客栈* 家* 屋* 房间* 厨房* 院子 庭院 花园 园"
                    + " 井 森林 树林 竹林 林 山顶 山路 山谷 山洞* 山 峡谷 谷 河边 河 江边 江 湖边 湖 海边 海 岛 桥 橋 瀑布 池塘 池 田野 田 集市 港口 船 塔* 门");

    private static Map<String, Boolean> placeNouns(String spec) {
        List<String> words = new ArrayList<>(List.of(spec.split(" ")));
        words.sort((a, b) -> Integer.compare(b.replace("*", "").length(), a.replace("*", "").length()));
        Map<String, Boolean> nouns = new LinkedHashMap<>();
        for (String w : words) {
            nouns.put(w.replace("*", ""), w.endsWith("*"));
        }
        return nouns;
    }

    private PlaceFinder() {}

    static List<Place> find(String text) {
        return find(text, "en");
    }

    /** The places of {@code text} written in {@code language} ("en", "ja" or "zh"). */
    static List<Place> find(String text, String language) {
        if (language.equals("ja") || language.equals("zh")) {
            return findCjk(text, language.equals("ja") ? JAPANESE : CHINESE);
        }
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

    /**
     * Place nouns counted where they stand, longest first, so 山寺 is one place and its 寺 is not
     * a second; a shorter noun inside a longer one that was found (寺 in 山寺) is counted for the
     * longer one, the name the text uses for it.
     */
    private static List<Place> findCjk(String text, Map<String, Boolean> nouns) {
        String plain = text; // ingest has read the ruby and editor's notes away already
        Map<String, int[]> counts = new LinkedHashMap<>(); // noun -> {count, firstOffset}
        for (int i = 0; i < plain.length(); ) {
            if (java.lang.Character.UnicodeScript.of(plain.charAt(i)) != java.lang.Character.UnicodeScript.HAN) {
                i++; // every place noun starts with a kanji: kana and punctuation are passed at once
                continue;
            }
            String hit = null;
            for (String n : nouns.keySet()) {
                if (plain.startsWith(n, i)) {
                    hit = n;
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            int[] c = counts.computeIfAbsent(hit, k -> new int[] {0, -1});
            c[0]++;
            if (c[1] < 0 && !inHeading(plain, i)) {
                c[1] = i; // the description comes from the story, not from a chapter title (第一章　山寺の鈴)
            }
            i += hit.length();
        }
        for (String shorter : new ArrayList<>(counts.keySet())) {
            String longer = counts.keySet().stream()
                    .filter(l -> l.length() > shorter.length() && l.endsWith(shorter) && counts.get(l)[0] >= 2)
                    .max((a, b) -> Integer.compare(counts.get(a)[0], counts.get(b)[0])).orElse(null);
            if (longer != null) {
                counts.get(longer)[0] += counts.remove(shorter)[0];
            }
        }
        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.removeIf(e -> e.getValue()[0] < 3 || e.getValue()[1] < 0);
        ranked.sort((a, b) -> b.getValue()[0] != a.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0]) : Integer.compare(a.getValue()[1], b.getValue()[1]));
        List<Place> places = new ArrayList<>();
        for (Map.Entry<String, int[]> e : ranked.subList(0, Math.min(MAX_PLACES, ranked.size()))) {
            places.add(new Place(e.getKey(), nouns.get(e.getKey()) ? "interior" : "exterior",
                    cjkSentenceAround(plain, e.getValue()[1])));
        }
        return places;
    }

    private static final Pattern CJK_HEADING = Pattern.compile("^[\\s\u3000]*第[0-9０-９一二三四五六七八九十百千]+[章話回節集卷]");

    private static boolean inHeading(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        return CJK_HEADING.matcher(text.substring(start, Math.min(text.length(), start + 20))).find();
    }

    /** The sentence (to 。！？ or a line break) where a place first appears. */
    private static String cjkSentenceAround(String text, int at) {
        int start = at;
        while (start > 0 && "。！？\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = at;
        while (end < text.length() && "。！？\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String s = text.substring(start, Math.min(text.length(), end + 1)).strip();
        s = s.replaceAll("^[「『\u3000]+", "");
        return s.length() <= 120 ? s : s.substring(0, 119) + "…";
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
