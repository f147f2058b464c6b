package dev.tsuzuku.model;

import java.util.List;

/**
 * One planned episode of the season: which span of the source it covers and how it opens and
 * closes. {@code cut} explains why the episode ends where it does.
 */
public record EpisodePlan(
        int number,
        String title,
        String synopsis,
        int estimatedSeconds,
        SourceSpan source,
        List<String> beats,
        String coldOpen,
        Hook hook,
        String previously,
        CutScore cut) {

    public EpisodePlan {
        beats = List.copyOf(beats);
    }

    /** Zero-padded folder name: 001, 002, … */
    public String folder() {
        return folder(number);
    }

    public static String folder(int number) {
        return String.format("%03d", number);
    }
}
