package dev.tsuzuku.video;

import java.net.URI;
import java.util.List;

/**
 * One video take to generate, in provider-neutral terms. The adapter maps it onto its API and
 * refuses (as {@code INVALID_REQUEST}) what its API cannot express.
 *
 * @param idempotencyKey  derived by the caller from the shot's inputs; sent where the vendor
 *                        keeps it (Kling {@code external_task_id}) or encodes it (Seedance), so a
 *                        crashed submit can be found again instead of paid twice
 * @param prompt          the text prompt
 * @param firstFrame      the keyframe the take starts from, or null for text-to-video
 * @param lastFrame       the frame it should end on, or null
 * @param referenceImages character sheets and style anchors (not with first/last frame on Seedance)
 * @param durationSeconds whole seconds; each provider allows its own set
 * @param ratio           aspect ratio such as {@code 9:16}
 * @param resolution      {@code 480p}, {@code 720p} or {@code 1080p}
 * @param seed            a fixed seed, or null for the vendor's random one
 * @param generateAudio   whether the vendor should add its own audio track
 * @param callbackUrl     where the vendor should POST status changes, or null
 * @param model           the vendor's model id, or null for the adapter's default
 */
public record TakeRequest(
        String idempotencyKey,
        String prompt,
        ImageRef firstFrame,
        ImageRef lastFrame,
        List<ImageRef> referenceImages,
        int durationSeconds,
        String ratio,
        String resolution,
        Long seed,
        boolean generateAudio,
        URI callbackUrl,
        String model) {

    public static final String VERTICAL = "9:16";

    public TakeRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey is required");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt is required");
        }
        if (durationSeconds < 1) {
            throw new IllegalArgumentException("durationSeconds must be >= 1, was " + durationSeconds);
        }
        referenceImages = referenceImages == null ? List.of() : List.copyOf(referenceImages);
        ratio = ratio == null ? VERTICAL : ratio;
        resolution = resolution == null ? "720p" : resolution;
    }

    /** A 9:16, 720p, silent take of {@code seconds} with no images; add the rest with the withers. */
    public static TakeRequest of(String idempotencyKey, String prompt, int seconds) {
        return new TakeRequest(idempotencyKey, prompt, null, null, List.of(), seconds, VERTICAL, "720p", null, false,
                null, null);
    }

    public TakeRequest withFirstFrame(ImageRef image) {
        return new TakeRequest(idempotencyKey, prompt, image, lastFrame, referenceImages, durationSeconds, ratio,
                resolution, seed, generateAudio, callbackUrl, model);
    }

    public TakeRequest withLastFrame(ImageRef image) {
        return new TakeRequest(idempotencyKey, prompt, firstFrame, image, referenceImages, durationSeconds, ratio,
                resolution, seed, generateAudio, callbackUrl, model);
    }

    public TakeRequest withReferenceImages(List<ImageRef> images) {
        return new TakeRequest(idempotencyKey, prompt, firstFrame, lastFrame, images, durationSeconds, ratio,
                resolution, seed, generateAudio, callbackUrl, model);
    }

    public TakeRequest withRatio(String value) {
        return new TakeRequest(idempotencyKey, prompt, firstFrame, lastFrame, referenceImages, durationSeconds, value,
                resolution, seed, generateAudio, callbackUrl, model);
    }

    public TakeRequest withResolution(String value) {
        return new TakeRequest(idempotencyKey, prompt, firstFrame, lastFrame, referenceImages, durationSeconds, ratio,
                value, seed, generateAudio, callbackUrl, model);
    }

    public TakeRequest withSeed(Long value) {
        return new TakeRequest(idempotencyKey, prompt, firstFrame, lastFrame, referenceImages, durationSeconds, ratio,
                resolution, value, generateAudio, callbackUrl, model);
    }

    public TakeRequest withAudio(boolean value) {
        return new TakeRequest(idempotencyKey, prompt, firstFrame, lastFrame, referenceImages, durationSeconds, ratio,
                resolution, seed, value, callbackUrl, model);
    }

    public TakeRequest withCallback(URI value) {
        return new TakeRequest(idempotencyKey, prompt, firstFrame, lastFrame, referenceImages, durationSeconds, ratio,
                resolution, seed, generateAudio, value, model);
    }

    public TakeRequest withModel(String value) {
        return new TakeRequest(idempotencyKey, prompt, firstFrame, lastFrame, referenceImages, durationSeconds, ratio,
                resolution, seed, generateAudio, callbackUrl, value);
    }

    public TakeRequest withPrompt(String value) {
        return new TakeRequest(idempotencyKey, value, firstFrame, lastFrame, referenceImages, durationSeconds, ratio,
                resolution, seed, generateAudio, callbackUrl, model);
    }

    /** The model to use: the request's, or the adapter's default. */
    public String modelOr(String defaultModel) {
        return model == null || model.isBlank() ? defaultModel : model;
    }
}
