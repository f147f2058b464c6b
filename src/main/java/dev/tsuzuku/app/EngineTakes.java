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
 * crash and verifies the clip or keyframe; a moderated take's softened rewrite stands in for it.
 */
final class EngineTakes implements Takes {
    private final TakeEngine engine;
    private final Path root;
    private final Duration timeout;

    EngineTakes(TakeEngine engine, Path root, Duration timeout) {
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
     * Keyframes go through the engine too ({@link TakeEngine#requestKeyframe}): the intent is in
     * the ledger before the call, the engine's retries are rescheduled jobs, never a sleep, and
     * the verified image is copied to {@code target}, where the shot's video take looks for it.
     */
    @Override
    public Result keyframe(ShotRef shot, KeyframeProvider provider, KeyframeRequest request, CostEstimator.Estimate estimate,
            Path target) {
        long id = engine.requestKeyframe(new ShotKey(shot.series(), shot.episode(), shot.shot()), provider.name(), request,
                estimate);
        Result r = settle(shot, id);
        if (!r.ok()) {
            return r;
        }
        try {
            dev.tsuzuku.workspace.AtomicFiles.write(target, java.nio.file.Files.readAllBytes(r.file()));
        } catch (java.io.IOException e) {
            return Result.failed("the verified keyframe " + r.file().getFileName() + " cannot be read: " + e.getMessage(), false,
                    r.taskId());
        }
        return new Result(target, r.usage(), null, null, false, r.taskId());
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
