package dev.tsuzuku.plan;

import dev.tsuzuku.text.CastNames;
import dev.tsuzuku.text.Prose;
import dev.tsuzuku.text.Salience;
import dev.tsuzuku.text.StoryUnits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The moments of one episode's span that the plan names: the flash-forward that opens it (the
 * peak of tension, usually near the hook), the one sentence that says what happened (for the next
 * episode's "previously"), and a title from its key event. Read from the same units the offline
 * writer tells, so the cold open is a line the script says word for word.
 */
final class EpisodeMoments {
    /** A cold open is spoken within 4.4 s (the storyboard's 5 s cold open less its breaths). */
    static final int COLD_OPEN_WORDS = 11;
    private static final Set<String> NOT_A_THING = Set.of("way", "time", "day", "same", "other", "rest", "whole",
            "first", "last", "next", "end", "top", "side", "middle", "matter", "moment", "place", "thing", "while",
            "world", "people", "morning", "evening", "night", "house", "home", "door", "ground", "water", "rice",
            "however", "though", "throughout", "sudden", "story", "tale", "kind", "sort", "part", "number", "reason", "name", "case");

    private final List<StoryUnits.Unit> units;
    private final CastNames cast;
    /** A Japanese or Chinese span: titles, cold opens and recaps in its own language. */
    private final boolean cjk;

    /** How rare a word is in the whole book (1 when nothing is known): a title names what sets this span apart. */
    private final java.util.function.ToDoubleFunction<String> rarity;

    EpisodeMoments(List<String> paragraphs, CastNames cast) {
        this(paragraphs, cast, w -> 1);
    }

    EpisodeMoments(List<String> paragraphs, CastNames cast, java.util.function.ToDoubleFunction<String> rarity) {
        this.cast = cast;
        this.rarity = rarity;
        List<StoryUnits.Unit> all = new ArrayList<>();
        for (String p : paragraphs) {
            all.addAll(StoryUnits.of(p));
        }
        this.units = all;
        this.cjk = dev.tsuzuku.text.Cjk.mostly(String.join("\n", paragraphs));
    }

    /**
     * The flash-forward: of the lines a cold open can speak (4–11 words), the one with the most
     * tension, later lines preferred (the peak usually comes just before the cut); the hook's
     * own line only when nothing else has any tension. Null when no line fits.
     */
    String coldOpen(String hook) {
        String hookKey = key(hook);
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int n = units.size();
        for (int i = 0; i < n; i++) {
            StoryUnits.Unit u = units.get(i);
            int words = StoryUnits.wordCount(u.text());
            if (words < 4 || words > COLD_OPEN_WORDS || !(cjk || Character.isUpperCase(u.text().charAt(0)))
                    || (cjk ? dev.tsuzuku.text.Cjk.contentWords(u.text()) : StoryUnits.contentWords(u.text())).size() < 2) {
                continue;
            }
            double tension = Salience.tension(u.text());
            double score = tension + 1.2 * i / Math.max(1, n - 1) + (u.spoken() ? 0.3 : 0)
                    + (cast.mentioned(u.text()).isEmpty() ? 0 : 0.3);
            boolean isHook = !hookKey.isEmpty() && (key(u.text()).contains(hookKey) || hookKey.contains(key(u.text())));
            if (isHook) {
                // the hook ends the episode; open on it only when there is nothing else
                score -= 2.0;
            }
            if (tension > 0 && score > bestScore) {
                bestScore = score;
                best = u.text();
            }
        }
        return best;
    }

    /**
     * What happened, in one sentence of narration (never a quote): the most eventful sentence of
     * the span's second half that names a character, with "Last time, " in front.
     */
    String recap() {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int n = units.size();
        for (int i = n / 2; i < n; i++) {
            StoryUnits.Unit u = units.get(i);
            int words = StoryUnits.wordCount(u.text());
            if (u.spoken() || words < 6 || words > 28 || cast.mentioned(u.text()).isEmpty()
                    || u.text().matches("(?s).*[\"“”「」『』].*")
                    || u.text().matches("^\\w+ing\\b.*")) {
                continue;
            }
            double events = 0;
            for (String w : Prose.words(u.text())) {
                events += Salience.EVENTS.contains(w) ? 1 : 0;
                events += Salience.CONFLICT.contains(w) ? 0.7 : 0;
            }
            double score = events + 0.5 * i / Math.max(1, n - 1) - (words > 20 ? 0.5 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = u.text();
            }
        }
        if (best == null) {
            return null;
        }
        String s = best.replaceAll("^(And|But|So|Then|Now|Thus)\\s+", "");
        if (cjk) {
            return "前回、" + s;
        }
        return "Last time: " + Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Titles from the key event, best first: "{who} and the {thing}" where {who} is the character
     * most present in the span and {thing} a concrete thing it names often and the rest of the book
     * seldom (the centipede of Hidesato's tale, not the balcony of one sentence), the things of
     * the hook and the peak counting double.
     */
    List<String> titles(String hook) {
        if (cjk) {
            return cjkTitles(hook);
        }
        Map<String, Integer> who = new LinkedHashMap<>();
        for (StoryUnits.Unit u : units) {
            for (String c : cast.mentioned(u.text())) {
                who.merge(c, 1, Integer::sum);
            }
        }
        String lead = who.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        // "Dragon King (Hidesato)" tells two cast entries apart in the bible; a title says the name
        String shownLead = lead == null ? null : lead.replaceAll("\\s*\\([^)]*\\)", "").strip();
        Map<String, Double> score = new LinkedHashMap<>();
        String peak = coldOpen(hook);
        for (String source : new String[] {hook, peak}) {
            if (source != null && !source.startsWith("Next, a new tale begins")) {
                for (String t : things(source, shownLead)) {
                    score.merge(t, 2.0, Double::sum);
                }
            }
        }
        for (StoryUnits.Unit u : units) {
            for (String t : things(u.text(), shownLead)) {
                score.merge(t, 1.0, Double::sum);
            }
        }
        String leadWords = shownLead == null ? "" : shownLead.toLowerCase(Locale.ROOT);
        // "The Ogre and the Ogres": the lead's own kind, in the plural, is no thing of its own
        score.keySet().removeIf(t -> !leadWords.isEmpty() && leadWords.contains(t.replaceAll("(?<=..)e?s$", "")));
        score.replaceAll((t, v) -> v * rarity.applyAsDouble(t) * (abstractNoun(t) ? 0.2 : 1));
        List<String> things = new ArrayList<>(score.keySet());
        things.sort((a, b) -> Double.compare(score.get(b), score.get(a))); // stable: the hook's first when equal
        List<String> out = new ArrayList<>();
        String who1 = shownLead == null ? null : title(shownLead);
        for (String t : things) {
            String title = who1 == null ? "The " + title(t) : who1 + " and the " + title(t);
            if (!out.contains(title)) {
                out.add(title);
            }
        }
        if (who1 != null) {
            out.add(who1);
        }
        return out;
    }

    /**
     * Words no picture shows ("the fear", "the length", "the permission") or that every tale has
     * ("the father", "the room"): a title names one only when nothing else is there.
     */
    private static final Set<String> ABSTRACT = Set.of("fear", "desire", "anger", "life", "death", "mind", "news", "chance",
            "wonders", "wonder", "misfortune", "fortune", "compliments", "revenge", "length", "journey", "country", "step",
            "line", "figure", "head", "heel", "smell", "friends", "servants", "father", "mother", "room", "capital", "battle",
            "trouble", "danger", "truth", "idea", "thought", "thoughts", "voice", "words", "word", "order", "orders", "answer",
            "question", "promise", "power", "strength", "courage", "kindness", "joy", "sorrow", "grief", "love", "hope",
            "dream", "dreams", "heart", "spirit", "luck", "honour", "honor", "duty", "service", "task", "advice", "help");

    static boolean abstractNoun(String noun) {
        String n = noun.toLowerCase(Locale.ROOT);
        return ABSTRACT.contains(n) || n.matches(".{3,}(ness|ion|ions|ment|ments|ity|ance|ence|ship|dom|hood)")
                // a superlative ("the strongest"), not a forest or a chest
                || n.matches(".{4,}est") && !Set.of("forest", "harvest", "conquest", "interest", "request", "tempest",
                        "contest", "priest").contains(n);
    }

    /**
     * Japanese (or Chinese) titles in the house style of an anime episode: "{who}と{thing}"
     * ("太郎と銀の鈴"), then the thing alone. {thing} is a noun of the hook or the peak (a run of
     * kanji or katakana that a particle follows, no cast name), the one the span names most,
     * with the "Xの" the text most often puts before it ("銀の鈴").
     */
    private List<String> cjkTitles(String hook) {
        Map<String, Integer> who = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        for (StoryUnits.Unit u : units) {
            all.append(u.text()).append('\n');
            for (String c : cast.mentioned(u.text())) {
                who.merge(c, 1, Integer::sum);
            }
        }
        String span = all.toString();
        String lead = who.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        List<String> nouns = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        sources.add(hook);
        sources.add(coldOpen(hook));
        List<StoryUnits.Unit> byTension = new ArrayList<>(units);
        byTension.sort((a, b) -> Double.compare(Salience.tension(b.text()), Salience.tension(a.text())));
        byTension.stream().limit(8).forEach(u -> sources.add(u.text()));
        for (String source : sources) {
            if (source == null) {
                continue;
            }
            java.util.regex.Matcher m = CJK_NOUN.matcher(source);
            while (m.find()) {
                String n = m.group(1);
                if (!nouns.contains(n) && !CJK_NOT_A_THING.contains(n) && cast.mentioned(n).isEmpty()
                        && (lead == null || !lead.contains(n) && !n.contains(lead))) {
                    nouns.add(n);
                }
            }
        }
        // the thing the span names most, the hook's first when equal
        List<String> ranked = new ArrayList<>(nouns);
        ranked.sort((a, b) -> Integer.compare(count(span, b), count(span, a)));
        List<String> out = new ArrayList<>();
        for (String n : ranked) {
            String thing = withModifier(span, n);
            for (String t : lead == null ? List.of(thing) : List.of(lead + "と" + thing, thing)) {
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        if (lead != null) {
            out.add(lead);
        }
        return out;
    }

    private static final java.util.regex.Pattern CJK_NOUN = java.util.regex.Pattern.compile(
            "([\\p{IsHan}\\p{IsKatakana}ー々]+)(?=[はがをにのでとへもや、。」』！？]|$)");
    /** Words too general to name an episode by. */
    private static final Set<String> CJK_NOT_A_THING = Set.of("何", "誰", "私", "僕", "俺", "今", "次", "前", "後", "中",
            "上", "下", "時", "日", "朝", "夜", "人", "方", "事", "物", "所", "手", "目", "口", "声", "顔", "気", "心", "度",
            "一", "二", "三", "様", "殿", "今日", "明日", "昨日", "自分", "二人", "皆");

    /** "鈴" → "銀の鈴" when the span says "銀の鈴" more than any other "Xの鈴" (X no cast name). */
    private String withModifier(String span, String noun) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\p{IsHan}\\p{IsKatakana}ー]{1,4})の"
                + java.util.regex.Pattern.quote(noun)).matcher(span);
        Map<String, Integer> seen = new LinkedHashMap<>();
        while (m.find()) {
            String x = m.group(1);
            if (cast.mentioned(x).isEmpty() && !CJK_NOT_A_THING.contains(x)) {
                seen.merge(x, 1, Integer::sum);
            }
        }
        return seen.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() + "の" + noun).orElse(noun);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Nouns after "the", "a", "his", "her", "my" … that are not a cast name, conflict words first. */
    private List<String> things(String sentence, String lead) {
        List<String> w = Prose.words(sentence);
        List<String> conflict = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Set<String> determiners = Set.of("the", "a", "an", "his", "her", "my", "their", "its", "your", "our", "this");
        String leadLower = lead == null ? "" : lead.toLowerCase(Locale.ROOT);
        for (int i = 0; i + 1 < w.size(); i++) {
            String noun = w.get(i + 1);
            if (!determiners.contains(w.get(i)) || noun.length() < 4 || Prose.STOPWORDS.contains(noun)
                    || NOT_A_THING.contains(noun) || noun.endsWith("ly") || leadLower.contains(noun)
                    || !cast.mentioned(noun).isEmpty()) {
                continue;
            }
            // "the old man", "the skillful fisher": the head noun is the last word of the phrase
            int j = i + 1;
            if (j + 1 < w.size() && !Prose.STOPWORDS.contains(w.get(j + 1)) && !determiners.contains(w.get(j + 1))
                    && sameClause(sentence, w.get(j), w.get(j + 1))) {
                j++;
            }
            String head = w.get(j);
            if (head.length() < 4 || Prose.STOPWORDS.contains(head) || NOT_A_THING.contains(head)
                    || head.endsWith("ed") || head.endsWith("ing") || head.endsWith("ly") || head.endsWith("ful")
                    || !cast.mentioned(head).isEmpty() || leadLower.contains(head)) {
                continue;
            }
            (Salience.CONFLICT.contains(head) ? conflict : other).add(head);
        }
        conflict.addAll(other);
        return conflict;
    }

    /** Whether two words follow each other in the sentence with only a space between them. */
    private static boolean sameClause(String sentence, String a, String b) {
        return sentence.toLowerCase(Locale.ROOT).contains(a + " " + b);
    }

    private static String title(String s) {
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return b.toString().replaceFirst("^The ", "the ").replaceFirst("^the ", "The ");
    }

    private static String key(String text) {
        return text == null ? "" : Prose.words(text).stream().reduce((a, b) -> a + " " + b).orElse("");
    }
}
