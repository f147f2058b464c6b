package dev.tsuzuku.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media answered on the selector ({@link FastConnection}) on a connection that carried only media
 * so far, and handed to Jetty, with its bytes, at the first request of another kind: the same
 * answers either way, pipelined and split requests, a full socket, Connection: close.
 */
class FastConnectionTest {
    @TempDir
    Path tmp;

    private PlayerServer server;
    private byte[] video;
    private byte[] segment;
    private String base;

    @BeforeEach
    void start() throws IOException {
        video = new byte[300_000];
        new Random(3).nextBytes(video);
        segment = new byte[90_000];
        new Random(4).nextBytes(segment);
        Path one = Files.createDirectories(tmp.resolve("ws/episodes/001"));
        Files.write(one.resolve("episode.mp4"), video);
        Files.writeString(one.resolve("episode.vtt"), "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
        Path hls = Files.createDirectories(one.resolve("hls/720"));
        Files.write(hls.resolve("seg_00001.m4s"), segment);
        Files.writeString(hls.resolve("index.m3u8"), "#EXTM3U\n#EXTINF:2.0,\nseg_00001.m4s\n#EXT-X-ENDLIST\n");
        Path two = Files.createDirectories(tmp.resolve("ws/episodes/002"));
        Files.write(two.resolve("episode.mp4"), new byte[] {1, 2, 3});
        server = new PlayerServer(List.of(new PlayerRoutes(MoonTales.library(new Library.Episode(1, "The Well", one)),
                (s, now) -> Optional.empty(), Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC))));
        server.start("127.0.0.1", 0);
        try (RawHttp http = new RawHttp(server.port())) {
            Matcher mp4 = Pattern.compile("/media/moon-tales/1/[0-9a-f]{16}/").matcher(http.exchange("GET", "/api/catalogue").text());
            assertThat(mp4.find()).isTrue();
            base = mp4.group();
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A request to try on both paths: method, path, header lines. */
    private record Try(String method, String path, String... headers) {}

    @Test
    void media_on_the_selector_is_answered_as_jetty_answers_it_header_for_header() throws Exception {
        String etag;
        try (RawHttp http = new RawHttp(server.port())) {
            etag = http.exchange("HEAD", base + "episode.mp4").header("etag");
        }
        String tag = base.split("/")[4];
        List<Try> tries = List.of(
                new Try("GET", base + "episode.mp4"),
                new Try("GET", base + "episode.mp4", "Range: bytes=1000-1999"),
                new Try("GET", base + "episode.mp4", "Range: bytes=-10"),
                new Try("GET", base + "episode.mp4", "Range: bytes=300000-"),
                new Try("GET", base + "episode.mp4", "Range: bytes=10-19", "If-Range: \"an-older-cut\""),
                new Try("GET", base + "episode.mp4", "If-None-Match: " + etag),
                new Try("HEAD", base + "episode.mp4", "Range: bytes=0-99"),
                new Try("GET", base + "episode.vtt"),
                new Try("HEAD", base + "episode.vtt"),
                new Try("GET", base + "hls/720/index.m3u8"),
                new Try("GET", base + "hls/720/seg_00001.m4s"),
                new Try("GET", "/media/moon-tales/2/" + tag + "/episode.mp4"),
                new Try("GET", base + "manifest.json"));
        long answered = FastConnection.ANSWERED.get();
        long handedOn = FastConnection.HANDED_ON.get();
        try (RawHttp fast = new RawHttp(server.port()); RawHttp jetty = new RawHttp(server.port())) {
            assertThat(jetty.exchange("GET", "/api/catalogue").status()).isEqualTo(200);
            for (Try t : tries) {
                RawHttp.Response a = fast.exchange(t.method(), t.path(), t.headers());
                RawHttp.Response b = jetty.exchange(t.method(), t.path(), t.headers());
                String what = t.method() + " " + t.path() + " " + String.join(", ", t.headers());
                assertThat(a.head().lines().findFirst()).as(what).isEqualTo(b.head().lines().findFirst());
                assertThat(fields(a)).as(what).isEqualTo(fields(b));
                assertThat(a.body()).as(what).isEqualTo(b.body());
            }
        }
        assertThat(FastConnection.ANSWERED.get() - answered).as("every media request on the fresh connection").isEqualTo(tries.size());
        assertThat(FastConnection.HANDED_ON.get() - handedOn).as("the connection that asked for the catalogue first").isEqualTo(1);
    }

    /** The header lines but Date (and Jetty's own Server, if it sent one), as a set. */
    private static Set<String> fields(RawHttp.Response r) {
        Set<String> out = new TreeSet<>(r.head().lines().skip(1).filter(l -> !l.isEmpty()).toList());
        out.removeIf(l -> l.startsWith("date: ") || l.startsWith("server: "));
        return out;
    }

    @Test
    void pipelined_requests_and_one_sent_a_byte_at_a_time_are_answered_in_order() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            ByteArrayOutputStream three = new ByteArrayOutputStream();
            three.write(RawHttp.request("GET", base + "episode.mp4", "Range: bytes=0-99"));
            three.write(RawHttp.request("HEAD", base + "episode.mp4"));
            three.write(RawHttp.request("GET", base + "hls/720/seg_00001.m4s"));
            http.write(three.toByteArray());
            assertThat(http.read(false).body()).isEqualTo(Arrays.copyOf(video, 100));
            assertThat(http.read(true).header("content-length")).isEqualTo("300000");
            assertThat(http.read(false).body()).isEqualTo(segment);

            for (byte b : RawHttp.request("GET", base + "episode.vtt", "Range: bytes=0-5")) {
                http.write(new byte[] {b});
            }
            RawHttp.Response slow = http.read(false);
            assertThat(slow.status()).isEqualTo(206);
            assertThat(slow.text()).isEqualTo("WEBVTT");
        }
    }

    @Test
    void a_request_the_selector_does_not_answer_goes_to_jetty_with_every_byte_of_it() throws Exception {
        String catalogue = "GET /api/catalogue HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        List<String> others = List.of(
                catalogue,
                "GET /api/catalogue?fresh=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "GET /watch/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + "x".repeat(6000) + "\r\n\r\n",
                "GET " + base + "episode.vtt HTTP/1.0\r\n\r\n",
                "GET " + base + "%65pisode.vtt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "POST " + base + "episode.vtt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc");
        List<Integer> statuses = List.of(200, 200, 200, 200, 200, 404);
        List<String> bodies = List.of("\"series\"", "\"series\"", "<video", "Hello", "Hello", "not found");
        for (int i = 0; i < others.size(); i++) {
            long handedOn = FastConnection.HANDED_ON.get();
            try (RawHttp http = new RawHttp(server.port())) {
                assertThat(http.exchange("GET", base + "episode.vtt").text()).contains("Hello");
                http.write(others.get(i).getBytes(StandardCharsets.US_ASCII));
                RawHttp.Response r = http.read(false);
                assertThat(r.status()).as(others.get(i)).isEqualTo(statuses.get(i));
                assertThat(r.text()).as(others.get(i)).contains(bodies.get(i));
                if (i != 3) { // HTTP/1.0 without keep-alive: Jetty closes after it
                    assertThat(http.exchange("GET", base + "episode.mp4", "Range: bytes=5-9").body())
                            .as("media after it, now through Jetty").isEqualTo(Arrays.copyOfRange(video, 5, 10));
                }
            }
            assertThat(FastConnection.HANDED_ON.get() - handedOn).as(others.get(i)).isEqualTo(1);
        }
        try (RawHttp http = new RawHttp(server.port())) {
            http.write(("GET /watch/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Huge: " + "y".repeat(9000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(http.read(false).status()).as("headers longer than the buffer: Jetty refuses them").isEqualTo(431);
        }
    }

    @Test
    void pipelined_answers_through_a_full_socket_arrive_whole_and_in_order() throws Exception {
        try (RawHttp http = new RawHttp(server.port(), 4096)) {
            ByteArrayOutputStream many = new ByteArrayOutputStream();
            for (int i = 0; i < 6; i++) {
                many.write(RawHttp.request("GET", base + "episode.mp4", "Range: bytes=" + (i * 1000) + "-"));
                many.write(RawHttp.request("GET", base + "episode.vtt"));
            }
            http.write(many.toByteArray());
            Thread.sleep(200); // the answers pile up against the full socket before anything is read
            for (int i = 0; i < 6; i++) {
                assertThat(http.read(false).body()).isEqualTo(Arrays.copyOfRange(video, i * 1000, video.length));
                assertThat(http.read(false).text()).contains("Hello");
            }
        }
    }

    @Test
    void connection_close_ends_the_connection_after_the_answer() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.exchange("GET", base + "episode.vtt", "Connection: close");
            assertThat(r.text()).contains("Hello");
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void a_large_body_waits_for_a_full_socket_on_the_selector_and_the_next_request_follows() throws Exception {
        byte[] big = new byte[12 << 20];
        new Random(5).nextBytes(big);
        Path file = tmp.resolve("ws/episodes/001/episode.mp4");
        Path next = Files.write(tmp.resolve("big.tmp"), big);
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long waits = ZeroCopy.WAITS.get();
        String fresh = base; // the clock stands still here, so the edition tag is the one the catalogue gave
        long answered = FastConnection.ANSWERED.get();
        try (RawHttp http = new RawHttp(server.port(), 4096)) {
            RawHttp.Response whole = http.exchange("GET", fresh + "episode.mp4");
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(big);
            RawHttp.Response part = http.exchange("GET", fresh + "episode.mp4", "Range: bytes=5000000-6048575");
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(big, 5_000_000, 6_048_576));
        }
        assertThat(FastConnection.ANSWERED.get() - answered).isEqualTo(2);
        assertThat(ZeroCopy.WAITS.get() - waits).as("the 12 MiB body never filled the socket").isPositive();
    }
}
