package dev.tsuzuku.model;

import java.util.List;
import java.util.Optional;

/**
 * The series bible, as loaded and validated from {@code series.yaml}. {@code id} is the slug
 * used in manifests and URLs; {@code episodeSeconds} is the target episode length (60–300).
 */
public record Bible(
        String id,
        String title,
        String logline,
        String language,
        String genre,
        ArtStyle style,
        List<Character> cast,
        List<Place> places,
        int episodeSeconds,
        DropSchedule schedule,
        Monetization monetization,
        Routing routing) {

    public Bible {
        cast = List.copyOf(cast);
        places = List.copyOf(places);
    }

    /** The cast member with this name or alias, ignoring case. */
    public Optional<Character> character(String nameOrAlias) {
        for (Character c : cast) {
            if (c.name().equalsIgnoreCase(nameOrAlias)
                    || c.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(nameOrAlias))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Allowed episode length around the target: the series may land within ±20% of it. */
    public int minEpisodeSeconds() {
        return Math.max(45, (int) Math.round(episodeSeconds * 0.8));
    }

    public int maxEpisodeSeconds() {
        return (int) Math.round(episodeSeconds * 1.2);
    }
}
