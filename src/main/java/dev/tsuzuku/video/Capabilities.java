package dev.tsuzuku.video;

import java.util.List;

/**
 * What a video provider's API can take and give back, so routing can pick a provider that fits
 * a shot before paying for a refusal.
 *
 * @param textOnly           accepts a prompt without any image
 * @param lastFrame          accepts a last frame with the first
 * @param maxReferenceImages reference images (character sheets) per request; 0 = none
 * @param returnsLastFrame   can return the take's last frame for chaining the next shot
 * @param findsByKey         can find a task by the idempotency key alone (crash between the
 *                           submit call and recording its id); otherwise only by task id
 * @param durations          the allowed durations in seconds
 */
public record Capabilities(boolean textOnly, boolean lastFrame, int maxReferenceImages, boolean returnsLastFrame,
        boolean findsByKey, List<Integer> durations) {

    public Capabilities {
        durations = List.copyOf(durations);
    }

    public static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }
}
