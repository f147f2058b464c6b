package dev.tsuzuku.render;

import dev.tsuzuku.model.VoiceShare;
import java.util.List;
import java.util.Objects;

/**
 * {@code episodes/NNN/manifest.json}: the public contract of a finished episode, read by the
 * player, the feeds and outside tools. Paths are relative to the manifest; {@code checksum} is
 * the SHA-256 (hex) of the video file; {@code producedAt} is ISO-8601 UTC; {@code voice} is the share of the
 * runtime with voice measured on the cut's voice stem (null when not measured). This is a DTO: its JSON shape is the contract.
 */
public record Manifest(
        String series,
        int episode,
        String title,
        double durationSeconds,
        HookRef hook,
        Files files,
        List<ShotRef> shots,
        String producedAt,
        Cost cost,
        String checksum,
        VoiceShare voice) {

    public Manifest {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(files, "files");
        shots = List.copyOf(shots);
    }

    public record HookRef(String text, String kind) {}

    public record Files(String video, String srt, String vtt, String cover, String thumb) {}

    /**
     * One shot of the cut: its length, who made its picture, and which take was used; with AI
     * generation also what it cost and why it fell back from its route's first choice (both left
     * out of the JSON when there is nothing to say, so animatic manifests read as before).
     */
    public record ShotRef(int index, double seconds, String provider, String takeId,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Double cost,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String fallback) {

        public ShotRef(int index, double seconds, String provider, String takeId) {
            this(index, seconds, provider, takeId, null, null);
        }
    }

    public record Cost(double estimated, double actual, String currency) {}

    /** The file names {@code produce} writes next to the manifest. */
    public static Files standardFiles() {
        return new Files("episode.mp4", "episode.srt", "episode.vtt", "cover.jpg", "thumb.jpg");
    }
}
