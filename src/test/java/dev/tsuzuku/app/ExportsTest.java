package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.release.SettableClock;
import dev.tsuzuku.render.FakeMediaTool;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export through the app, with masters the fake media tool describes (as ffprobe would the real ones). */
class ExportsTest {
    @TempDir
    Path dir;

    Workspace ws;

    @BeforeEach
    void two_produced_episodes_one_of_200_seconds() throws Exception {
        ws = new Workspace(dir);
        AtomicFiles.write(ws.bible(), BibleFile.render(FakeStudio.bible()));
        Json.writeFile(ws.seasonJson(), new Season("peach-boy", IntStream.rangeClosed(1, 2).mapToObj(FakeStudio::plan).toList()));
        for (int n = 1; n <= 2; n++) {
            Path ep = Files.createDirectories(ws.episodeDir(n));
            int frames = n == 1 ? 150 * 30 : 200 * 30;
            Files.writeString(ep.resolve("episode.mp4"), "fake-media 1\nkind master\nsize 1080x1920\nfps 30\nframes " + frames
                    + "\naudio-samples " + frames * 1600 + "\nend\n");
            Files.writeString(ep.resolve("episode.srt"), "1\n00:00:00,000 --> 00:00:01,000\nA peach!\n");
            Files.write(ep.resolve("cover.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 9});
            Json.writeFile(ep.resolve("manifest.json"), new Manifest("peach-boy", n, "Episode " + n, frames / 30.0,
                    new Manifest.HookRef("Who opens the gate?", "question"), Manifest.standardFiles(), List.of(),
                    "2026-11-25T01:00:00Z", null, "00", null));
        }
    }

    Studio studio() {
        return Studio.open(ws, new SettableClock(Instant.parse("2026-11-30T10:00:00Z")), Progress.silent(), new FakeStudio()::kit,
                new FakeMediaTool());
    }

    @Test
    void a_shorts_export_has_the_master_the_caption_the_srt_and_the_cover() throws Exception {
        try (Studio s = studio()) {
            Exports.Exported e = s.exports().export(1, "shorts", null);
            assertThat(e.folder()).isEqualTo(dir.resolve("exports/001-shorts"));
            assertThat(e.files()).containsExactly("episode.mp4", "caption.txt", "episode.srt", "cover.jpg");
            assertThat(e.folder().resolve("episode.mp4")).hasSameBinaryContentAs(ws.episodeDir(1).resolve("episode.mp4"));
            assertThat(e.folder().resolve("cover.jpg")).hasSameBinaryContentAs(ws.episodeDir(1).resolve("cover.jpg"));
            assertThat(e.folder().resolve("caption.txt")).hasContent("Peach Boy · Episode 1: Episode 1 #PeachBoy #Shorts #anime"
                    + " #shortdrama #episode1");
        }
    }

    @Test
    void tiktok_and_reels_take_no_srt_and_a_caption_with_the_hook() {
        try (Studio s = studio()) {
            Exports.Exported e = s.exports().export(1, "tiktok", dir.resolve("out"));
            assertThat(e.files()).containsExactly("episode.mp4", "caption.txt", "cover.jpg");
            assertThat(dir.resolve("out/episode.srt")).doesNotExist();
            assertThat(e.caption()).contains("Who opens the gate?").contains("#PeachBoy");
        }
    }

    @Test
    void a_master_over_the_platforms_limit_is_bad_input_naming_the_file_and_the_fix() {
        try (Studio s = studio()) {
            assertThatThrownBy(() -> s.exports().export(2, "shorts", null)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("episodes/002/episode.mp4")
                    .hasMessageContaining("is 200.0 s long; YouTube Shorts takes at most 180 s")
                    .hasMessageContaining("--for tiktok");
            assertThat(dir.resolve("exports/002-shorts")).doesNotExist();
            assertThat(s.exports().export(2, "tiktok", null).files()).contains("episode.mp4");
            assertThatThrownBy(() -> s.exports().export(1, "vine", null)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("use one of tiktok, shorts, reels");
            assertThatThrownBy(() -> s.exports().export(3, "reels", null)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("produce it first");
        }
    }
}
