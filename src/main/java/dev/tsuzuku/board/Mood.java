package dev.tsuzuku.board;

import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import java.util.LinkedHashMap;
import java.util.Map;

/** The episode's mood for its music bed: the words' mood scores, tipped by the kind of hook. */
final class Mood {
    private Mood() {}

    static String of(Script script) {
        StringBuilder all = new StringBuilder();
        for (ScriptScene s : script.scenes()) {
            for (Line l : s.lines()) {
                all.append(l.text()).append('\n');
            }
        }
        all.append(script.hook().text());
        Map<String, Integer> scores = new LinkedHashMap<>(WordCues.moodScores(all.toString()));
        switch (script.hook().kind()) {
            case THREAT, DANGER -> scores.merge("tense", 2, Integer::sum);
            case REVEAL, QUESTION -> scores.merge("mysterious", 2, Integer::sum);
            case TURN -> scores.merge("tense", 1, Integer::sum);
            case PROMISE -> scores.merge("tender", 1, Integer::sum);
        }
        String best = "tender";
        int bestScore = 0;
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }
}
