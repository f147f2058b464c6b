package dev.tsuzuku.serve;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the server may show viewers: the series it serves and, for each, the episodes released so
 * far (from the state database; {@code app} implements it over the episode tracker). Anything not
 * listed here is 404 to a viewer, whatever the URL.
 */
public interface Library {
    /** A served series; {@code id} is the series id from season.json (a URL path segment). */
    record Series(String id, String title, String language) {}

    /** A released episode and the folder its files are in ({@code episodes/NNN/} of its workspace). */
    record Episode(int number, String title, Path dir) {}

    /** The served series, in the order given on the command line. */
    List<Series> series();

    /** The released episodes of a series now, by number; empty for a series not served. */
    List<Episode> released(String seriesId);

    /**
     * The SHA-256 (hex) the state database recorded for {@code file} when a stage wrote it, if the
     * file still has the recorded size and has not been modified since; empty: the server hashes
     * the file itself. Spares the first catalogue after a start from reading every released MP4.
     */
    default Optional<String> recordedHash(Path file, long size, Instant modified) {
        return Optional.empty();
    }

    /** One released episode, or empty when it does not exist or is not released. */
    default Optional<Episode> released(String seriesId, int number) {
        return released(seriesId).stream().filter(e -> e.number() == number).findFirst();
    }
}
