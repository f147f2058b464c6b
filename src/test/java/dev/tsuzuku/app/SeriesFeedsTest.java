package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.release.FeedParser;
import dev.tsuzuku.release.SettableClock;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feeds list released episodes only, with their files' real sizes, and parse. */
class SeriesFeedsTest {
    @TempDir
    Path dir;

    @Test
    void only_released_episodes_are_in_the_feeds() throws Exception {
        Workspace ws = new Workspace(dir);
        AtomicFiles.write(ws.bible(), BibleFile.render(FakeStudio.bible()));
        Json.writeFile(ws.seasonJson(), new Season("peach-boy", IntStream.rangeClosed(1, 3).mapToObj(FakeStudio::plan).toList()));
        for (int n = 1; n <= 3; n++) {
            Path ep = ws.episodeDir(n);
            Files.createDirectories(ep);
            Files.write(ep.resolve("episode.mp4"), new byte[1000 * n]);
            Files.write(ep.resolve("cover.jpg"), new byte[10]);
            Json.writeFile(ep.resolve("manifest.json"), new Manifest("peach-boy", n, "Episode " + n, 150.2, null,
                    Manifest.standardFiles(), List.of(), "2026-11-25T01:00:00Z", null, "00", null));
        }
        SettableClock clock = new SettableClock(Instant.parse("2026-11-30T10:00:00Z"));
        try (Studio s = Studio.open(ws, clock, Progress.silent())) {
            s.episodes().status();
            for (int n = 1; n <= 2; n++) {
                s.episodes().repository().saveEpisode("peach-boy", n, "Episode " + n, EpisodeStatus.APPROVED);
            }
            s.episodes().repository().saveEpisode("peach-boy", 3, "Episode 3", EpisodeStatus.PRODUCED);
            s.releases().release(1, (Instant) null);

            SeriesFeeds.Written w = s.feeds().write(SeriesFeeds.links("https://anime.example.com/"), dir.resolve("out"));
            assertThat(w.items()).isEqualTo(1);
            JsonNode json = new ObjectMapper().readTree(w.jsonFeed().toFile());
            assertThat(json.get("items")).hasSize(1);
            JsonNode item = json.get("items").get(0);
            assertThat(item.get("id").asText()).isEqualTo("tsuzuku:peach-boy:episode:1");
            assertThat(item.get("date_published").asText()).isEqualTo("2026-11-30T10:00:00Z");
            assertThat(item.get("attachments").get(0).get("url").asText())
                    .isEqualTo("https://anime.example.com/media/peach-boy/001/episode.mp4");
            assertThat(item.get("attachments").get(0).get("size_in_bytes").asLong()).isEqualTo(1000);
            assertThat(Files.readString(w.rss())).doesNotContain("/002/").doesNotContain("/003/");
            JsonNode rss = FeedParser.parse(w.rss(), "application/rss+xml");
            assertThat(rss.get("bozo").asBoolean()).isFalse();
            assertThat(rss.get("entries")).hasSize(1);
            assertThat(FeedParser.jsonFeedProblems(w.jsonFeed(), Path.of("src/test/resources/feeds/jsonfeed-1.1.schema.json")))
                    .isEmpty();
        }
        assertThatThrownBy(() -> SeriesFeeds.links("ftp://x")).isInstanceOf(BadInputException.class).hasMessageContaining("--base-url");
    }
}
