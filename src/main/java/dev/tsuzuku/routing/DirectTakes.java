package dev.tsuzuku.routing;

import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.video.CostEstimator;
import dev.tsuzuku.video.Keyframe;
import dev.tsuzuku.video.KeyframeProvider;
import dev.tsuzuku.video.KeyframeRequest;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.video.TaskState;
import dev.tsuzuku.video.VideoProvider;
import dev.tsuzuku.video.VideoTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@link Takes} without the task engine: submit, then poll on the caller's thread with an
 * injected {@link AiGenerator.Pause} between polls and after retryable failures; a moderated
 * prompt is softened once. Not durable: a crash mid-take loses the task (the engine's
 * {@code TakeEngine} is what the studio wires when it can).
 */
public final class DirectTakes implements Takes {
    static final int MAX_POLLS = 2_000;
    static final int MAX_RETRIES = 4;

    private final AiGenerator.Pause pause;

    public DirectTakes(AiGenerator.Pause pause) {
        this.pause = pause;
    }

    @Override
    public Result video(ShotRef shot, VideoProvider vp, TakeRequest request, CostEstimator.Estimate estimate, Path lastFrame) {
        boolean softened = false;
        int retries = 0;
        String taskId = null;
        TakeRequest req = request;
        while (true) {
            try {
                if (taskId == null) {
                    taskId = vp.submit(req);
                }
                VideoTask t = poll(vp, taskId);
                if (t.state() == TaskState.SUCCEEDED) {
                    Path file = lastFrame.resolveSibling(lastFrame.getFileName().toString().replace("-last.png", ".mp4"));
                    vp.download(t.video(), file);
                    Path last = null;
                    if (t.lastFrameUrl() != null) {
                        vp.download(t.lastFrameUrl(), lastFrame);
                        last = lastFrame;
                    }
                    return new Result(file, t.usage(), last, null, false, taskId);
                }
                FailureKind kind = t.failure().kind();
                if (kind.moderation() && !softened) {
                    // a flagged prompt is softened once; the same prompt is never sent again
                    softened = true;
                    req = req.withPrompt(AiGenerator.soften(req.prompt()));
                    taskId = null;
                    continue;
                }
                if (kind.retryable() && retries++ < MAX_RETRIES) {
                    taskId = null;
                    pause.pause(backoff(retries));
                    continue;
                }
                return Result.failed(kind.name().toLowerCase(Locale.ROOT), false, taskId);
            } catch (ProviderException e) {
                if (e.retryable() && retries++ < MAX_RETRIES) {
                    pause.pause(e.retryAfter().orElse(backoff(retries)));
                    continue;
                }
                return Result.failed(e.kind().name().toLowerCase(Locale.ROOT), e.retryable(), taskId);
            }
        }
    }

    @Override
    public Result keyframe(ShotRef shot, KeyframeProvider kp, KeyframeRequest req, CostEstimator.Estimate estimate, Path target) {
        for (int attempt = 0;; attempt++) {
            try {
                Keyframe k = kp.generate(req);
                kp.save(k, target);
                return new Result(target, k.usage(), null, null, false, null);
            } catch (ProviderException e) {
                if (e.retryable() && attempt < MAX_RETRIES) {
                    pause.pause(e.retryAfter().orElse(backoff(attempt)));
                    continue;
                }
                return Result.failed(e.kind().name().toLowerCase(Locale.ROOT), e.retryable(), null);
            }
        }
    }

    private VideoTask poll(VideoProvider vp, String taskId) {
        for (int i = 0; i < MAX_POLLS; i++) {
            VideoTask t = vp.poll(taskId);
            if (t.state().finished()) {
                return t;
            }
            pause.pause(Duration.ofSeconds(i < 3 ? 2 : 10));
        }
        throw new ProviderException(vp.name(), new ProviderFailure(FailureKind.TIMEOUT, 0, "",
                "task " + taskId + " did not finish after " + MAX_POLLS + " polls"));
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(Math.min(60, 1L << Math.min(attempt, 6)));
    }
}
