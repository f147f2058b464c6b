package dev.tsuzuku.model;

import java.util.List;

/**
 * Why a season is cut here: hook strength of the closing paragraph, the length penalty of the
 * episode it closes, and the cues that were found (e.g. "question mark", "threat word: kill").
 */
public record CutScore(double hookStrength, double lengthPenalty, double total, List<String> cues) {
    public CutScore {
        cues = List.copyOf(cues);
    }
}
