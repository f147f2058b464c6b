package dev.tsuzuku.plan;

import dev.tsuzuku.text.Prose;
import dev.tsuzuku.text.Paragraphs;
import dev.tsuzuku.model.HookKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How strongly a paragraph works as the last thing an episode shows. Reads the closing
 * sentences for open questions, threats, reveals, turns, promises and unfinished actions, and
 * names every cue it found so the showrunner can see why a cut was chosen.
 */
final class HookScorer {
    static final Set<String> DANGER_WORDS = Set.of(
            "kill", "killed", "kills", "die", "died", "dies", "dying", "death", "dead", "devour", "devoured",
            "demon", "demons", "ogre", "ogres", "blood", "bloody", "trap", "trapped", "storm", "sword", "swords",
            "fire", "flames", "monster", "monsters", "goblin", "goblins", "serpent", "dragon", "centipede",
            "poison", "poisoned", "danger", "dangerous", "attack", "attacked", "fight", "fought", "wicked",
            "terrible", "terrified", "fear", "afraid", "scream", "screamed", "wolf", "eat", "eaten", "murder",
            "revenge", "cruel", "drown", "drowned", "witch", "curse", "cursed", "knife", "arrow", "arrows");
    private static final List<String> REVEALS = List.of(
            "was none other than", "turned into", "changed into", "he saw that", "she saw that", "they saw that",
            "at last", "to his surprise", "to her surprise", "to his amazement", "to her amazement", "behold",
            "found that", "discovered", "transformed", "the truth", "who should it be", "it was no other");
    private static final List<String> TURNS = List.of(
            "suddenly", "just then", "all at once", "at that moment", "at that very moment", "however",
            "but ", "all of a sudden", "without warning");
    private static final List<String> PROMISES = List.of(
            "tomorrow", "i will", "i'll", "swore", "must find", "vowed", "promised", "i shall", "we will",
            "we shall", "determined to", "set out", "resolved to", "one day");
    private static final List<String> UNFINISHED = List.of(
            "was about to", "were about to", "began to", "set off", "hurried", "rushed", "ran towards",
            "ran toward", "crept", "approached", "drew near", "drew nearer", "coming nearer", "followed");

    /** The score of one candidate cut, with the closing line it would end on. */
    record Scored(double strength, HookKind kind, String line, List<String> cues) {}

    private HookScorer() {}

    /**
     * Scores the cut after {@code paragraph}. {@code nextTale} is the title of the tale that
     * starts after this paragraph when the paragraph ends a tale of a collection, else null (a
     * novel's chapter end closes on its own last sentence, not on "a new tale begins").
     */
    static Scored score(String paragraph, boolean chapterEnd, String nextTale) {
        List<String> cues = new ArrayList<>();
        if (Paragraphs.isHeading(paragraph)) {
            return new Scored(-3.0, HookKind.TURN, Prose.flat(paragraph), List.of("heading: never end on a title"));
        }
        List<String> sentences = Prose.sentences(paragraph);
        String last = sentences.isEmpty() ? Prose.flat(paragraph) : sentences.get(sentences.size() - 1);
        String before = sentences.size() > 1 ? sentences.get(sentences.size() - 2) : "";
        if (chapterEnd) {
            // A tale that ends is resolved: no cliffhanger, but the next tale is a promise.
            cues.add("end of a tale: natural ending, promise of the next");
            String line = nextTale == null ? Prose.clause(last, 16) : "Next, a new tale begins: " + nextTale + ".";
            return new Scored(1.0, HookKind.PROMISE, line, cues);
        }
        Map<HookKind, Double> byKind = new EnumMap<>(HookKind.class);
        Map<HookKind, String> lineOf = new EnumMap<>(HookKind.class);
        scoreSentence(last, 1.0, byKind, lineOf, cues);
        if (!before.isEmpty()) {
            scoreSentence(before, 0.4, byKind, lineOf, cues);
        }
        String trimmed = last.replaceAll("[\"'\u201d\u2019\\s]+$", "");
        if (trimmed.endsWith("...") || trimmed.endsWith("\u2014") || trimmed.endsWith("-")) {
            add(byKind, lineOf, HookKind.TURN, 0.8, last);
            cues.add("unfinished sentence");
        }
        double strength = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        HookKind kind = byKind.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(HookKind.TURN);
        if (byKind.isEmpty()) {
            cues.add("no hook cue");
        }
        String line = spoken(Prose.clause(lineOf.getOrDefault(kind, last), 16));
        return new Scored(Math.round(strength * 100) / 100.0, kind, line, cues);
    }

    /** A hook that is mostly speech is the speech alone, without its tag ("said the elder damsel"). */
    static String spoken(String sentence) {
        List<Prose.Quote> quotes = Prose.quotes(sentence);
        if (quotes.isEmpty()) {
            return sentence;
        }
        String said = String.join(" ", quotes.stream().map(Prose.Quote::text).toList());
        return said.split("\\s+").length * 2 >= sentence.split("\\s+").length
                ? "\u201c" + said.replaceAll(",$", ".") + "\u201d" : sentence;
    }

    private static void scoreSentence(String sentence, double weight, Map<HookKind, Double> byKind,
            Map<HookKind, String> lineOf, List<String> cues) {
        String lower = " " + sentence.toLowerCase(Locale.ROOT) + " ";
        String where = weight >= 1.0 ? "" : " (sentence before)";
        boolean spoken = !Prose.quotes(sentence).isEmpty();
        if (sentence.contains("?")) {
            add(byKind, lineOf, HookKind.QUESTION, 1.5 * weight, sentence);
            cues.add("question mark" + where);
        }
        double danger = 0;
        for (String w : Prose.words(sentence)) {
            if (DANGER_WORDS.contains(w)) {
                danger += danger == 0 ? 1.0 : 0.3;
                cues.add((spoken ? "threat word: " : "danger word: ") + w + where);
            }
        }
        if (danger > 0) {
            add(byKind, lineOf, spoken ? HookKind.THREAT : HookKind.DANGER, Math.min(1.6, danger) * weight, sentence);
        }
        cue(lower, REVEALS, 1.2 * weight, HookKind.REVEAL, "reveal: ", where, sentence, byKind, lineOf, cues);
        cue(lower, PROMISES, 1.0 * weight, HookKind.PROMISE, "promise: ", where, sentence, byKind, lineOf, cues);
        cue(lower, TURNS, 0.6 * weight, HookKind.TURN, "turn: ", where, sentence, byKind, lineOf, cues);
        cue(lower, UNFINISHED, 0.7 * weight, HookKind.TURN, "unfinished action: ", where, sentence, byKind, lineOf, cues);
    }

    private static void cue(String lower, List<String> phrases, double points, HookKind kind, String label, String where,
            String sentence, Map<HookKind, Double> byKind, Map<HookKind, String> lineOf, List<String> cues) {
        for (String p : phrases) {
            if (lower.contains(" " + p)) {
                add(byKind, lineOf, kind, points, sentence);
                cues.add(label + p.trim() + where);
                return;
            }
        }
    }

    private static void add(Map<HookKind, Double> byKind, Map<HookKind, String> lineOf, HookKind kind, double points,
            String sentence) {
        byKind.merge(kind, points, Double::sum);
        lineOf.putIfAbsent(kind, sentence);
    }
}
