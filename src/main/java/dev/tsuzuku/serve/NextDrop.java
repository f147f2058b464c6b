package dev.tsuzuku.serve;

import java.time.Instant;
import java.util.Optional;

/**
 * When the next episode of a series becomes public, for the player's "next episode in 14:32"
 * countdown. The release calendar implements it; until one is wired the player shows no countdown
 * ({@link #NONE}).
 */
@FunctionalInterface
public interface NextDrop {
    NextDrop NONE = (series, now) -> Optional.empty();

    /** The first drop of {@code seriesId} strictly after {@code now}, or empty when none is scheduled. */
    Optional<Instant> after(String seriesId, Instant now);
}
