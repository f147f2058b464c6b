package dev.tsuzuku.app;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.process.ProcessRunner;
import dev.tsuzuku.serve.Library;
import dev.tsuzuku.serve.NextDrop;
import dev.tsuzuku.serve.PlayerRoutes;
import dev.tsuzuku.serve.PlayerServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code tsuzuku bench serve}: the server and nginx (Debian's, started here on a free port with a
 * generated config) serve the same files from a temporary folder; wrk, a second process on
 * loopback, drives each in turn. Prints the catalogue's requests per second and p99, and the
 * throughput of a whole MP4, of 1 MiB MP4 ranges and of an HLS segment against nginx's, with the
 * ratio (target: at least {@link #TARGET} of nginx on the media files).
 */
public final class ServeBench {
    public static final double TARGET = 0.80;
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TRANSFER = Pattern.compile("Transfer/sec:\\s+([0-9.]+)([KMGT]?B)");
    private static final Pattern P99 = Pattern.compile("\\n\\s*99%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private ServeBench() {}

    /** What one wrk run measured. */
    public record Wrk(double requestsPerSecond, double bytesPerSecond, double p99Millis, long failures) {}

    /** One line of the table: the same request against the server and against nginx (null: not compared). */
    public record Row(String what, Wrk server, Wrk nginx) {
        public double ratio() {
            return nginx == null || nginx.bytesPerSecond() == 0 ? Double.NaN : server.bytesPerSecond() / nginx.bytesPerSecond();
        }
    }

    /** Reads wrk's report (run with --latency). */
    static Wrk parse(String out) {
        Matcher rps = RPS.matcher(out);
        Matcher transfer = TRANSFER.matcher(out);
        if (!rps.find() || !transfer.find()) {
            throw new TsuzukuException("wrk printed no result:\n" + out.strip());
        }
        double bytes = Double.parseDouble(transfer.group(1)) * switch (transfer.group(2)) {
            case "KB" -> 1024.0;
            case "MB" -> 1024.0 * 1024;
            case "GB" -> 1024.0 * 1024 * 1024;
            case "TB" -> 1024.0 * 1024 * 1024 * 1024;
            default -> 1.0;
        };
        double p99 = Double.NaN;
        Matcher m = P99.matcher(out);
        if (m.find()) {
            p99 = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                case "us" -> 0.001;
                case "s" -> 1000.0;
                default -> 1.0;
            };
        }
        long failures = 0;
        Matcher bad = NON_2XX.matcher(out);
        if (bad.find()) {
            failures += Long.parseLong(bad.group(1));
        }
        Matcher err = ERRORS.matcher(out);
        if (err.find()) {
            for (int i = 1; i <= 4; i++) {
                failures += Long.parseLong(err.group(i));
            }
        }
        return new Wrk(Double.parseDouble(rps.group(1)), bytes, p99, failures);
    }

    /** The table as printed. */
    static List<String> render(List<Row> rows) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-26s %12s %10s %14s %14s %7s", "request", "server req/s", "p99 ms", "server MB/s", "nginx MB/s", "ratio"));
        for (Row r : rows) {
            out.add(String.format(Locale.ROOT, "%-26s %12.0f %10.2f %14.1f %14s %7s%s", r.what(), r.server().requestsPerSecond(),
                    r.server().p99Millis(), r.server().bytesPerSecond() / (1 << 20),
                    r.nginx() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.nginx().bytesPerSecond() / (1 << 20)),
                    r.nginx() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.ratio()),
                    r.server().failures() + (r.nginx() == null ? 0 : r.nginx().failures()) > 0 ? "  (failed requests!)" : ""));
        }
        return out;
    }

    /** Runs the whole bench, {@code seconds} per wrk run, and prints as it goes. */
    public static List<Row> run(int seconds, int connections, Consumer<String> say) {
        Path nginx = program("nginx", "/usr/sbin/nginx");
        Path wrk = program("wrk", "/usr/bin/wrk");
        Path root;
        try {
            root = Files.createTempDirectory("tsuzuku-bench-serve");
        } catch (IOException e) {
            throw new TsuzukuException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        try (PlayerServer server = new PlayerServer(List.of(new PlayerRoutes(library(root), NextDrop.NONE, Clock.systemUTC())))) {
            server.start("127.0.0.1", 0);
            String catalogue = get(server.baseUrl() + "/api/catalogue");
            Matcher tag = Pattern.compile("/media/bench/1/([0-9a-f]{16})/").matcher(catalogue);
            if (!tag.find()) {
                throw new TsuzukuException("the catalogue lists no episode 1:\n" + catalogue);
            }
            String media = "/media/bench/1/" + tag.group(1) + "/";
            int nginxPort = freePort();
            Path conf = nginxConfig(root, nginxPort);
            ProcessRunner runner = ProcessRunner.local();
            ProcessRunner.Result started = runner.run(ProcessRunner.Request.of(List.of(nginx.toString(), "-c", conf.toString(), "-p", root.toString()))
                    .timeout(Duration.ofSeconds(20)));
            if (started.exitCode() != 0) {
                throw new TsuzukuException("nginx did not start: " + started.stderr().strip());
            }
            Thread stopper = new Thread(() -> stopNginx(nginx, conf, root), "bench-nginx-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                String ng = "http://127.0.0.1:" + nginxPort;
                get(ng + media + "episode.mp4", 32L << 20); // nginx is up and serves the same bytes
                say.accept("server " + server.baseUrl() + ", nginx " + ng + "; wrk " + seconds + " s per run, " + connections + " connections");
                rows.add(row("catalogue (JSON API)", wrk, server.baseUrl() + "/api/catalogue", null, seconds, connections, List.of(), say));
                rows.add(row("MP4 whole (32 MiB)", wrk, server.baseUrl() + media + "episode.mp4", ng + media + "episode.mp4",
                        seconds, Math.max(2, connections / 4), List.of(), say));
                rows.add(row("MP4 1 MiB ranges", wrk, server.baseUrl() + media + "episode.mp4", ng + media + "episode.mp4",
                        seconds, connections, List.of("-H", "Range: bytes=1048576-2097151"), say));
                rows.add(row("HLS segment 720 (640 KiB)", wrk, server.baseUrl() + media + "hls/720/seg_00001.m4s",
                        ng + media + "hls/720/seg_00001.m4s", seconds, connections, List.of(), say));
                rows.add(row("HLS segment 1080 (2 MiB)", wrk, server.baseUrl() + media + "hls/1080/seg_00001.m4s",
                        ng + media + "hls/1080/seg_00001.m4s", seconds, connections, List.of(), say));
            } finally {
                stopNginx(nginx, conf, root);
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            }
        } finally {
            delete(root);
        }
        render(rows).forEach(say);
        double worst = rows.stream().filter(r -> r.nginx() != null).mapToDouble(Row::ratio).min().orElse(Double.NaN);
        say.accept(String.format(Locale.ROOT, "media throughput vs nginx: worst %.0f%% (target >= %.0f%%) %s", 100 * worst, 100 * TARGET,
                worst >= TARGET ? "ok" : "BELOW TARGET"));
        return rows;
    }

    private static Row row(String what, Path wrk, String serverUrl, String nginxUrl, int seconds, int connections, List<String> extra,
            Consumer<String> say) {
        wrk(wrk, serverUrl, Math.min(2, seconds), connections, extra); // warm-up: the JIT compiles the path first
        Wrk s = wrk(wrk, serverUrl, seconds, connections, extra);
        Wrk n = nginxUrl == null ? null : wrk(wrk, nginxUrl, seconds, connections, extra);
        Row r = new Row(what, s, n);
        say.accept(render(List.of(r)).get(1));
        return r;
    }

    private static Wrk wrk(Path wrk, String url, int seconds, int connections, List<String> extra) {
        List<String> cmd = new ArrayList<>(List.of(wrk.toString(), "-t", "2", "-c", Integer.toString(connections),
                "-d", seconds + "s", "--latency"));
        cmd.addAll(extra);
        cmd.add(url);
        ProcessRunner.Result r = ProcessRunner.local().run(ProcessRunner.Request.of(cmd).timeout(Duration.ofSeconds(seconds + 30L)));
        if (r.exitCode() != 0) {
            throw new TsuzukuException("wrk failed (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        return parse(r.stdout());
    }

    /** One released episode with a 32 MiB "MP4" and two HLS segments (seeded random bytes), and 29 small ones for the catalogue. */
    private static Library library(Path root) {
        List<Library.Episode> episodes = new ArrayList<>();
        Random random = new Random(42);
        try {
            for (int n = 1; n <= 30; n++) {
                Path dir = Files.createDirectories(root.resolve("media/bench/" + n));
                write(dir.resolve("episode.mp4"), n == 1 ? 32 << 20 : 4096, random);
                Files.writeString(dir.resolve("episode.vtt"), "WEBVTT\n\n00:00.000 --> 00:02.000\nline " + n + "\n");
                write(dir.resolve("cover.jpg"), 80_000, random);
                write(dir.resolve("thumb.jpg"), 12_000, random);
                Files.writeString(dir.resolve("manifest.json"), "{\"durationSeconds\": 150.0, \"hook\": {\"text\": \"Who rang the bell?\"},"
                        + " \"shots\": [{\"index\": 0, \"seconds\": 4.0}]}");
                if (n == 1) {
                    Files.createDirectories(dir.resolve("hls/720"));
                    Files.createDirectories(dir.resolve("hls/1080"));
                    Files.writeString(dir.resolve("hls/master.m3u8"), "#EXTM3U\n");
                    write(dir.resolve("hls/720/seg_00001.m4s"), 640 << 10, random);
                    write(dir.resolve("hls/1080/seg_00001.m4s"), 2 << 20, random);
                }
                episodes.add(new Library.Episode(n, "Episode " + n, dir));
            }
        } catch (IOException e) {
            throw new TsuzukuException("cannot write the bench's files in " + root + ": " + e.getMessage(), e);
        }
        List<Library.Episode> released = List.copyOf(episodes);
        return new Library() {
            @Override
            public List<Series> series() {
                return List.of(new Series("bench", "Bench", "en"));
            }

            @Override
            public List<Episode> released(String seriesId) {
                return seriesId.equals("bench") ? released : List.of();
            }
        };
    }

    /**
     * nginx over the same files: the URL's edition segment is dropped by a regex location, so the
     * same paths reach the same bytes. sendfile on, no access log, one worker per core.
     */
    static String nginxConf(Path root, int port, boolean asRoot) {
        String files = root.resolve("media").toAbsolutePath().toString();
        String tmp = root.resolve("nginx-tmp").toAbsolutePath().toString();
        return (asRoot ? "user root;\n" : "")
                + "worker_processes auto;\n"
                + "pid " + root.resolve("nginx.pid").toAbsolutePath() + ";\n"
                + "error_log " + root.resolve("nginx-error.log").toAbsolutePath() + " warn;\n"
                + "events { worker_connections 1024; }\n"
                + "http {\n"
                + "  access_log off;\n"
                + "  sendfile on; tcp_nopush on; keepalive_requests 100000;\n"
                + "  client_body_temp_path " + tmp + "/body; proxy_temp_path " + tmp + "/proxy; fastcgi_temp_path " + tmp + "/fastcgi;\n"
                + "  uwsgi_temp_path " + tmp + "/uwsgi; scgi_temp_path " + tmp + "/scgi;\n"
                + "  types { video/mp4 mp4; video/iso.segment m4s; application/vnd.apple.mpegurl m3u8; text/vtt vtt; image/jpeg jpg; }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + "    location ~ \"^/media/([a-z0-9-]+)/([0-9]+)/[0-9a-f]{16}/(.+)$\" {\n"
                + "      alias " + files + "/$1/$2/$3;\n"
                + "      add_header Cache-Control \"public, max-age=31536000, immutable\";\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
    }

    private static Path nginxConfig(Path root, int port) {
        try {
            Files.createDirectories(root.resolve("nginx-tmp"));
            Path conf = root.resolve("nginx.conf");
            boolean asRoot = "root".equals(System.getProperty("user.name"));
            Files.writeString(conf, nginxConf(root, port, asRoot));
            return conf;
        } catch (IOException e) {
            throw new TsuzukuException("cannot write nginx's config in " + root + ": " + e.getMessage(), e);
        }
    }

    private static void stopNginx(Path nginx, Path conf, Path root) {
        if (Files.isRegularFile(root.resolve("nginx.pid"))) {
            ProcessRunner.local().run(ProcessRunner.Request.of(List.of(nginx.toString(), "-c", conf.toString(), "-p", root.toString(), "-s", "stop"))
                    .timeout(Duration.ofSeconds(20)));
        }
    }

    private static Path program(String name, String usual) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new TsuzukuException(name + " is not installed (" + usual + "); the bench compares against nginx driven by wrk:"
                + " apt-get install nginx wrk (scripts/setup.sh installs both)");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new TsuzukuException("no free port for nginx: " + e.getMessage(), e);
        }
    }

    private static String get(String url) {
        return get(url, -1);
    }

    private static String get(String url, long expectBytes) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || expectBytes >= 0 && r.body().length != expectBytes) {
                throw new TsuzukuException("GET " + url + " gave " + r.statusCode() + " with " + r.body().length + " bytes");
            }
            return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TsuzukuException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TsuzukuException("interrupted", e);
        }
    }

    private static void write(Path file, int bytes, Random random) throws IOException {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        Files.write(file, b);
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a temporary folder (nginx may still be removing its pid file): the system cleans it
        }
    }
}
