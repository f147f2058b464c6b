package dev.tsuzuku.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much each sentence of a span carries its story, read over the whole span at once: the
 * characters it names (weighted by how present they are in the span), the events it tells (verbs
 * of action), the conflict it holds (threat, fear, harm, want), its centrality (how much of the
 * span's recurring vocabulary it shares: the SumBasic measure) and whether it is speech. A
 * sentence with no character, no event and no conflict is incidental detail and scores low.
 */
public final class Salience {
    /** Verbs that tell something happening. */
    public static final Set<String> EVENTS = Set.of(
            "ran", "run", "took", "went", "came", "struck", "opened", "jumped", "fell", "threw", "seized", "caught",
            "fled", "rushed", "hurried", "climbed", "pulled", "drew", "shot", "killed", "cut", "fought", "carried",
            "dragged", "walked", "stepped", "turned", "found", "gave", "handed", "picked", "entered", "left", "rode",
            "sailed", "swam", "flew", "rose", "knelt", "bowed", "wept", "cried", "pushed", "broke", "burst", "hid",
            "crept", "leaped", "leapt", "grabbed", "stabbed", "bit", "tore", "dug", "lifted", "dropped", "ate",
            "arrived", "returned", "reached", "appeared", "vanished", "disappeared", "followed", "chased",
            "attacked", "shut", "promised", "decided", "resolved", "married", "died", "born", "saved", "rescued",
            "stole", "sold", "bought", "sent", "brought", "asked", "begged", "refused", "agreed", "began",
            "set", "became", "changed", "met", "lost", "won", "beat", "called", "told", "led", "let", "sprang",
            "aimed", "pierced", "fired", "hit", "slew", "defeated", "escaped", "released", "freed", "punished");
    /** Words of threat, harm, fear and want: what keeps a viewer watching. */
    public static final Set<String> CONFLICT = Set.of(
            "kill", "killed", "die", "died", "dying", "death", "dead", "devour", "devoured", "demon", "demons",
            "ogre", "ogres", "blood", "trap", "storm", "sword", "fire", "monster", "goblin", "serpent", "dragon",
            "centipede", "poison", "danger", "dangerous", "attack", "attacked", "fight", "fought", "wicked",
            "terrible", "terrified", "fear", "afraid", "scream", "screamed", "eat", "eaten", "murder", "revenge",
            "cruel", "drown", "witch", "curse", "knife", "arrow", "arrows", "enemy", "angry", "anger", "rage",
            "punish", "punished", "greedy", "steal", "stole", "thief", "lost", "alone", "help", "save", "must",
            "never", "secret", "forbidden", "promise", "sorrow", "grief", "weep", "wept", "tears", "war", "battle",
            "hate", "jealous", "trouble", "misfortune", "dreadful", "horrid", "strange", "suddenly", "alas");

    private final double[] scores;

    /**
     * @param sentences the span's units in story order
     * @param spoken which units are speech
     * @param cast the cast, to find who a sentence names
     */
    public Salience(List<String> sentences, boolean[] spoken, CastNames cast) {
        int n = sentences.size();
        Map<String, Integer> freq = new HashMap<>();
        Map<String, Integer> presence = new HashMap<>();
        List<List<String>> words = new java.util.ArrayList<>(n);
        List<Set<String>> named = new java.util.ArrayList<>(n);
        int total = 0;
        for (String s : sentences) {
            List<String> w = StoryUnits.contentWords(s);
            words.add(w);
            for (String x : w) {
                freq.merge(x, 1, Integer::sum);
            }
            total += w.size();
            Set<String> who = cast.mentioned(s);
            named.add(who);
            for (String c : who) {
                presence.merge(c, 1, Integer::sum);
            }
        }
        int most = presence.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        double[] centrality = new double[n];
        double maxCentrality = 1e-9;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (String x : new HashSet<>(words.get(i))) {
                int f = freq.get(x);
                // a word the span uses again and again is what the span is about
                sum += f > 1 ? f / (double) Math.max(1, total) : 0;
            }
            centrality[i] = words.get(i).isEmpty() ? 0 : sum / Math.sqrt(words.get(i).size());
            maxCentrality = Math.max(maxCentrality, centrality[i]);
        }
        scores = new double[n];
        for (int i = 0; i < n; i++) {
            List<String> all = Prose.words(sentences.get(i));
            double character = 0;
            for (String c : named.get(i)) {
                character += 0.6 + 0.6 * presence.get(c) / (double) most;
            }
            int events = 0;
            int conflict = 0;
            for (String w : all) {
                events += EVENTS.contains(w) ? 1 : 0;
                conflict += CONFLICT.contains(w) ? 1 : 0;
            }
            double s = Math.min(2.4, character)
                    + 0.5 * Math.min(3, events)
                    + 0.7 * Math.min(3, conflict)
                    + 1.5 * centrality[i] / maxCentrality;
            if (spoken[i]) {
                s += 0.8;
                String t = sentences.get(i);
                s += t.indexOf('?') >= 0 || t.indexOf('!') >= 0 ? 0.3 : 0;
            }
            if (named.get(i).isEmpty() && events == 0 && conflict == 0 && !spoken[i]) {
                s -= 1.0;
            }
            scores[i] = s;
        }
    }

    public double score(int i) {
        return scores[i];
    }

    public int size() {
        return scores.length;
    }

    /** How much two word lists overlap (Jaccard of their sets): a redundancy measure. */
    public static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }

    /** Tension of a sentence for a cold open or a hook: conflict, questions, exclamations. */
    /** Japanese and Chinese marks of danger, loss and threat (stems: 失う/失った, 逃げる/逃げて). */
    static final List<String> CJK_CONFLICT = List.of("失", "怖", "恐", "死", "殺", "叫", "助け", "泣", "危", "消え", "血",
            "鬼", "山賊", "盗", "逃げ", "奪", "襲", "戦", "刀", "燃", "呪", "祟", "ならぬ", "いけない", "大変", "まさか",
            "枯れ", "錆", "崩れ", "震え", "青ざめ", "守");

    public static double tension(String sentence) {
        double t = 0;
        for (String w : Prose.words(sentence)) {
            if (CONFLICT.contains(w)) {
                t += t == 0 ? 1.0 : 0.4;
            }
        }
        if (Cjk.has(sentence)) {
            for (String cue : CJK_CONFLICT) {
                if (sentence.contains(cue)) {
                    t += t == 0 ? 1.0 : 0.4;
                }
            }
        }
        if (sentence.indexOf('?') >= 0 || sentence.indexOf('？') >= 0) {
            t += 0.8;
        }
        if (sentence.indexOf('!') >= 0 || sentence.indexOf('！') >= 0) {
            t += 0.6;
        }
        return t;
    }
}
