package dev.tsuzuku.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.process.ProcessRunner;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The player's first frame on loopback, as a viewer's browser sees it: Debian's headless Chromium
 * (a phone-sized window, autoplay allowed, the HTTP cache off, local storage cleared before every
 * load) opens the player page again and again through the DevTools protocol, and reads what the
 * page recorded ({@code window.tsuzuku.firstFrame()}: milliseconds from navigation start to the
 * video's {@code loadeddata}, {@code playing} and first painted frame).
 */
final class FirstFrameBench {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WAIT_FOR_FRAME = "new Promise(function (done) {"
            + " var t0 = Date.now();"
            + " (function check() {"
            + "   var f = window.tsuzuku && window.tsuzuku.firstFrame && window.tsuzuku.firstFrame();"
            + "   if (f && f.playing !== undefined && (f.painted !== undefined || !HTMLVideoElement.prototype.requestVideoFrameCallback)) { done(JSON.stringify(f)); }"
            + "   else if (Date.now() - t0 > 20000) { done(JSON.stringify({timeout: true, state: f || null})); }"
            + "   else { setTimeout(check, 10); }"
            + " })(); })";

    private FirstFrameBench() {}

    /** One page load: ms from navigation start, and how the video was fed (hls.js, hls or mp4). */
    record Load(double loadeddata, double playing, double painted, String source) {}

    /** {@code loads} fresh loads of {@code pageUrl}; the browser runs only while they are measured. */
    static List<Load> measure(String pageUrl, int loads) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new TsuzukuException("headless Chromium is missing (" + CHROMIUM + "); apt-get install chromium (scripts/setup.sh installs it)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("tsuzuku-bench-chromium");
        } catch (IOException e) {
            throw new TsuzukuException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        int port = ServeBench.freePort();
        List<Load> out = new ArrayList<>();
        List<String> cmd = List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--window-size=390,844",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=" + port, "--user-data-dir=" + profile, "about:blank");
        try {
            // the DevTools session runs while Chromium does, and ends it with Browser.close
            ProcessRunner.local().run(ProcessRunner.Request.of(cmd).timeout(Duration.ofSeconds(60L + 25L * loads))
                    .stdin(stdin -> out.addAll(session(port, pageUrl, loads))));
        } finally {
            ServeBench.delete(profile);
        }
        if (out.size() != loads) {
            throw new TsuzukuException("headless Chromium measured " + out.size() + " of " + loads + " page loads");
        }
        return out;
    }

    /** The line bench serve prints. */
    static String summary(List<Load> loads) {
        return String.format(Locale.ROOT, "first frame on loopback (headless Chromium, %s, cache off, %d loads): painted median %.0f ms,"
                + " worst %.0f ms; loadeddata median %.0f ms; playing median %.0f ms", loads.get(0).source(), loads.size(),
                median(loads.stream().mapToDouble(Load::painted).toArray()), loads.stream().mapToDouble(Load::painted).max().orElse(Double.NaN),
                median(loads.stream().mapToDouble(Load::loadeddata).toArray()), median(loads.stream().mapToDouble(Load::playing).toArray()));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** What the page's {@code firstFrame()} returned; a timeout is a failure that says how far the page got. */
    static Load load(String json) throws IOException {
        JsonNode f = JSON.readTree(json);
        if (f.path("timeout").asBoolean(false)) {
            throw new TsuzukuException("the player showed no frame within 20 s (it got as far as " + f.path("state") + ")");
        }
        double playing = f.path("playing").asDouble();
        return new Load(f.path("loadeddata").asDouble(playing), playing, f.path("painted").asDouble(playing), f.path("source").asText("?"));
    }

    private static List<Load> session(int port, String pageUrl, int loads) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        String ws = pageSocket(http, port);
        Cdp cdp = new Cdp(http, ws);
        try {
            cdp.call("Page.enable", JSON.createObjectNode());
            cdp.call("Network.enable", JSON.createObjectNode());
            cdp.call("Network.setCacheDisabled", JSON.createObjectNode().put("cacheDisabled", true));
            String origin = URI.create(pageUrl).resolve("/").toString().replaceAll("/$", "");
            List<Load> out = new ArrayList<>();
            for (int i = 0; i < loads; i++) {
                cdp.call("Storage.clearDataForOrigin", JSON.createObjectNode().put("origin", origin).put("storageTypes", "local_storage"));
                CompletableFuture<JsonNode> loaded = cdp.next("Page.loadEventFired");
                cdp.call("Page.navigate", JSON.createObjectNode().put("url", pageUrl));
                cdp.await(loaded, 30);
                JsonNode r = cdp.call("Runtime.evaluate", JSON.createObjectNode().put("expression", WAIT_FOR_FRAME)
                        .put("awaitPromise", true).put("returnByValue", true));
                out.add(load(r.path("result").path("value").asText("{}")));
            }
            return out;
        } finally {
            try {
                cdp.call("Browser.close", JSON.createObjectNode());
            } catch (RuntimeException | IOException closing) {
                // the socket closes as the browser goes
            }
        }
    }

    /** The page target's DevTools socket, once Chromium listens (it takes a moment to start). */
    private static String pageSocket(HttpClient http, int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (JsonNode t : JSON.readTree(r.body())) {
                    if ("page".equals(t.path("type").asText())) {
                        return t.path("webSocketDebuggerUrl").asText();
                    }
                }
            } catch (ConnectException notYet) {
                // Chromium is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new TsuzukuException("headless Chromium did not open its DevTools port within 30 s");
            }
            try {
                Thread.sleep(100); // a bench waiting for a browser to start, not a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** A minimal DevTools protocol client: numbered calls and awaited events over one WebSocket. */
    private static final class Cdp implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<JsonNode>> events = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Cdp(HttpClient http, String url) {
            this.socket = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
        }

        JsonNode call(String method, ObjectNode params) throws IOException {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            calls.put(id, answer);
            ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
            msg.set("params", params);
            socket.sendText(JSON.writeValueAsString(msg), true).join();
            JsonNode r = await(answer, 40);
            if (r.has("error")) {
                throw new TsuzukuException("Chromium refused " + method + ": " + r.path("error"));
            }
            return r.path("result");
        }

        CompletableFuture<JsonNode> next(String event) {
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            events.put(event, f);
            return f;
        }

        JsonNode await(CompletableFuture<JsonNode> f, int seconds) throws IOException {
            try {
                return f.get(seconds, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("no answer from headless Chromium within " + seconds + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode m = JSON.readTree(text);
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = calls.remove(m.path("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    } else {
                        CompletableFuture<JsonNode> f = events.remove(m.path("method").asText());
                        if (f != null) {
                            f.complete(m.path("params"));
                        }
                    }
                } catch (IOException e) {
                    // not JSON: nothing waits for it
                }
            }
            ws.request(1);
            return null;
        }
    }
}
