package dev.tsuzuku.app;

import dev.tsuzuku.generate.ShotKey;
import dev.tsuzuku.generate.Take;
import dev.tsuzuku.generate.TakeEngine;
import dev.tsuzuku.generate.TakeState;
import dev.tsuzuku.routing.Takes;
import dev.tsuzuku.video.CostEstimator;
import dev.tsuzuku.video.KeyframeProvider;
import dev.tsuzuku.video.KeyframeRequest;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.video.Usage;
import dev.tsuzuku.video.VideoProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes through the durable task engine ({@link TakeEngine}, decision 0021): the intent is
 * recorded and the take job scheduled, then this waits for the episode's takes to settle. The
 * engine retries, softens a moderated prompt once, holds account concurrency, reconciles after a
 * crash and verifies the clip; a moderated take's softened rewrite stands in for it.
 */
final class EngineTakes implements Takes {
    private final TakeEngine engine;
    private final Path root;
    private final Duration timeout;

    private final Takes direct;

    EngineTakes(TakeEngine engine, Path root, Duration timeout, Takes direct) {
        this.direct = direct;
        this.engine = engine;
        this.root = root;
        this.timeout = timeout;
    }

    @Override
    public Result video(ShotRef shot, VideoProvider provider, TakeRequest request, CostEstimator.Estimate estimate,
            Path lastFrame) {
        long id = engine.request(new ShotKey(shot.series(), shot.episode(), shot.shot()), provider.name(), request, estimate);
        return settle(shot, id);
    }

    /**
     * Keyframes are one synchronous call each: they go {@code direct}ly (the engine's keyframe
     * flow, {@code TakeEngine.requestKeyframe}, re-asks for the image on every step in manual mode
     * as of this merge).
     */
    @Override
    public Result keyframe(ShotRef shot, KeyframeProvider provider, KeyframeRequest request, CostEstimator.Estimate estimate,
            Path target) {
        return direct.keyframe(shot, provider, request, estimate, target);
    }

    private Result settle(ShotRef shot, long id) {
        engine.awaitSettled(shot.series(), shot.episode(), timeout);
        Take t = engine.take(id).orElseThrow();
        if (t.state() == TakeState.MODERATED) {
            // the engine tried a softened prompt once: its rewrite is the take
            Optional<Take> rewrite = engine.takes(shot.series(), shot.episode()).stream()
                    .filter(o -> Long.valueOf(id).equals(o.softenedFrom())).max(Comparator.comparingLong(Take::id));
            if (rewrite.isPresent()) {
                t = rewrite.get();
            }
        }
        if (t.state() == TakeState.VERIFIED && t.file() != null) {
            Usage usage = t.usageUnit() == null || t.usageAmount() == null ? null : new Usage(t.usageUnit(), t.usageAmount());
            return new Result(root.resolve(t.file()), usage, null, null, false, t.taskId());
        }
        String why = t.state().name().toLowerCase(Locale.ROOT) + (t.failure() == null ? "" : ": " + t.failure());
        boolean dark = t.failure() != null && t.failure().toLowerCase(Locale.ROOT).contains("dark");
        return Result.failed(why, dark, t.taskId());
    }
}
