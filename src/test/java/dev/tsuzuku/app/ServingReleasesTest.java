package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.release.FeedParser;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tsuzuku serve with the release side: the feeds under /feeds/, their media links served, the countdown. */
class ServingReleasesTest {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_server_serves_feeds_of_released_episodes_whose_enclosures_play_and_the_next_drop() throws Exception {
        Workspace ws = new Workspace(dir);
        Bible b = FakeStudio.bible();
        AtomicFiles.write(ws.bible(), BibleFile.render(new Bible(b.id(), b.title(), b.logline(), b.language(), b.genre(),
                b.style(), b.cast(), b.places(), b.episodeSeconds(), new DropSchedule(LocalTime.of(18, 0),
                ZoneId.of("America/New_York"), List.of(), List.of(), 3, LocalDate.of(2099, 1, 2)), b.monetization(), b.routing())));
        Json.writeFile(ws.seasonJson(), new Season("peach-boy", IntStream.rangeClosed(1, 2).mapToObj(FakeStudio::plan).toList()));
        for (int n = 1; n <= 2; n++) {
            Path ep = Files.createDirectories(ws.episodeDir(n));
            Files.write(ep.resolve("episode.mp4"), new byte[2000 + n]);
            Files.write(ep.resolve("cover.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1});
            Json.writeFile(ep.resolve("manifest.json"), new Manifest("peach-boy", n, "Episode " + n, 150, null,
                    Manifest.standardFiles(), List.of(), "2026-11-25T01:00:00Z", null, "00", null));
        }
        try (Studio s = Studio.open(ws, Clock.systemUTC(), Progress.silent())) {
            s.episodes().status();
            s.episodes().repository().saveEpisode("peach-boy", 1, "Episode 1", EpisodeStatus.APPROVED);
            s.episodes().repository().saveEpisode("peach-boy", 2, "Episode 2", EpisodeStatus.APPROVED);
            s.releases().release(1, (Instant) null);
        }
        try (Serving serving = Serving.start(List.of(dir), null, "127.0.0.1", 0)) {
            String base = serving.baseUrl();
            assertThat(serving.startupLines()).anyMatch(l -> l.contains("/feeds/peach-boy/rss.xml"));

            HttpResponse<byte[]> rss = get(base + "/feeds/peach-boy/rss.xml");
            assertThat(rss.statusCode()).isEqualTo(200);
            assertThat(rss.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
            Path rssFile = Files.write(dir.resolve("served-rss.xml"), rss.body());
            JsonNode parsed = FeedParser.parse(rssFile, "application/rss+xml");
            assertThat(parsed.get("bozo").asBoolean()).isFalse();
            assertThat(parsed.get("entries")).hasSize(1);
            String enclosure = parsed.get("entries").get(0).get("enclosures").get(0).get("href").asText();
            assertThat(enclosure).startsWith(base + "/media/peach-boy/1/");
            HttpResponse<byte[]> video = get(enclosure);
            assertThat(video.statusCode()).as("the feed links the media the server serves").isEqualTo(200);
            assertThat(video.body()).hasSize(2001);

            HttpResponse<byte[]> json = get(base + "/feeds/peach-boy/feed.json");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/feed+json");
            JsonNode feed = new ObjectMapper().readTree(json.body());
            assertThat(feed.get("items")).hasSize(1);

            assertThat(get(base + "/feeds/other-series/rss.xml").statusCode()).isEqualTo(404);
            assertThat(get(base + "/feeds/..%2F..%2Fseries.yaml/rss.xml").statusCode()).isIn(400, 404); // Jetty refuses encoded slashes itself

            JsonNode catalogue = new ObjectMapper().readTree(get(base + "/api/catalogue").body());
            assertThat(catalogue.path("series").path(0).path("nextDrop").asText()).isEqualTo("2099-01-02T23:00:00Z");
        }
    }
}
