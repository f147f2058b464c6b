package dev.tsuzuku.video;

import java.nio.file.Path;

/**
 * Port: an image model that draws a shot's keyframe from a prompt and reference images.
 * Image APIs answer synchronously (seconds, no task id), so {@link #generate} is one HTTP call
 * that returns or throws a classified {@link dev.tsuzuku.provider.ProviderException}; there is
 * no polling and nothing sleeps.
 */
public interface KeyframeProvider {

    String name();

    /** How many reference images one request may carry. */
    int maxReferenceImages();

    Keyframe generate(KeyframeRequest request);

    /** Writes the keyframe's image to {@code target} atomically (downloading it if it is a URL). */
    Path save(Keyframe keyframe, Path target);
}
