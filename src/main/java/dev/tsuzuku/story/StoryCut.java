package dev.tsuzuku.story;

import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.story.OfflineWriter.Candidate;
import dev.tsuzuku.text.Cjk;
import dev.tsuzuku.text.CastNames;
import dev.tsuzuku.text.Salience;
import dev.tsuzuku.text.StoryUnits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an episode tells, chosen from every line its span could give (extractive, over the whole
 * span at once): each line is scored by {@link Salience}, the cold open and the hook are kept, one
 * line of each scene and of each stretch of the span is kept so the story has no holes, then the
 * densest lines are added, less what repeats a chosen line, while an exchange of speech is kept
 * together, until the episode's time is filled with voice. The lines stay in story order.
 */
final class StoryCut {
    /** Screen time a line costs beyond its speech: the breaths around the shots that voice it. */
    static final double SHOT_BREATH = 0.3;
    /** A story shot lasts at least this long, however short its line: a very short line costs silence. */
    static final double SHORTEST_SHOT = 2.0;
    /** Speech one shot holds before the storyboard splits it. */
    static final double SHOT_SPEECH = 5.4;
    /** Cards (title 2 s, end card 3 s) and the cold open, which the storyboard adds around the lines. */
    static final double FRAME_SECONDS = 9.0;

    private final List<Candidate> lines;
    private final Line hook;

    private StoryCut(List<Candidate> lines, Line hook) {
        this.lines = lines;
        this.hook = hook;
    }

    List<Candidate> lines() {
        return lines;
    }

    Line hook() {
        return hook;
    }

    static StoryCut of(List<Candidate> pool, CastNames cast, EpisodePlan episode, double target, double min, double max,
            String narrator) {
        int n = pool.size();
        List<String> texts = new ArrayList<>(n);
        boolean[] spoken = new boolean[n];
        List<Set<String>> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Line l = pool.get(i).line();
            texts.add(l.text());
            spoken[i] = l.kind() == LineKind.DIALOGUE;
            words.add(new HashSet<>(StoryUnits.contentWords(l.text())));
        }
        Salience salience = new Salience(texts, spoken, cast);

        int hookAt = find(pool, episode.hook().text(), true);
        Line hook;
        if (hookAt >= 0) {
            Line h = pool.get(hookAt).line();
            // the plan may close on the first clause of the line: say what the plan says
            String planned = episode.hook().text().replaceAll("[\"\u201c\u201d]", "").trim();
            boolean carries = normal(h.text()).contains(normal(planned));
            boolean opens = normal(h.text()).startsWith(normal(planned)) && !planned.endsWith("...");
            String text = !carries || opens ? planned : h.text();
            hook = new Line(h.kind(), h.speaker(), text, ScreenTime.line(h.kind(), text) + 1.0);
        } else {
            String text = episode.hook().text().replaceAll("[\"\u201c\u201d]", "").trim();
            hook = new Line(LineKind.NARRATION, narrator, text, ScreenTime.line(LineKind.NARRATION, text) + 1.0);
        }
        int end = hookAt >= 0 ? hookAt : n;
        boolean[] chosen = new boolean[n];
        double fill = target - FRAME_SECONDS - cost(hook.seconds());
        double ceiling = max - FRAME_SECONDS - 3 - cost(hook.seconds());
        double used = 0;
        double speech = hook.seconds();

        int open = find(pool, episode.coldOpen() == null ? "" : episode.coldOpen(), false);
        if (open >= 0 && open < end) {
            chosen[open] = true;
            used += cost(pool.get(open).line().seconds());
            speech += pool.get(open).line().seconds();
        }
        // One line of every scene and of every stretch of the span: the story has no holes.
        int stretches = Math.max(1, (int) Math.round(fill / 25));
        List<int[]> ranges = new ArrayList<>();
        for (int k = 0; k < stretches; k++) {
            ranges.add(new int[] {k * end / stretches, (k + 1) * end / stretches});
        }
        int from = 0;
        for (int i = 1; i <= end; i++) {
            if (i == end || pool.get(i).segment() != pool.get(from).segment()) {
                ranges.add(new int[] {from, i});
                from = i;
            }
        }
        for (int[] r : ranges) {
            int best = -1;
            for (int i = r[0]; i < r[1]; i++) {
                if (chosen[i]) {
                    best = -2;
                    break;
                }
                if (best < 0 || density(salience.score(i), pool.get(i)) > density(salience.score(best), pool.get(best))) {
                    best = i;
                }
            }
            if (best >= 0 && salience.score(best) > 0 && used + cost(pool.get(best).line().seconds()) <= fill) {
                chosen[best] = true;
                used += cost(pool.get(best).line().seconds());
                speech += pool.get(best).line().seconds();
            }
        }
        // Then the densest lines, less what repeats a chosen line, exchanges kept together.
        double[] similar = new double[n];
        for (int i = 0; i < end; i++) {
            if (chosen[i]) {
                mark(i, words, similar, end);
            }
        }
        // the script itself must last the series' minimum (the storyboard adds cards and breaths)
        while (used < fill || speech < min + 1.0) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < end; i++) {
                double c = cost(pool.get(i).line().seconds());
                if (chosen[i] || used + c > ceiling) {
                    continue;
                }
                double v = salience.score(i) - 1.5 * similar[i];
                if (spoken[i] && ((i > 0 && chosen[i - 1] && spoken[i - 1]) || (i + 1 < end && chosen[i + 1] && spoken[i + 1]))) {
                    v += 0.6;
                }
                double value = v > 0 ? v / Math.pow(c, 0.6) : v * c;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            chosen[best] = true;
            used += cost(pool.get(best).line().seconds());
            speech += pool.get(best).line().seconds();
            mark(best, words, similar, end);
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (chosen[i]) {
                Candidate c = pool.get(i);
                Candidate last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && i > 0 && chosen[i - 1] && i - 1 != open && i != open && joinable(last, c)) {
                    out.set(out.size() - 1, join(last, c));
                } else {
                    out.add(c);
                }
            }
        }
        return new StoryCut(out, hook);
    }

    /**
     * Two lines told one after the other by the same voice in the same scene become one line when
     * together they still fit one shot: one breath less between them.
     */
    static boolean joinable(Candidate a, Candidate b) {
        Line x = a.line();
        Line y = b.line();
        return a.segment() == b.segment() && x.kind() == y.kind() && java.util.Objects.equals(x.speaker(), y.speaker())
                && x.seconds() + y.seconds() - ScreenTime.PAUSE_SECONDS <= SHOT_SPEECH;
    }

    private static Candidate join(Candidate a, Candidate b) {
        String first = a.line().text();
        // Japanese and Chinese sentences follow each other without a space.
        String text = first + (Cjk.has(first) && Cjk.has(b.line().text()) ? "" : " ") + b.line().text();
        Line l = new Line(a.line().kind(), a.line().speaker(), text, ScreenTime.line(a.line().kind(), text));
        return new Candidate(l, a.segment(), a.position(), a.value());
    }

    private static void mark(int chosen, List<Set<String>> words, double[] similar, int end) {
        for (int j = 0; j < end; j++) {
            similar[j] = Math.max(similar[j], Salience.overlap(words.get(chosen), words.get(j)));
        }
    }

    private static double density(double score, Candidate c) {
        return score / Math.pow(cost(c.line().seconds()), 0.6);
    }

    /** Screen seconds a line of this speech length takes in the storyboard, breaths included. */
    static double cost(double seconds) {
        return Math.max(SHORTEST_SHOT, seconds + SHOT_BREATH * Math.ceil(seconds / SHOT_SPEECH));
    }

    /**
     * The line that says a planned text (the hook, searched from the end; the cold open from the
     * start): the same words, or one containing the other.
     */
    static int find(List<Candidate> pool, String planned, boolean fromEnd) {
        String key = normal(planned);
        if (key.isBlank()) {
            return -1;
        }
        int n = pool.size();
        for (int k = 0; k < n; k++) {
            int i = fromEnd ? n - 1 - k : k;
            String t = normal(pool.get(i).line().text());
            if (!t.isBlank() && (t.equals(key) || (key.length() >= 12 && t.contains(key)) || (t.length() >= 12 && key.contains(t)
                    && t.length() * 2 >= key.length()))) {
                return i;
            }
        }
        return -1;
    }

    static String normal(String text) {
        StringBuilder b = new StringBuilder();
        boolean space = false;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (java.lang.Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                b.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return b.toString();
    }
}
