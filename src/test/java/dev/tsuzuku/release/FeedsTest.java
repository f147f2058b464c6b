package dev.tsuzuku.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both feeds validated by a real feed parser (Debian's python3-feedparser). */
class FeedsTest {
    @TempDir
    Path dir;

    static final Feeds.Channel CHANNEL = new Feeds.Channel("peach-boy", "Peach Boy & <Friends>", "A boy from a peach.", "en",
            "http://localhost:7070/#/peach-boy", "http://localhost:7070/feeds/peach-boy/feed.json",
            "http://localhost:7070/feeds/peach-boy/rss.xml");

    static Feeds.Item item(int n, String releasedAt, String title) {
        String media = "http://localhost:7070/media/peach-boy/" + String.format("%03d", n) + "/";
        return new Feeds.Item(n, title, "Synopsis of " + n + " — with \"quotes\" & ampersands", Instant.parse(releasedAt),
                "http://localhost:7070/#/peach-boy/" + n, media + "episode.mp4", 12_345_678L + n, 149.6, 1080, 1920,
                media + "cover.jpg");
    }

    static final List<Feeds.Item> ITEMS = List.of(item(1, "2026-12-01T23:00:00Z", "Episode 1: The <Peach>"),
            item(2, "2026-12-02T23:00:00Z", "Episode 2: Onigashima\u0001 & beyond"));

    @Test
    void the_rss_feed_is_rss_2_with_media_rss_enclosures_newest_first() throws Exception {
        Path rss = dir.resolve("rss.xml");
        Files.writeString(rss, Feeds.rss(CHANNEL, ITEMS, Instant.parse("2026-12-02T23:00:00Z")));
        JsonNode f = FeedParser.parse(rss, "application/rss+xml");

        assertThat(f.get("bozo").asBoolean()).as(f.get("bozo_exception").asText()).isFalse();
        assertThat(f.get("version").asText()).isEqualTo("rss20");
        assertThat(f.get("title").asText()).isEqualTo("Peach Boy & <Friends>");
        assertThat(f.get("language").asText()).isEqualTo("en");
        JsonNode entries = f.get("entries");
        assertThat(entries).hasSize(2);
        JsonNode newest = entries.get(0);
        assertThat(newest.get("id").asText()).isEqualTo("tsuzuku:peach-boy:episode:2");
        assertThat(newest.get("title").asText()).isEqualTo("Episode 2: Onigashima & beyond");
        assertThat(newest.get("published_parsed").toString()).isEqualTo("[2026,12,2,23,0,0]");
        assertThat(newest.get("enclosures")).singleElement().satisfies(e -> {
            assertThat(e.get("href").asText()).isEqualTo("http://localhost:7070/media/peach-boy/002/episode.mp4");
            assertThat(e.get("type").asText()).isEqualTo("video/mp4");
            assertThat(e.get("length").asText()).isEqualTo("12345680");
        });
        JsonNode media = newest.get("media_content").get(0);
        assertThat(media.get("url").asText()).endsWith("/002/episode.mp4");
        assertThat(media.get("medium").asText()).isEqualTo("video");
        assertThat(media.get("duration").asText()).isEqualTo("150");
        assertThat(media.get("width").asText()).isEqualTo("1080");
        assertThat(newest.get("media_thumbnail").get(0).get("url").asText()).endsWith("/002/cover.jpg");
        assertThat(entries.get(1).get("title").asText()).isEqualTo("Episode 1: The <Peach>");
    }

    static final Path SCHEMA = Path.of("src/test/resources/feeds/jsonfeed-1.1.schema.json");

    @Test
    void the_json_feed_is_json_feed_1_1_with_video_attachments() throws Exception {
        Path json = dir.resolve("feed.json");
        Files.writeString(json, Feeds.jsonFeed(CHANNEL, ITEMS));
        assertThat(FeedParser.jsonFeedProblems(json, SCHEMA)).isEmpty();

        JsonNode raw = new ObjectMapper().readTree(json.toFile());
        assertThat(raw.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(raw.get("feed_url").asText()).isEqualTo(CHANNEL.jsonFeedUrl());
        JsonNode newest = raw.get("items").get(0);
        assertThat(newest.get("id").asText()).isEqualTo("tsuzuku:peach-boy:episode:2");
        assertThat(newest.get("date_published").asText()).isEqualTo("2026-12-02T23:00:00Z");
        JsonNode attachment = newest.get("attachments").get(0);
        assertThat(attachment.get("url").asText()).isEqualTo("http://localhost:7070/media/peach-boy/002/episode.mp4");
        assertThat(attachment.get("mime_type").asText()).isEqualTo("video/mp4");
        assertThat(attachment.get("size_in_bytes").asLong()).isEqualTo(12_345_680L);
        assertThat(attachment.get("duration_in_seconds").asLong()).isEqualTo(150);
        assertThat(raw.get("items").get(1).get("image").asText()).endsWith("/001/cover.jpg");
    }

    @Test
    void the_json_feed_schema_is_not_a_rubber_stamp() throws Exception {
        Path json = dir.resolve("broken.json");
        Files.writeString(json, "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\","
                + " \"items\": [{\"id\": \"1\", \"attachments\": [{\"url\": \"/relative.mp4\"}]}]}");
        assertThat(FeedParser.jsonFeedProblems(json, SCHEMA).toString())
                .contains("$.items[0]: ").contains("not valid under any of the given schemas") // neither content_html nor content_text
                .contains("mime_type").contains("relative.mp4");
    }

    @Test
    void an_empty_feed_still_parses() throws Exception {
        Path rss = dir.resolve("rss.xml");
        Files.writeString(rss, Feeds.rss(CHANNEL, List.of(), Instant.EPOCH));
        JsonNode f = FeedParser.parse(rss, "application/rss+xml");
        assertThat(f.get("bozo").asBoolean()).isFalse();
        assertThat(f.get("entries")).isEmpty();
    }
}
