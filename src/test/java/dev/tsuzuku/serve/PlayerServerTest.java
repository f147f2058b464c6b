package dev.tsuzuku.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a free port, over a library of two episodes of which one is released. */
class PlayerServerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path tmp;

    private PlayerServer server;
    private PlayerRoutes player;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private byte[] video;

    @BeforeEach
    void start() throws IOException {
        video = new byte[300_000];
        new Random(7).nextBytes(video);
        Path one = episode("001", video);
        Path two = episode("002", video);
        Library library = MoonTales.library(new Library.Episode(1, "The Well", one));
        assertThat(two).exists(); // on disk, but not released
        NextDrop drop = (series, now) -> Optional.of(now.plusSeconds(14 * 60 + 32));
        RouteModule extra = new RouteModule() {
            @Override
            public void register(Javalin app) {
                app.get("/extra", ctx -> ctx.result("from a module"));
            }

            @Override
            public List<String> startupLines(String baseUrl) {
                return List.of("extra: " + baseUrl + "/extra");
            }
        };
        player = new PlayerRoutes(library, drop, Clock.fixed(NOW, ZoneOffset.UTC));
        server = new PlayerServer(List.of(player, extra));
        server.start("127.0.0.1", 0);
    }

    private Path episode(String folder, byte[] mp4) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ws/episodes/" + folder));
        Files.write(dir.resolve("episode.mp4"), mp4);
        Files.writeString(dir.resolve("episode.vtt"), "WEBVTT\n\n00:00.000 --> 00:01.000\nHello " + folder + "\n");
        Files.write(dir.resolve("cover.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
        Files.writeString(dir.resolve("manifest.json"), "{\"durationSeconds\": 12.5, \"hook\": {\"text\": \"Who rang the bell?\"},"
                + " \"shots\": [{\"index\": 0, \"seconds\": 3.5}]}");
        Files.writeString(tmp.resolve("ws/series.yaml"), "title: secret\n");
        return dir;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode catalogue() throws Exception {
        HttpResponse<byte[]> r = get("/api/catalogue");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains(PlayerRoutes.SHORT);
        return json.readTree(r.body());
    }

    @Test
    void the_catalogue_lists_only_released_episodes_with_their_media_and_the_next_drop() throws Exception {
        JsonNode c = catalogue();
        JsonNode series = c.path("series").path(0);
        assertThat(series.path("id").asText()).isEqualTo("moon-tales");
        assertThat(series.path("episodes")).hasSize(1);
        JsonNode ep = series.path("episodes").path(0);
        assertThat(ep.path("number").asInt()).isEqualTo(1);
        assertThat(ep.path("hook").asText()).isEqualTo("Who rang the bell?");
        assertThat(ep.path("coldOpenSeconds").asDouble()).isEqualTo(3.5);
        assertThat(ep.path("mp4").asText()).matches("/media/moon-tales/1/[0-9a-f]{16}/episode\\.mp4");
        assertThat(ep.path("hls").isNull()).isTrue();
        assertThat(series.path("nextDrop").asText()).isEqualTo("2026-03-01T09:14:32Z");
    }

    @Test
    void a_released_episode_streams_whole_or_by_range_with_immutable_caching() throws Exception {
        String mp4 = catalogue().path("series").path(0).path("episodes").path(0).path("mp4").asText();
        HttpResponse<byte[]> whole = get(mp4);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(video);
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(whole.headers().firstValue("Cache-Control")).contains(PlayerRoutes.IMMUTABLE);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");

        HttpResponse<byte[]> part = get(mp4, "Range", "bytes=1000-1999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 1000-1999/300000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 1000, 2000));

        HttpResponse<byte[]> tail = get(mp4, "Range", "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(video, video.length - 10, video.length));

        HttpResponse<byte[]> beyond = get(mp4, "Range", "bytes=300000-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */300000");

        HttpResponse<byte[]> vtt = get(mp4.replace("episode.mp4", "episode.vtt"));
        assertThat(vtt.statusCode()).isEqualTo(200);
        assertThat(new String(vtt.body(), StandardCharsets.UTF_8)).contains("Hello 001");
        assertThat(vtt.headers().firstValue("Content-Type").orElse("")).startsWith("text/vtt");
    }

    @Test
    void an_unreleased_episode_and_every_guessed_path_is_404() throws Exception {
        String mp4 = catalogue().path("series").path(0).path("episodes").path(0).path("mp4").asText();
        String tag = mp4.split("/")[4];
        for (String path : List.of(
                "/media/moon-tales/2/" + tag + "/episode.mp4",
                "/media/moon-tales/2/" + tag + "/episode.vtt",
                "/media/moon-tales/02/" + tag + "/cover.jpg",
                "/media/moon-tales/1/0000000000000000/episode.mp4",
                "/media/moon-tales/1/" + tag + "/manifest.json",
                "/media/moon-tales/1/" + tag + "/../002/episode.mp4",
                "/media/moon-tales/1/" + tag + "/%2e%2e/002/episode.mp4",
                "/media/moon-tales/1/" + tag + "/..%2f..%2fseries.yaml",
                "/media/moon-tales/1/" + tag + "/hls/../../002/episode.mp4",
                "/media/other/1/" + tag + "/episode.mp4",
                "/watch/..%2f..%2fseries.yaml",
                "/watch/index.html")) {
            HttpResponse<byte[]> r = get(path);
            if (path.contains("%")) {
                // Jetty refuses some ambiguous encodings itself (400) before any route sees them
                assertThat(r.statusCode()).as(path).isIn(400, 404);
            } else {
                assertThat(r.statusCode()).as(path).isEqualTo(404);
            }
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("secret").doesNotContain("Hello 002");
        }
    }

    @Test
    void the_player_and_hls_js_come_from_the_jar_and_modules_add_routes() throws Exception {
        HttpResponse<byte[]> page = get("/watch/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<video");
        assertThat(get("/watch/hls.min.js").body().length).isGreaterThan(100_000);
        assertThat(new String(get("/watch/hls.js.LICENSE.txt").body(), StandardCharsets.UTF_8)).contains("Apache");
        assertThat(new String(get("/extra").body(), StandardCharsets.UTF_8)).isEqualTo("from a module");
        assertThat(server.startupLines()).containsExactly("player: " + server.baseUrl() + "/watch/", "extra: " + server.baseUrl() + "/extra");
    }

    @Test
    void media_answers_conditional_and_head_requests_with_its_entity_tag() throws Exception {
        String mp4 = catalogue().path("series").path(0).path("episodes").path(0).path("mp4").asText();
        HttpResponse<byte[]> whole = get(mp4);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        String modified = whole.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]+-[0-9a-f]+\"");

        HttpResponse<byte[]> same = get(mp4, "If-None-Match", "\"other\", W/" + etag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).contains(etag);
        assertThat(same.headers().firstValue("Cache-Control")).contains(PlayerRoutes.IMMUTABLE);
        assertThat(get(mp4, "If-Modified-Since", modified).statusCode()).isEqualTo(304);
        assertThat(get(mp4, "If-None-Match", "\"other\"", "If-Modified-Since", modified).statusCode())
                .as("If-None-Match decides when both are sent").isEqualTo(200);

        HttpResponse<byte[]> current = get(mp4, "Range", "bytes=10-19", "If-Range", etag);
        assertThat(current.statusCode()).isEqualTo(206);
        assertThat(current.body()).isEqualTo(Arrays.copyOfRange(video, 10, 20));
        assertThat(get(mp4, "Range", "bytes=10-19", "If-Range", modified).statusCode()).isEqualTo(206);
        HttpResponse<byte[]> changed = get(mp4, "Range", "bytes=10-19", "If-Range", "\"an-older-cut\"");
        assertThat(changed.statusCode()).as("the client's part is of another version: the whole file").isEqualTo(200);
        assertThat(changed.body()).isEqualTo(video);

        HttpResponse<byte[]> head = send("HEAD", mp4);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains("300000");
        assertThat(head.body()).isEmpty();
        HttpResponse<byte[]> headPart = send("HEAD", mp4, "Range", "bytes=0-99");
        assertThat(headPart.statusCode()).isEqualTo(206);
        assertThat(headPart.headers().firstValue("Content-Length")).contains("100");
        HttpResponse<byte[]> headVtt = send("HEAD", mp4.replace("episode.mp4", "episode.vtt"));
        assertThat(headVtt.statusCode()).isEqualTo(200);
        assertThat(headVtt.body()).isEmpty();

        assertThat(send("POST", mp4).statusCode()).as("media takes only GET and HEAD").isEqualTo(404);
        assertThat(send("DELETE", mp4).statusCode()).isEqualTo(404);
    }

    @Test
    void a_segment_replaced_on_disk_is_served_fresh_and_a_closed_channel_is_opened_again() throws Exception {
        Path hls = Files.createDirectories(tmp.resolve("ws/episodes/001/hls/1080"));
        byte[] first = new byte[200_000];
        new Random(1).nextBytes(first);
        Files.write(hls.resolve("seg_00001.m4s"), first);
        Files.writeString(hls.resolve("index.m3u8"), "#EXTM3U\n#EXTINF:2.0,\nseg_00001.m4s\n");
        String base = catalogue().path("series").path(0).path("episodes").path(0).path("mp4").asText().replace("episode.mp4", "hls/1080/");
        assertThat(get(base + "seg_00001.m4s").body()).isEqualTo(first);
        assertThat(new String(get(base + "index.m3u8").body(), StandardCharsets.UTF_8)).contains("seg_00001.m4s");

        // produce swaps a new ladder in by renaming: same names, other bytes (and here a size that differs too)
        byte[] second = new byte[190_000];
        new Random(2).nextBytes(second);
        Path next = Files.write(tmp.resolve("seg.tmp"), second);
        Files.move(next, hls.resolve("seg_00001.m4s"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(hls.resolve("index.m3u8"), "#EXTM3U\n#EXTINF:1.9,\nseg_00001.m4s\n#EXT-X-ENDLIST\n");
        assertThat(get(base + "seg_00001.m4s").body()).isEqualTo(second);
        assertThat(new String(get(base + "index.m3u8").body(), StandardCharsets.UTF_8)).contains("ENDLIST");

        // a shared channel closed under the cache (what an interrupted request thread does): opened again
        OpenFiles.File open = player.openFiles().open(hls.resolve("seg_00001.m4s"));
        open.channel().close();
        open.release();
        long opened = player.openFiles().opened();
        HttpResponse<byte[]> again = get(base + "seg_00001.m4s", "Range", "bytes=100000-");
        assertThat(again.statusCode()).isEqualTo(206);
        assertThat(again.body()).isEqualTo(Arrays.copyOfRange(second, 100_000, second.length));
        assertThat(player.openFiles().opened()).isEqualTo(opened + 1);
    }
}
