package dev.tsuzuku.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A local HTTP stub of Seedance's content generation task API (provider-apis.md §1): create, get,
 * list, with the documented task object and {@code {"error":{…}}} bodies, a queue limit, random 429s
 * (with Retry-After) and 5xx, and outcomes chosen by the prompt: {@code expire-once} expires its
 * first task, {@code blood} is refused by output moderation, {@code always-fail} fails every time.
 * A task is queued at its first GET, running at its second and finished from its third. It counts
 * every create by the request's {@code safety_identifier}, so tests can prove no key was paid twice.
 */
public final class SeedanceStub implements AutoCloseable {
    public static final String KEY = "ark-test-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code updatedAt[0]}: when the task last changed state (unix seconds, as documented), for {@code updated_at}. */
    record Task(String id, String tag, String prompt, long createdAt, String outcome, int[] gets, long[] updatedAt) {}

    private final HttpServer server;
    private final byte[] clip;
    private final Supplier<Instant> clock;
    private final Random random;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    final Map<String, Integer> creates = new LinkedHashMap<>();
    private final Map<String, Integer> promptCreates = new LinkedHashMap<>();
    volatile double p429;
    public volatile double p5xx;
    volatile int queueLimit = Integer.MAX_VALUE;
    public volatile int getsToFinish = 3;
    /** Runs after a task is created and before the answer is sent (with the count of creates so far). */
    public volatile java.util.function.IntConsumer beforeAnswer = n -> { };
    /** Runs when an output download is asked for, before any byte is sent (with the count of downloads so far). */
    public volatile java.util.function.IntConsumer beforeDownload = n -> { };
    private final java.util.concurrent.atomic.AtomicInteger downloads = new java.util.concurrent.atomic.AtomicInteger();
    private int active;
    private int maxActive;
    private int refused;

    public SeedanceStub(byte[] clip, Supplier<Instant> clock, long seed) throws IOException {
        this.clip = clip.clone();
        this.clock = clock;
        this.random = new Random(seed);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v3/contents/generations/tasks", this::tasks);
        server.createContext("/files/", this::file);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3");
    }

    public synchronized int maxActive() {
        return maxActive;
    }

    synchronized int refused() {
        return refused;
    }

    public synchronized int totalCreates() {
        return creates.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Output downloads asked for so far. */
    public int downloads() {
        return downloads.get();
    }

    public synchronized Map<String, Integer> createsByTag() {
        return new LinkedHashMap<>(creates);
    }

    /** The provider goes dark: the port stops answering. */
    void dark() {
        server.stop(0);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void tasks(HttpExchange ex) throws IOException {
        try (ex) {
            if (!("Bearer " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                error(ex, 401, "AuthenticationError", "The API key in the request is missing or invalid.");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            synchronized (this) {
                if (random.nextDouble() < p5xx) {
                    refused++;
                    error(ex, 500, "InternalServiceError", "The service encountered an unexpected internal error.");
                    return;
                }
            }
            if (method.equals("POST") && path.endsWith("/tasks")) {
                create(ex);
            } else if (method.equals("GET") && path.endsWith("/tasks")) {
                list(ex);
            } else if (method.equals("GET")) {
                get(ex, path.substring(path.lastIndexOf('/') + 1));
            } else {
                error(ex, 404, "NotFound", "no route");
            }
        }
    }

    private void create(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        String tag = body.path("safety_identifier").asText("");
        String prompt = body.path("content").path(0).path("text").asText("");
        Task task;
        synchronized (this) {
            if (random.nextDouble() < p429) {
                refused++;
                ex.getResponseHeaders().add("Retry-After", "1");
                error(ex, 429, "RateLimitExceeded.EndpointRPMExceeded", "The Requests Per Minute (RPM) limit of the"
                        + " associated endpoint for your account has been exceeded.");
                return;
            }
            if (active >= queueLimit) {
                refused++;
                error(ex, 429, "QueueLimitExceeded", "too many queued tasks for this account (queue limit)");
                return;
            }
            int n = promptCreates.merge(prompt, 1, Integer::sum);
            String outcome = prompt.contains("blood") ? "moderated" : prompt.contains("always-fail") ? "failed"
                    : prompt.contains("expire-once") && n == 1 ? "expired" : "succeeded";
            String id = String.format("cgt-20261201090000-%05d", tasks.size() + 1);
            long now = clock.get().getEpochSecond();
            task = new Task(id, tag, prompt, now, outcome, new int[1], new long[] {now});
            tasks.put(id, task);
            creates.merge(tag, 1, Integer::sum);
            active++;
            maxActive = Math.max(maxActive, active);
        }
        beforeAnswer.accept(totalCreates());
        send(ex, 200, JSON.createObjectNode().put("id", task.id()));
    }

    private void get(HttpExchange ex, String id) throws IOException {
        ObjectNode o;
        synchronized (this) {
            Task t = tasks.get(id);
            if (t == null) {
                error(ex, 404, "ResourceNotFound", "The specified task " + id + " is not found.");
                return;
            }
            int n = ++t.gets()[0];
            if (n == getsToFinish) {
                active--;
            }
            if (n == 2 || n == getsToFinish) {
                t.updatedAt()[0] = clock.get().getEpochSecond(); // running, then ended
            }
            o = task(t, n);
        }
        send(ex, 200, o);
    }

    private void list(HttpExchange ex) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        synchronized (this) {
            ArrayNode items = out.putArray("items");
            List<Task> all = new ArrayList<>(tasks.values());
            java.util.Collections.reverse(all);
            for (Task t : all) {
                items.add(task(t, Math.max(1, t.gets()[0])));
            }
            out.put("total", all.size());
        }
        send(ex, 200, out);
    }

    private ObjectNode task(Task t, int gets) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", t.id());
        o.put("model", "doubao-seedance-1-5-pro-251215");
        o.put("safety_identifier", t.tag());
        o.put("created_at", t.createdAt());
        o.put("updated_at", t.updatedAt()[0]);
        o.put("ratio", "9:16");
        o.put("resolution", "720p");
        o.put("duration", 5);
        o.put("seed", 11);
        if (gets < getsToFinish) {
            o.put("status", gets <= 1 ? "queued" : "running");
            o.putNull("error");
            return o;
        }
        switch (t.outcome()) {
            case "succeeded" -> {
                o.put("status", "succeeded");
                o.putObject("content").put("video_url", "http://127.0.0.1:" + server.getAddress().getPort()
                        + "/files/" + t.id() + ".mp4?X-Tos-Expires=86400");
                o.putObject("usage").put("completion_tokens", 102960).put("total_tokens", 102960);
            }
            case "expired" -> o.put("status", "expired");
            case "moderated" -> {
                o.put("status", "failed");
                o.putObject("error").put("code", "OutputVideoSensitiveContentDetected")
                        .put("message", "The request failed because the output video may contain sensitive information.");
            }
            default -> {
                o.put("status", "failed");
                o.putObject("error").put("code", "InternalServiceError").put("message", "generation failed");
            }
        }
        return o;
    }

    private void file(HttpExchange ex) throws IOException {
        try (ex) {
            beforeDownload.accept(downloads.incrementAndGet());
            ex.getResponseHeaders().add("Content-Type", "video/mp4");
            ex.sendResponseHeaders(200, clip.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(clip);
            }
        }
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("error").put("code", code).put("message", message + " Request id: 0217").put("param", "")
                .put("type", status == 429 ? "TooManyRequests" : "");
        send(ex, status, o);
    }

    private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
