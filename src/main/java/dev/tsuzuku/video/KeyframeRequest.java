package dev.tsuzuku.video;

import java.util.List;

/**
 * One keyframe to generate: the shot's prompt with the style anchor, the character sheets of
 * the cast in the shot as reference images, and the frame size.
 *
 * @param model   the vendor's model id, or null for the adapter's default
 * @param quality OpenAI's {@code low|medium|high|auto}; ignored by Seedream; null = adapter default
 */
public record KeyframeRequest(String idempotencyKey, String prompt, List<ImageRef> referenceImages, int width,
        int height, Long seed, String quality, String model) {

    public KeyframeRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey is required");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt is required");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be >= 1, were " + width + "x" + height);
        }
        referenceImages = referenceImages == null ? List.of() : List.copyOf(referenceImages);
    }

    /** A portrait keyframe of {@code width x height} with these references. */
    public static KeyframeRequest of(String idempotencyKey, String prompt, List<ImageRef> references, int width,
            int height) {
        return new KeyframeRequest(idempotencyKey, prompt, references, width, height, null, null, null);
    }

    public String modelOr(String defaultModel) {
        return model == null || model.isBlank() ? defaultModel : model;
    }

    public String size() {
        return width + "x" + height;
    }
}
