package dev.tsuzuku.generate;

import java.util.Objects;

/**
 * One shot of one episode of one series: what a take is for.
 *
 * @param series  the series id (as in the {@code series} table)
 * @param episode the episode number, from 1
 * @param shot    the shot's number in the episode's storyboard, from 1
 */
public record ShotKey(String series, int episode, int shot) {
    public ShotKey {
        Objects.requireNonNull(series, "series");
        if (series.isBlank()) {
            throw new IllegalArgumentException("series is blank");
        }
        if (episode < 1 || shot < 1) {
            throw new IllegalArgumentException("episode and shot count from 1, were " + episode + "/" + shot);
        }
    }

    @Override
    public String toString() {
        return series + " ep" + episode + " shot" + shot;
    }
}
