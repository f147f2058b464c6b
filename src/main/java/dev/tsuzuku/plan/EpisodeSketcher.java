package dev.tsuzuku.plan;

import dev.tsuzuku.text.Prose;
import dev.tsuzuku.text.CastNames;
import dev.tsuzuku.text.Paragraphs;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.story.ScreenTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fills in a planned episode from its span of text: title, synopsis, beats, cold open, hook and
 * the recap of the episode before. Everything is extracted from the source, nothing invented.
 */
final class EpisodeSketcher {
    private final Source source;
    private final Bible bible;
    private final List<Paragraphs.Para> paras;
    private final Map<Integer, String> titles;
    private final CastNames cast;
    /** Weights of the current episode's sentences, computed once: each is read several times. */
    private final java.util.IdentityHashMap<String, Double> weights = new java.util.IdentityHashMap<>();

    EpisodeSketcher(Source source, Bible bible, List<Paragraphs.Para> paras, Map<Integer, String> titles) {
        this.source = source;
        this.bible = bible;
        this.paras = paras;
        this.titles = titles;
        this.cast = new CastNames(bible);
        this.chapterWords = chapterWords(source, paras);
    }

    /** Per chapter (tale), the words it uses: a title's thing is one that few chapters name. */
    private final List<Set<String>> chapterWords;

    private static List<Set<String>> chapterWords(Source source, List<Paragraphs.Para> paras) {
        Map<Integer, Set<String>> byChapter = new java.util.TreeMap<>();
        for (Paragraphs.Para p : paras) {
            byChapter.computeIfAbsent(p.chapter(), c -> new java.util.HashSet<>())
                    .addAll(Prose.words(source.slice(p.span())));
        }
        return List.copyOf(byChapter.values());
    }

    /** log(chapters ÷ chapters that use the word), at least a little above 0 so a common word still ranks by count. */
    double rarity(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        long uses = chapterWords.stream().filter(c -> c.contains(w)).count();
        return Math.log((chapterWords.size() + 1.0) / (uses + 0.5)) + 0.1;
    }

    Season season(int[] cuts, int[] bound, HookScorer.Scored[] hooks, SeasonPlanner.Lengths lengths) {
        List<EpisodePlan> episodes = new ArrayList<>();
        Map<String, Integer> titleUses = new HashMap<>();
        EpisodePlan previous = null;
        String previousRecap = null;
        for (int k = 1; k < cuts.length; k++) {
            int from = cuts[k - 1];
            int to = cuts[k];
            SourceSpan span = new SourceSpan(bound[from], bound[to]);
            List<String> sentences = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            // An episode that runs over a chapter end is named after the chapter it mostly tells.
            Map<Integer, Integer> charsPerChapter = new HashMap<>();
            Map<Integer, List<String>> sentencesPerChapter = new HashMap<>();
            for (int p = from; p < to; p++) {
                String text = source.slice(paras.get(p).span());
                if (Paragraphs.isHeading(text)) {
                    continue;
                }
                charsPerChapter.merge(paras.get(p).chapter(), text.length(), Integer::sum);
                paragraphs.add(text);
                List<String> these = Prose.sentences(text);
                sentences.addAll(these);
                sentencesPerChapter.computeIfAbsent(paras.get(p).chapter(), c -> new ArrayList<>()).addAll(these);
            }
            int chapter = charsPerChapter.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(paras.get(from).chapter());
            // The title's character or thing comes from the same tale as the title's tale name.
            List<String> titleSentences = sentencesPerChapter.getOrDefault(chapter, sentences);
            if (sentences.isEmpty()) {
                sentences.add(Prose.flat(source.slice(span)));
            }
            weights.clear();
            HookScorer.Scored hook = hooks[to];
            String tale = titles.getOrDefault(chapter, bible.title());
            int number = k;
            String synopsis = synopsis(sentences);
            EpisodeMoments moments = new EpisodeMoments(paragraphs, cast, this::rarity);
            String peak = moments.coldOpen(hook.line());
            String title = moments.titles(hook.line()).stream().filter(t -> !titleUses.containsKey(t)).findFirst()
                    .orElse(title(tale, titleSentences.isEmpty() ? sentences : titleSentences));
            EpisodePlan plan = new EpisodePlan(
                    number,
                    numbered(title, titleUses),
                    synopsis,
                    lengths.seconds(span.length()),
                    span,
                    beats(sentences, lengths.seconds(span.length())),
                    peak != null ? peak : coldOpen(sentences, previous),
                    new Hook(hook.line(), hook.kind()),
                    previous == null ? null : previousRecap != null ? previousRecap : recap(previous),
                    lengths.cut(hook, span.length()));
            episodes.add(plan);
            previous = plan;
            previousRecap = moments.recap();
        }
        return new Season(bible.id(), episodes);
    }

    /** A title the season already has gets its part number, so every episode is told apart in a list. */
    private static String numbered(String title, Map<String, Integer> uses) {
        int n = uses.merge(title, 1, Integer::sum);
        return n == 1 ? title : title + " (Part " + n + ")";
    }

    private String title(String tale, List<String> sentences) {
        Map<String, Integer> castCount = new HashMap<>();
        Map<String, Integer> nounCount = new HashMap<>();
        String taleLower = tale.toLowerCase(Locale.ROOT);
        for (String s : sentences) {
            for (String name : cast.mentioned(s)) {
                castCount.merge(name, 1, Integer::sum);
            }
            List<String> w = Prose.words(s);
            for (int i = 0; i + 1 < w.size(); i++) {
                String noun = w.get(i + 1);
                if (w.get(i).equals("the") && noun.length() >= 4 && !Prose.STOPWORDS.contains(noun)) {
                    nounCount.merge(noun, 1, Integer::sum);
                }
            }
        }
        String phrase = best(castCount, taleLower);
        if (phrase != null) {
            phrase = Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
        } else {
            String noun = best(nounCount, taleLower);
            phrase = noun == null ? null : "The " + Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        }
        return phrase == null ? tale : tale + ": " + phrase;
    }

    private static String best(Map<String, Integer> counts, String exclude) {
        String best = null;
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            boolean better = e.getValue() > n || (e.getValue() == n && best != null && e.getKey().compareTo(best) < 0);
            if (better && !exclude.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    /** How much a sentence carries the story: cast, conflict, speech, a readable length. */
    double weight(String sentence) {
        return weights.computeIfAbsent(sentence, this::computeWeight);
    }

    private double computeWeight(String sentence) {
        int words = ScreenTime.words(sentence);
        double w = cast.mentioned(sentence).size() * 1.5;
        for (String word : Prose.words(sentence)) {
            if (HookScorer.DANGER_WORDS.contains(word)) {
                w += 1.0;
                break;
            }
        }
        if (sentence.indexOf('"') >= 0 || sentence.indexOf('\u201c') >= 0) {
            w += 0.5;
        }
        if (words >= 8 && words <= 30) {
            w += 1.0;
        } else if (words > 45) {
            w -= 1.0;
        }
        return w;
    }

    private String synopsis(List<String> sentences) {
        int parts = sentences.size() >= 9 ? 3 : Math.min(2, sentences.size());
        List<String> picked = pick(sentences, parts, 25);
        return String.join(" ", picked);
    }

    private List<String> beats(List<String> sentences, int seconds) {
        int want = Math.max(5, Math.min(9, Math.round(seconds / 20f)));
        return pick(sentences, Math.min(want, sentences.size()), 12);
    }

    /** The best sentence of each of {@code parts} equal slices of the span, condensed. */
    private List<String> pick(List<String> sentences, int parts, int maxWords) {
        Set<String> out = new LinkedHashSet<>();
        for (int p = 0; p < parts; p++) {
            int a = p * sentences.size() / parts;
            int b = Math.max(a + 1, (p + 1) * sentences.size() / parts);
            String best = sentences.get(a);
            double bw = Double.NEGATIVE_INFINITY;
            for (int i = a; i < b; i++) {
                double w = weight(sentences.get(i));
                if (w > bw) {
                    bw = w;
                    best = sentences.get(i);
                }
            }
            out.add(Prose.condense(best, maxWords));
        }
        return List.copyOf(out);
    }

    private String coldOpen(List<String> sentences, EpisodePlan previous) {
        int early = Math.max(1, sentences.size() * 3 / 10);
        for (int i = 0; i < early; i++) {
            for (Prose.Quote q : Prose.quotes(sentences.get(i))) {
                if (ScreenTime.words(q.text()) >= 4) {
                    return Prose.clause(q.text(), EpisodeMoments.COLD_OPEN_WORDS);
                }
            }
        }
        boolean previousWasCliffhanger = previous != null && !previous.cut().cues().stream()
                .anyMatch(c -> c.startsWith("end of a tale") || c.equals("no hook cue"));
        if (previousWasCliffhanger) {
            return previous.hook().text();
        }
        String best = sentences.get(0);
        double bw = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < early; i++) {
            double w = weight(sentences.get(i));
            if (w > bw) {
                bw = w;
                best = sentences.get(i);
            }
        }
        return Prose.clause(best, EpisodeMoments.COLD_OPEN_WORDS);
    }

    private static String recap(EpisodePlan previous) {
        List<String> s = Prose.sentences(previous.synopsis());
        // what happened, told: a sentence of the synopsis that quotes nobody, else the first without its quote marks
        String told = s.stream().filter(x -> !x.matches("(?s).*[\"“”「」『』].*")).findFirst()
                .orElse((s.isEmpty() ? previous.synopsis() : s.get(0)).replaceAll("[\"“”「」『』]", ""));
        return dev.tsuzuku.text.Cjk.has(told) ? "前回、" + Prose.clause(told, 20) : "Last time: " + Prose.clause(told, 20);
    }
}
