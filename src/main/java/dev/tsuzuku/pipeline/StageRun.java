package dev.tsuzuku.pipeline;

import java.time.Instant;
import java.util.Map;

/**
 * A finished run of one stage for one subject ("season", "episode/001", "shot/001/07"):
 * the hash of its inputs and the files it wrote (workspace-relative path → SHA-256 of content).
 */
public record StageRun(String stage, String subject, String inputHash, Map<String, String> outputs, Instant finishedAt) {
    public StageRun {
        outputs = Map.copyOf(outputs);
    }
}
