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
import java.util.Locale;

/**
 * Takes through the durable task engine ({@link TakeEngine}, decisions 0021, 0032): the intent is
 * recorded and the take job scheduled, then this waits for that take to settle (an episode's
 * shots ask at once, each on its own thread). The engine retries, softens a moderated prompt
 * once, holds account concurrency, reconciles after a crash and verifies the clip or keyframe; a
 * moderated take's softened rewrite stands in for it. A take's last frame, when its provider
 * returned one, is copied to where the next continuous shot looks for it.
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
        Result r = settle(id);
        Take t = engine.await(id, timeout);
        if (!r.ok() || t.lastFrame() == null || lastFrame == null) {
            return r;
        }
        try {
            dev.tsuzuku.workspace.AtomicFiles.write(lastFrame, java.nio.file.Files.readAllBytes(root.resolve(t.lastFrame())));
        } catch (java.io.IOException e) {
            return r; // the clip stands; the next shot starts from its keyframe
        }
        return new Result(r.file(), r.usage(), lastFrame, null, false, r.taskId());
    }

    @Override
    public boolean concurrent() {
        return true;
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
        Result r = settle(id);
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

    private Result settle(long id) {
        // the take, or when it was moderated the softened rewrite the engine tried once
        Take t = engine.await(id, timeout);
        if (t.state() == TakeState.VERIFIED && t.file() != null) {
            Usage usage = t.usageUnit() == null || t.usageAmount() == null ? null : new Usage(t.usageUnit(), t.usageAmount());
            return new Result(root.resolve(t.file()), usage, null, null, false, t.taskId());
        }
        String why = t.state().name().toLowerCase(Locale.ROOT) + (t.failure() == null ? "" : ": " + t.failure());
        boolean dark = t.failure() != null && t.failure().toLowerCase(Locale.ROOT).contains("dark");
        return Result.failed(why, dark, t.taskId());
    }
}
