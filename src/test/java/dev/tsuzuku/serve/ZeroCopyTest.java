package dev.tsuzuku.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media bodies by sendfile ({@link ZeroCopy}) on a raw keep-alive connection whose client reads
 * through a tiny receive buffer, so the socket fills and the sender must wait for it: every byte
 * arrives, in order, and the connection serves the next request after it.
 */
class ZeroCopyTest {
    @TempDir
    Path tmp;

    private PlayerServer server;
    private byte[] video;

    @BeforeEach
    void start() throws IOException {
        video = new byte[12 << 20];
        new Random(11).nextBytes(video);
        Path dir = Files.createDirectories(tmp.resolve("episodes/001"));
        Files.write(dir.resolve("episode.mp4"), video);
        Library library = MoonTales.library(new Library.Episode(1, "The Well", dir));
        server = new PlayerServer(List.of(new PlayerRoutes(library, (s, now) -> Optional.empty(),
                Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC))));
        server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_large_body_and_a_range_after_it_arrive_whole_on_one_connection_through_a_full_socket() throws Exception {
        long bodies = ZeroCopy.BODIES.get();
        long waits = ZeroCopy.WAITS.get();
        try (RawHttp http = new RawHttp(server.port(), 4096)) {
            String catalogue = http.exchange("GET", "/api/catalogue").text(); // Jetty's: so is the media after it
            Matcher mp4 = Pattern.compile("/media/moon-tales/1/[0-9a-f]{16}/episode\\.mp4").matcher(catalogue);
            assertThat(mp4.find()).as(catalogue).isTrue();

            RawHttp.Response whole = http.exchange("GET", mp4.group());
            assertThat(whole.head()).startsWith("HTTP/1.1 200").contains("content-length: " + video.length)
                    .doesNotContain("transfer-encoding");
            assertThat(whole.body()).isEqualTo(video);

            RawHttp.Response part = http.exchange("GET", mp4.group(), "Range: bytes=5000000-6048575");
            assertThat(part.head()).startsWith("HTTP/1.1 206").contains("content-range: bytes 5000000-6048575/" + video.length);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 5_000_000, 6_048_576));
        }
        assertThat(ZeroCopy.BODIES.get() - bodies).isEqualTo(2);
        assertThat(ZeroCopy.WAITS.get() - waits).as("the 12 MiB body never filled the socket").isPositive();
    }
}
