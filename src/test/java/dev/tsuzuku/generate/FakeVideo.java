package dev.tsuzuku.generate;

import dev.tsuzuku.provider.FailureKind;
import dev.tsuzuku.provider.ProviderException;
import dev.tsuzuku.provider.ProviderFailure;
import dev.tsuzuku.video.Capabilities;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.video.TaskState;
import dev.tsuzuku.video.Usage;
import dev.tsuzuku.video.VideoProvider;
import dev.tsuzuku.video.VideoTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** An in-process video provider with scripted faults, counting what it was asked. */
final class FakeVideo implements VideoProvider {
    /** What one submit call does. */
    enum Fault { NONE, RATE_LIMIT, CONCURRENCY, SERVER_5XX, CREATED_THEN_TIMEOUT, TIMEOUT_NOT_CREATED, MODERATED_INPUT, BAD_REQUEST }

    record Task(String id, String key, String prompt, int[] polls, ProviderFailure outcome) {}

    private final String name;
    private final boolean findsByKey;
    private final Path clip;
    final Map<String, Integer> submissionsByKey = new ConcurrentHashMap<>();
    final List<String> prompts = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<String, Task> tasks = new ConcurrentHashMap<>();
    final Deque<Fault> submitFaults = new ArrayDeque<>();
    Function<TakeRequest, ProviderFailure> outcome = r -> null;
    Duration retryAfter;
    int pollsToFinish = 2;
    boolean dark;
    int inFlight;
    int maxInFlight;
    int limit = Integer.MAX_VALUE;
    int polls;
    /** Downloads that fail (a 503) before the next one works. */
    int downloadFailures;

    FakeVideo(String name, boolean findsByKey, Path clip) {
        this.name = name;
        this.findsByKey = findsByKey;
        this.clip = clip;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, false, 0, false, findsByKey, List.of(5));
    }

    int submissions() {
        return submissionsByKey.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public synchronized String submit(TakeRequest request) {
        if (dark) {
            throw new ProviderException(name, new ProviderFailure(FailureKind.UNREACHABLE, 0, "", "connection refused"));
        }
        Fault fault = submitFaults.isEmpty() ? Fault.NONE : submitFaults.pop();
        switch (fault) {
            case RATE_LIMIT -> throw new ProviderException(name, new ProviderFailure(FailureKind.RATE_LIMITED, 429, "429",
                    "slow down"), retryAfter, null);
            case CONCURRENCY -> throw new ProviderException(name, new ProviderFailure(FailureKind.CONCURRENCY_LIMIT, 429,
                    "1303", "parallel task over resource pack limit"));
            case SERVER_5XX -> throw new ProviderException(name, new ProviderFailure(FailureKind.SERVER_ERROR, 503, "", "busy"));
            case TIMEOUT_NOT_CREATED -> throw new ProviderException(name, new ProviderFailure(FailureKind.TIMEOUT, 0, "",
                    "no answer"));
            case MODERATED_INPUT -> throw new ProviderException(name, new ProviderFailure(FailureKind.MODERATION, 400,
                    "InputTextSensitiveContentDetected", "sensitive"));
            case BAD_REQUEST -> throw new ProviderException(name, new ProviderFailure(FailureKind.INVALID_REQUEST, 400,
                    "InvalidParameter", "bad"));
            default -> { }
        }
        if (inFlight >= limit) {
            throw new ProviderException(name, new ProviderFailure(FailureKind.CONCURRENCY_LIMIT, 429, "1303", "over limit"));
        }
        submissionsByKey.merge(request.idempotencyKey(), 1, Integer::sum);
        prompts.add(request.prompt());
        String id = "task-" + (tasks.size() + 1);
        tasks.put(id, new Task(id, request.idempotencyKey(), request.prompt(), new int[1], outcome.apply(request)));
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        if (fault == Fault.CREATED_THEN_TIMEOUT) {
            throw new ProviderException(name, new ProviderFailure(FailureKind.TIMEOUT, 0, "", "answer lost"));
        }
        return id;
    }

    @Override
    public synchronized VideoTask poll(String taskId) {
        if (dark) {
            throw new ProviderException(name, new ProviderFailure(FailureKind.UNREACHABLE, 0, "", "connection refused"));
        }
        polls++;
        Task t = tasks.get(taskId);
        if (t == null) {
            throw new ProviderException(name, new ProviderFailure(FailureKind.NOT_FOUND, 404, "", "no such task"));
        }
        int n = ++t.polls()[0];
        if (n < pollsToFinish) {
            return new VideoTask(taskId, n == 1 ? TaskState.QUEUED : TaskState.RUNNING, "", null, null, null, null,
                    t.key(), null, null);
        }
        if (n == pollsToFinish) {
            inFlight--;
        }
        if (t.outcome() != null) {
            return new VideoTask(taskId, TaskState.FAILED, "failed", null, null, null, t.outcome(), t.key(), null, null);
        }
        return new VideoTask(taskId, TaskState.SUCCEEDED, "succeeded", 1.0, List.of(URI.create("fake://" + taskId)),
                null, null, t.key(), new Usage(Usage.TOKENS, 102960), null);
    }

    @Override
    public synchronized Optional<VideoTask> find(TakeRequest request, Instant since) {
        if (!findsByKey) {
            return Optional.empty();
        }
        return tasks.values().stream().filter(t -> t.key().equals(request.idempotencyKey())).findFirst()
                .map(t -> new VideoTask(t.id(), TaskState.QUEUED, "", null, null, null, null, t.key(), null, null));
    }

    @Override
    public Path download(URI output, Path target) {
        synchronized (this) {
            if (downloadFailures > 0) {
                downloadFailures--;
                throw new ProviderException(name, new ProviderFailure(FailureKind.SERVER_ERROR, 503, "", "cdn busy"));
            }
        }
        return copyClip(clip, target);
    }

    /** Writes the fake output {@code clip} to {@code target}, as a download would. */
    static Path copyClip(Path clip, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(clip, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
