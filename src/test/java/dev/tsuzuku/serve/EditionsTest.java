package dev.tsuzuku.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edition tags: from the files' bytes, or from the hashes the state database recorded, to the same tag. */
class EditionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void a_recorded_hash_gives_the_same_tag_without_reading_the_file() throws Exception {
        byte[] video = "a master of some length".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(dir.resolve("episode.mp4"), video);
        Files.writeString(dir.resolve("episode.vtt"), "WEBVTT\n");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video));

        Editions reading = new Editions(CLOCK);
        String tag = reading.tag(dir);
        assertThat(reading.filesRead()).isEqualTo(2);

        Editions recorded = new Editions(CLOCK, (file, size, modified) ->
                file.getFileName().toString().equals("episode.mp4") && size == video.length ? Optional.of(sha) : Optional.empty());
        assertThat(recorded.tag(dir)).isEqualTo(tag);
        assertThat(recorded.filesRead()).as("only the subtitles were read").isEqualTo(1);
    }
}
