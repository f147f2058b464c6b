package dev.tsuzuku.model;

import java.util.List;

/** The season plan: the series id and its episodes in order. */
public record Season(String series, List<EpisodePlan> episodes) {
    public Season {
        episodes = List.copyOf(episodes);
    }
}
