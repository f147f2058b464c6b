package dev.tsuzuku.voice;

import java.nio.file.Path;

/** A spoken line's WAV placed on the episode timeline at a global frame (at the storyboard's fps). */
public record PlacedSpeech(int startFrame, Path wav) {
    public PlacedSpeech {
        if (startFrame < 0) {
            throw new IllegalArgumentException("startFrame must be >= 0, was " + startFrame + " for " + wav);
        }
        if (wav == null) {
            throw new IllegalArgumentException("wav must not be null (startFrame " + startFrame + ")");
        }
    }
}
