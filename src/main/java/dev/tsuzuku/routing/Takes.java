package dev.tsuzuku.routing;

import dev.tsuzuku.video.CostEstimator;
import dev.tsuzuku.video.KeyframeProvider;
import dev.tsuzuku.video.KeyframeRequest;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.video.Usage;
import dev.tsuzuku.video.VideoProvider;
import java.nio.file.Path;

/**
 * Port: how a keyframe or a video take is actually obtained once routing, the gate and the
 * budget said yes: through the durable task engine (the composition root's choice), or directly
 * ({@link DirectTakes}). Either way it returns only when the request has settled.
 */
public interface Takes {

    /** A settled request: the stored file, or why there is none. */
    record Result(Path file, Usage usage, Path lastFrame, String failure, boolean providerDark, String taskId) {
        public boolean ok() {
            return file != null;
        }

        public static Result failed(String why, boolean dark, String taskId) {
            return new Result(null, null, null, why, dark, taskId);
        }
    }

    /** What identifies the shot: series, episode, shot index. */
    record ShotRef(String series, int episode, int shot) {}

    Result video(ShotRef shot, VideoProvider provider, TakeRequest request, CostEstimator.Estimate estimate, Path lastFrame);

    Result keyframe(ShotRef shot, KeyframeProvider provider, KeyframeRequest request, CostEstimator.Estimate estimate, Path target);

    /**
     * Whether several shots may ask at once: true when something holds each provider account to
     * its concurrency (the task engine); false (the default) runs an episode's shots one by one.
     */
    default boolean concurrent() {
        return false;
    }
}
