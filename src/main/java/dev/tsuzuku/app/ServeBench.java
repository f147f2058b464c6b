package dev.tsuzuku.app;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.process.ProcessRunner;
import dev.tsuzuku.render.FfmpegBinaries;
import dev.tsuzuku.render.FfmpegProcess;
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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code tsuzuku bench serve}: the server and nginx (Debian's, started here on a free port with a
 * generated config: sendfile on, a worker per core) serve the same files (a produced workspace, or
 * an episode made here with the bundled ffmpeg); wrk, a second process on loopback, drives each with
 * the same threads and connections, in the order server, nginx, nginx, server, so drift on a shared
 * machine falls on both sides. Prints the catalogue's and a playlist's requests per second and p99,
 * and per media kind (whole MP4, 1 MiB ranges, HLS segments) the throughput against nginx's, the
 * ratio (target: at least {@link #TARGET}) and each side's CPU time per request, which a busy
 * machine stretches far less than it stretches throughput.
 */
public final class ServeBench {
    public static final double TARGET = 0.80;
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TRANSFER = Pattern.compile("Transfer/sec:\\s+([0-9.]+)([KMGT]?B)");
    private static final Pattern P99 = Pattern.compile("\\n\\s*99%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private ServeBench() {}

    /** What one wrk run measured ({@code requests}: completed in the run). */
    public record Wrk(double requestsPerSecond, double bytesPerSecond, double p99Millis, long failures, long requests) {}

    /** One wrk run and the CPU time the serving side spent during it (all its processes). */
    public record Run(Wrk wrk, double cpuSeconds) {}

    /**
     * One line of the table: the same request against the server and against nginx, run in the
     * order server, nginx, nginx, server (per round), so drift on a shared machine falls on both
     * sides alike. {@code nginx} empty: not compared (the catalogue is the server's own API).
     */
    public record Row(String what, List<Run> server, List<Run> nginx) {
        /** The server's bytes per second over nginx's, over all runs (same durations on both sides). */
        public double ratio() {
            double n = bytes(nginx);
            return nginx.isEmpty() || n == 0 ? Double.NaN : bytes(server) / n;
        }

        /** The lowest and highest ratio of one server run to the nginx run beside it. */
        public double[] spread() {
            double lo = Double.NaN;
            double hi = Double.NaN;
            for (int i = 0; i < Math.min(server.size(), nginx.size()); i++) {
                double r = server.get(i).wrk().bytesPerSecond() / nginx.get(i).wrk().bytesPerSecond();
                lo = Double.isNaN(lo) ? r : Math.min(lo, r);
                hi = Double.isNaN(hi) ? r : Math.max(hi, r);
            }
            return new double[] {lo, hi};
        }

        static double bytes(List<Run> runs) {
            return runs.stream().mapToDouble(r -> r.wrk().bytesPerSecond()).sum();
        }

        static double rps(List<Run> runs) {
            return runs.stream().mapToDouble(r -> r.wrk().requestsPerSecond()).average().orElse(Double.NaN);
        }

        /** The worst p99 of the runs. */
        static double p99(List<Run> runs) {
            return runs.stream().mapToDouble(r -> r.wrk().p99Millis()).max().orElse(Double.NaN);
        }

        /** CPU microseconds the side spent per request served. */
        static double cpuMicros(List<Run> runs) {
            long requests = runs.stream().mapToLong(r -> r.wrk().requests()).sum();
            return requests == 0 ? Double.NaN : 1e6 * runs.stream().mapToDouble(Run::cpuSeconds).sum() / requests;
        }

        long failures() {
            return java.util.stream.Stream.concat(server.stream(), nginx.stream()).mapToLong(r -> r.wrk().failures()).sum();
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
        Matcher count = REQUESTS.matcher(out);
        long requests = count.find() ? Long.parseLong(count.group(1)) : 0;
        return new Wrk(Double.parseDouble(rps.group(1)), bytes, p99, failures, requests);
    }

    /** The table as printed. */
    static List<String> render(List<Row> rows) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-28s %9s %9s %10s %10s %6s %11s %15s", "request", "req/s", "p99 ms", "MB/s", "nginx MB/s",
                "ratio", "pair range", "CPU us/req s|n"));
        for (Row r : rows) {
            boolean vs = !r.nginx().isEmpty();
            double[] spread = r.spread();
            out.add(String.format(Locale.ROOT, "%-28s %9.0f %9.2f %10.1f %10s %6s %11s %15s%s", r.what(), Row.rps(r.server()),
                    Row.p99(r.server()), Row.bytes(r.server()) / r.server().size() / (1 << 20),
                    vs ? String.format(Locale.ROOT, "%.1f", Row.bytes(r.nginx()) / r.nginx().size() / (1 << 20)) : "-",
                    vs ? String.format(Locale.ROOT, "%.0f%%", 100 * r.ratio()) : "-",
                    vs ? String.format(Locale.ROOT, "%.0f-%.0f%%", 100 * spread[0], 100 * spread[1]) : "-",
                    vs ? String.format(Locale.ROOT, "%.0f|%.0f", Row.cpuMicros(r.server()), Row.cpuMicros(r.nginx()))
                            : String.format(Locale.ROOT, "%.0f", Row.cpuMicros(r.server())),
                    r.failures() > 0 ? "  (failed requests!)" : ""));
        }
        return out;
    }

    /**
     * What to run: seconds per wrk run, connections, ABBA rounds, the workspace to serve (null: a
     * fixture made with ffmpeg) and how many page loads headless Chromium times (0: none).
     */
    public record Options(int seconds, int connections, int rounds, Path workspace, int browserLoads) {}

    /** Runs the whole bench and prints as it goes. */
    public static List<Row> run(Options options, Consumer<String> say) {
        Path nginx = program("nginx", "/usr/sbin/nginx");
        Path wrk = program("wrk", "/usr/bin/wrk");
        Path root;
        try {
            root = Files.createTempDirectory("tsuzuku-bench-serve");
        } catch (IOException e) {
            throw new TsuzukuException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        say.accept("load average at start: " + loadAverage());
        try {
            Fixture fixture = options.workspace() == null ? Fixture.made(root, say) : Fixture.of(options.workspace(), root);
            try (PlayerServer server = new PlayerServer(List.of(new PlayerRoutes(fixture.library(), NextDrop.NONE, Clock.systemUTC())))) {
                server.start("127.0.0.1", 0);
                String catalogue = get(server.baseUrl() + "/api/catalogue");
                Matcher tag = Pattern.compile("/media/bench/" + fixture.first() + "/([0-9a-f]{16})/").matcher(catalogue);
                if (!tag.find()) {
                    throw new TsuzukuException("the catalogue lists no episode " + fixture.first() + ":\n" + catalogue);
                }
                String media = "/media/bench/" + fixture.first() + "/" + tag.group(1) + "/";
                int nginxPort = freePort();
                Path conf = nginxConfig(root, nginxPort);
                ProcessRunner runner = ProcessRunner.local();
                ProcessRunner.Result started = runner.run(ProcessRunner.Request.of(List.of(nginx.toString(), "-c", conf.toString(), "-p",
                        root.toString())).timeout(Duration.ofSeconds(20)));
                if (started.exitCode() != 0) {
                    throw new TsuzukuException("nginx did not start: " + started.stderr().strip());
                }
                Thread stopper = new Thread(() -> stopNginx(nginx, conf, root), "bench-nginx-stop");
                Runtime.getRuntime().addShutdownHook(stopper);
                try {
                    String ng = "http://127.0.0.1:" + nginxPort;
                    long mp4Bytes = Files.size(fixture.dir().resolve("episode.mp4"));
                    get(ng + media + "episode.mp4", mp4Bytes); // nginx is up and serves the same bytes
                    Cpu nginxCpu = Cpu.ofProcessTree(nginxPid(root));
                    Cpu serverCpu = Cpu.ofThisProcess();
                    Bench b = new Bench(wrk, options, say, serverCpu, nginxCpu);
                    say.accept("server " + server.baseUrl() + ", nginx " + ng + " (sendfile, " + Runtime.getRuntime().availableProcessors()
                            + " workers); wrk -t2, " + options.seconds() + " s per run, order server nginx nginx server x " + options.rounds());
                    say.accept("files: " + fixture.what());
                    rows.add(b.row("catalogue (JSON API)", server.baseUrl() + "/api/catalogue", null, options.connections(), List.of()));
                    rows.add(b.row("HLS playlist (1080)", server.baseUrl() + media + "hls/1080/index.m3u8", null, options.connections(),
                            List.of()));
                    rows.add(b.row("MP4 whole (" + mib(mp4Bytes) + ")", server.baseUrl() + media + "episode.mp4", ng + media + "episode.mp4",
                            Math.max(2, options.connections() / 4), List.of()));
                    if (mp4Bytes >= 2L << 20) {
                        rows.add(b.row("MP4 1 MiB ranges", server.baseUrl() + media + "episode.mp4", ng + media + "episode.mp4",
                                options.connections(), List.of("-H", "Range: bytes=1048576-2097151")));
                    }
                    for (String segment : fixture.segments()) {
                        long size = Files.size(fixture.dir().resolve(segment));
                        rows.add(b.row("HLS " + segment.replaceAll("hls/(\\d+)/.*", "$1") + " segment (" + kib(size) + ")",
                                server.baseUrl() + media + segment, ng + media + segment, options.connections(), List.of()));
                    }
                    if (options.browserLoads() > 0) {
                        firstFrame(server.baseUrl() + "/watch/?series=bench", options.browserLoads(), say);
                    }
                } finally {
                    stopNginx(nginx, conf, root);
                    try {
                        Runtime.getRuntime().removeShutdownHook(stopper);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook runs anyway
                    }
                }
            }
        } catch (IOException e) {
            throw new TsuzukuException("the bench's files: " + e.getMessage(), e);
        } finally {
            delete(root);
        }
        render(rows).forEach(say);
        say.accept("load average at end: " + loadAverage());
        double worst = rows.stream().filter(r -> !r.nginx().isEmpty()).mapToDouble(Row::ratio).min().orElse(Double.NaN);
        say.accept(String.format(Locale.ROOT, "media throughput vs nginx: worst %.0f%% (target >= %.0f%%) %s", 100 * worst, 100 * TARGET,
                worst >= TARGET ? "ok" : "BELOW TARGET"));
        return rows;
    }

    private static void firstFrame(String page, int loads, Consumer<String> say) {
        if (!Files.isExecutable(FirstFrameBench.CHROMIUM)) {
            say.accept("first frame: not measured, headless Chromium is missing (apt-get install chromium)");
            return;
        }
        List<FirstFrameBench.Load> measured = FirstFrameBench.measure(page, loads);
        say.accept(FirstFrameBench.summary(measured));
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%d KiB", bytes >> 10);
    }

    /** The wrk runs of one bench, with each side's CPU meter. */
    private record Bench(Path wrkProgram, Options options, Consumer<String> say, Cpu serverCpu, Cpu nginxCpu) {
        Row row(String what, String serverUrl, String nginxUrl, int connections, List<String> extra) {
            int warm = Math.min(2, options.seconds());
            ServeBench.wrk(wrkProgram, serverUrl, warm, connections, extra); // the JIT compiles the path first
            if (nginxUrl != null) {
                ServeBench.wrk(wrkProgram, nginxUrl, warm, connections, extra);
            }
            List<Run> server = new ArrayList<>();
            List<Run> nginx = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                server.add(measure(serverCpu, serverUrl, connections, extra));
                if (nginxUrl != null) {
                    nginx.add(measure(nginxCpu, nginxUrl, connections, extra));
                    nginx.add(measure(nginxCpu, nginxUrl, connections, extra));
                }
                server.add(measure(serverCpu, serverUrl, connections, extra));
            }
            Row r = new Row(what, server, nginx);
            say.accept(render(List.of(r)).get(1));
            return r;
        }

        private Run measure(Cpu cpu, String url, int connections, List<String> extra) {
            long before = cpu.nanos();
            Wrk w = ServeBench.wrk(wrkProgram, url, options.seconds(), connections, extra);
            return new Run(w, (cpu.nanos() - before) / 1e9);
        }
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

    /** CPU time spent so far by one side, in nanoseconds. */
    @FunctionalInterface
    interface Cpu {
        long nanos();

        /** This JVM (the server; the bench's own thread only waits for wrk meanwhile). */
        static Cpu ofThisProcess() {
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun::getProcessCpuTime;
            }
            return () -> 0;
        }

        /** A process and its children (nginx's master and workers), from /proc (Linux; elsewhere 0). */
        static Cpu ofProcessTree(long pid) {
            long tick = 1_000_000_000L / clockTicks();
            return () -> {
                long ticks = 0;
                try (Stream<Path> all = Files.list(Path.of("/proc"))) {
                    for (Path p : all.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                        long[] stat = stat(p.resolve("stat"));
                        if (stat != null && (stat[0] == pid || stat[1] == pid)) {
                            ticks += stat[2];
                        }
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    return 0;
                }
                return ticks * tick;
            };
        }
    }

    /** pid, parent pid and user + system ticks of one /proc/PID/stat; null when it is gone. */
    static long[] stat(Path file) {
        String line;
        try {
            line = Files.readString(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        return statLine(line);
    }

    static long[] statLine(String line) {
        int close = line.lastIndexOf(')');
        String[] f = line.substring(close + 2).split(" ");
        long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
        return new long[] {pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
    }

    private static long clockTicks() {
        try {
            ProcessRunner.Result r = ProcessRunner.local().run(ProcessRunner.Request.of(List.of("getconf", "CLK_TCK")).timeout(Duration.ofSeconds(5)));
            return r.exitCode() == 0 ? Long.parseLong(r.stdout().strip()) : 100;
        } catch (RuntimeException e) {
            return 100;
        }
    }

    private static long nginxPid(Path root) throws IOException {
        return Long.parseLong(Files.readString(root.resolve("nginx.pid")).strip());
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The files both sides serve, under {@code ROOT/media/bench/N/} (nginx's root): either a real
     * workspace's episode folders (linked), or 30 episodes made here with the bundled ffmpeg.
     */
    record Fixture(Library library, int first, Path dir, List<String> segments, String what) {
        /** A produced workspace: every episode folder with an episode.mp4; the media rows use the first one with an HLS ladder. */
        static Fixture of(Path workspace, Path root) throws IOException {
            Path episodes = workspace.resolve("episodes");
            if (!Files.isDirectory(episodes)) {
                throw new dev.tsuzuku.model.BadInputException(workspace.toString(), "no episodes/ folder: nothing has been produced here",
                        "pass a workspace after 'tsuzuku produce', or leave out --workspace for files made with ffmpeg");
            }
            List<Library.Episode> list = new ArrayList<>();
            try (Stream<Path> dirs = Files.list(episodes)) {
                for (Path d : dirs.sorted().toList()) {
                    String name = d.getFileName().toString();
                    if (name.matches("\\d{1,6}") && Files.isRegularFile(d.resolve("episode.mp4"))) {
                        int n = Integer.parseInt(name);
                        Files.createDirectories(root.resolve("media/bench"));
                        Files.createSymbolicLink(root.resolve("media/bench/" + n), d.toAbsolutePath());
                        list.add(new Library.Episode(n, "Episode " + n, d.toAbsolutePath()));
                    }
                }
            }
            if (list.isEmpty()) {
                throw new dev.tsuzuku.model.BadInputException(episodes.toString(), "no episode folder has an episode.mp4",
                        "run 'tsuzuku produce " + workspace + "' first");
            }
            Library.Episode first = list.stream().filter(e -> Files.isRegularFile(e.dir().resolve("hls/1080/index.m3u8"))).findFirst()
                    .orElse(list.get(0));
            List<String> segments = new ArrayList<>();
            for (String rung : List.of("1080", "720")) {
                if (Files.isRegularFile(first.dir().resolve("hls/" + rung + "/seg_00001.m4s"))) {
                    segments.add("hls/" + rung + "/seg_00001.m4s");
                }
            }
            return new Fixture(library(list), first.number(), first.dir(), segments,
                    list.size() + " produced episodes of " + workspace + ", media of episode " + first.number());
        }

        /**
         * 30 episodes made with the bundled ffmpeg: a 1080x1920 H.264 master like produce's (1 s
         * keyframes, ~1.5 Mb/s, AAC), 150 s long (a 4 s encode, repeated without re-encoding),
         * and its 1080 and 720 HLS rungs as 2 s fMP4 segments; episodes 2-30 are hard links to the same files.
         */
        static Fixture made(Path root, Consumer<String> say) throws IOException {
            say.accept("making the bench's episode with ffmpeg (150 s, 1080x1920 and 720x1280)…");
            FfmpegBinaries ff = FfmpegBinaries.locate();
            FfmpegProcess ffmpeg = new FfmpegProcess(ff);
            String bin = ff.ffmpeg().toString();
            Path work = Files.createDirectories(root.resolve("make"));
            Path dir = Files.createDirectories(root.resolve("media/bench/1"));
            List<String> x264 = List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "30", "-keyint_min", "30",
                    "-sc_threshold", "0", "-c:a", "aac", "-b:a", "128k", "-ac", "2");
            List<String> cmd = new ArrayList<>(List.of(bin, "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=1080x1920:rate=30:duration=4",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=4",
                    "-filter_complex", "[0:v]noise=alls=10:allf=t,split=2[a][b];[b]scale=720:1280[c]",
                    "-map", "[a]", "-map", "1:a"));
            cmd.addAll(x264);
            cmd.addAll(List.of("-b:v", "1500k", "-maxrate", "2500k", "-bufsize", "2500k", work.resolve("clip1080.mp4").toString(),
                    "-map", "[c]", "-map", "1:a"));
            cmd.addAll(x264);
            cmd.addAll(List.of("-b:v", "900k", "-maxrate", "1500k", "-bufsize", "1500k", work.resolve("clip720.mp4").toString()));
            ffmpeg.run(cmd);
            ffmpeg.run(List.of(bin, "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-stream_loop", "37",
                    "-i", work.resolve("clip1080.mp4").toString(), "-c", "copy", "-movflags", "+faststart", dir.resolve("episode.mp4").toString()));
            for (String rung : List.of("1080", "720")) {
                Path out = Files.createDirectories(dir.resolve("hls/" + rung));
                ffmpeg.run(List.of(bin, "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-stream_loop", "37",
                        "-i", work.resolve("clip" + rung + ".mp4").toString(), "-c", "copy", "-f", "hls", "-hls_time", "2",
                        "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init_0.mp4",
                        "-hls_segment_filename", out.resolve("seg_%05d.m4s").toString(), out.resolve("index.m3u8").toString()));
            }
            Files.writeString(dir.resolve("hls/master.m3u8"), "#EXTM3U\n#EXT-X-VERSION:7\n"
                    + "#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1080x1920\n1080/index.m3u8\n"
                    + "#EXT-X-STREAM-INF:BANDWIDTH=1500000,RESOLUTION=720x1280\n720/index.m3u8\n");
            ffmpeg.run(List.of(bin, "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", work.resolve("clip1080.mp4").toString(),
                    "-frames:v", "1", dir.resolve("cover.jpg").toString()));
            ffmpeg.run(List.of(bin, "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", work.resolve("clip720.mp4").toString(),
                    "-frames:v", "1", "-vf", "scale=270:480", dir.resolve("thumb.jpg").toString()));
            Files.writeString(dir.resolve("episode.vtt"), "WEBVTT\n\n00:00.000 --> 00:02.000\nWho rang the bell?\n");
            Files.writeString(dir.resolve("manifest.json"), "{\"durationSeconds\": 152.0, \"hook\": {\"text\": \"Who rang the bell?\"},"
                    + " \"shots\": [{\"index\": 0, \"seconds\": 4.0}]}");
            List<Library.Episode> episodes = new ArrayList<>();
            episodes.add(new Library.Episode(1, "Episode 1", dir));
            for (int n = 2; n <= 30; n++) {
                Path other = Files.createDirectories(root.resolve("media/bench/" + n));
                for (String f : List.of("episode.mp4", "episode.vtt", "cover.jpg", "thumb.jpg", "manifest.json")) {
                    Files.createLink(other.resolve(f), dir.resolve(f));
                }
                episodes.add(new Library.Episode(n, "Episode " + n, other));
            }
            return new Fixture(library(episodes), 1, dir, List.of("hls/1080/seg_00001.m4s", "hls/720/seg_00001.m4s"),
                    "30 episodes made with ffmpeg (hard links of one 1080x1920 H.264/AAC master and its HLS rungs)");
        }

        private static Library library(List<Library.Episode> episodes) {
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

    static int freePort() {
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
            return expectBytes >= 0 ? "" : new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TsuzukuException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TsuzukuException("interrupted", e);
        }
    }

    static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a temporary folder (nginx may still be removing its pid file): the system cleans it
        }
    }
}
