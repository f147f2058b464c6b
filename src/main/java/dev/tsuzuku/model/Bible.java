package dev.tsuzuku.model;

import java.util.List;
import java.util.Optional;

/**
 * The series bible, as loaded and validated from {@code series.yaml}. {@code id} is the slug
 * used in manifests and URLs; {@code episodeSeconds} is the target episode length (60–300);
 * {@code setting} is the book's period, region and social world (never null).
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
        Routing routing,
        Setting setting) {

    public Bible {
        cast = List.copyOf(cast);
        places = List.copyOf(places);
        setting = setting == null ? Setting.UNSPECIFIED : setting;
    }

    /** A bible whose setting is not known (yet). */
    public Bible(String id, String title, String logline, String language, String genre, ArtStyle style,
            List<Character> cast, List<Place> places, int episodeSeconds, DropSchedule schedule,
            Monetization monetization, Routing routing) {
        this(id, title, logline, language, genre, style, cast, places, episodeSeconds, schedule, monetization, routing,
                Setting.UNSPECIFIED);
    }

    /** This bible with another cast (everything else kept, the setting too). */
    public Bible withCast(List<Character> newCast) {
        return new Bible(id, title, logline, language, genre, style, newCast, places, episodeSeconds, schedule,
                monetization, routing, setting);
    }

    /** This bible with another setting. */
    public Bible withSetting(Setting newSetting) {
        return new Bible(id, title, logline, language, genre, style, cast, places, episodeSeconds, schedule,
                monetization, routing, newSetting);
    }

    /** This bible with another routing. */
    public Bible withRouting(Routing newRouting) {
        return new Bible(id, title, logline, language, genre, style, cast, places, episodeSeconds, schedule,
                monetization, newRouting, setting);
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
