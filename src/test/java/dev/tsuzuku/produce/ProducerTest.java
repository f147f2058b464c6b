package dev.tsuzuku.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.render.FakeMediaTool;
import dev.tsuzuku.render.FfmpegMediaTool;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerTest {
    @TempDir
    Path root;

    final FakeStudio studio = new FakeStudio();
    final List<String> notes = new ArrayList<>();
    Workspace ws;
    Producer producer;
    /** The fake keeps these tests free of encoding; the first test runs the real ffmpeg once. */
    MediaTool media = new FakeMediaTool();

    @BeforeEach
    void a_written_episode() {
        ws = new Workspace(root);
        Json.writeFile(ws.seasonJson(), FakeStudio.season());
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go east."));
        producer = producerAt(Instant.parse("2026-11-25T01:00:00Z"));
    }

    private Producer producerAt(Instant now) {
        Progress recording = new Progress() {
            public Task start(String label, long total) {
                return Progress.silent().start(label, total);
            }

            public void note(String message) {
                notes.add(message);
            }
        };
        return new Producer(ws, Clock.fixed(now, ZoneOffset.UTC), recording,
                studio.kit(), media);
    }

    @Test
    void produce_writes_a_verified_episode_folder_with_a_manifest_that_points_at_it() throws Exception {
        media = FfmpegMediaTool.local();
        producer = producerAt(Instant.parse("2026-11-25T01:00:00Z"));

        Producer.Report r = producer.produce(FakeStudio.bible(), 1, false);

        Path dir = ws.episodeDir(1);
        for (String f : List.of("episode.mp4", "episode.srt", "episode.vtt", "cover.jpg", "thumb.jpg", "manifest.json")) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        assertThat(ws.charactersDir().resolve("momotaro.txt")).isRegularFile();
        JsonNode m = Json.mapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(m.fieldNames()).toIterable().containsExactly("series", "episode", "title", "durationSeconds", "hook",
                "files", "shots", "producedAt", "cost", "checksum");
        assertThat(m.get("series").asText()).isEqualTo("peach-boy");
        assertThat(m.get("episode").asInt()).isEqualTo(1);
        assertThat(m.get("hook").get("kind").asText()).isEqualTo("question");
        assertThat(m.get("files").get("video").asText()).isEqualTo("episode.mp4");
        assertThat(m.get("shots")).hasSize(3);
        assertThat(m.get("shots").get(0).get("provider").asText()).isEqualTo("animatic");
        assertThat(m.get("producedAt").asText()).isEqualTo("2026-11-25T01:00:00Z");
        assertThat(m.get("cost").get("currency").asText()).isEqualTo("USD");
        assertThat(m.get("checksum").asText()).isEqualTo(InputHash.file(dir.resolve("episode.mp4")));
        assertThat(m.get("durationSeconds").asDouble()).isEqualTo(r.seconds());
        assertThat(Files.readString(dir.resolve("episode.srt"))).contains("Momotaro: A peach!");
        assertThat(r.reuse()).isEqualTo("reused 0/3 shot segments, 0/3 voice lines");
    }

    @Test
    void a_second_run_with_nothing_changed_redoes_nothing_expensive() {
        producer.produce(FakeStudio.bible(), 1, false);

        Producer.Report again = producerAt(Instant.parse("2026-11-26T09:00:00Z")).produce(FakeStudio.bible(), 1, false);

        assertThat(again.reuse()).isEqualTo("reused 3/3 shot segments, 3/3 voice lines, the cut");
        assertThat(studio.spoken).hasValue(3);
        assertThat(studio.shotsDrawn).hasValue(3);
        assertThat(studio.mixes).hasValue(1);
        assertThat(notes).last().isEqualTo("episode 1: reused 3/3 shot segments, 3/3 voice lines, the cut");
        assertThat(ws.episodeDir(1).resolve("manifest.json")).content().contains("\"producedAt\" : \"2026-11-25T01:00:00Z\"");
    }

    @Test
    void changing_one_line_redoes_only_that_line_its_shot_the_mix_and_the_cut() {
        producer.produce(FakeStudio.bible(), 1, false);
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go west instead."));

        Producer.Report again = producer.produce(FakeStudio.bible(), 1, false);

        assertThat(again.reuse()).isEqualTo("reused 2/3 shot segments, 2/3 voice lines");
        assertThat(studio.spoken).hasValue(4);
        assertThat(studio.shotsDrawn).hasValue(4);
        assertThat(studio.mixes).hasValue(2);
        assertThat(ws.episodeDir(1).resolve("episode.srt")).content().contains("I go west instead.");
    }

    @Test
    void force_redoes_everything() {
        producer.produce(FakeStudio.bible(), 1, false);

        Producer.Report again = producer.produce(FakeStudio.bible(), 1, true);

        assertThat(again.reuse()).isEqualTo("reused 0/3 shot segments, 0/3 voice lines");
        assertThat(studio.spoken).hasValue(6);
    }

    @Test
    void scratch_files_a_killed_run_left_behind_are_swept_after_a_day() throws Exception {
        Path tmp = Files.createDirectories(ws.cacheDir().resolve("tmp"));
        Path old = Files.writeString(tmp.resolve("work-1.mp4"), "half");
        Path fresh = Files.writeString(tmp.resolve("work-2.mp4"), "half");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(Instant.parse("2026-11-23T01:00:00Z")));
        Files.setLastModifiedTime(fresh, java.nio.file.attribute.FileTime.from(Instant.parse("2026-11-25T00:30:00Z")));

        producer.produce(FakeStudio.bible(), 1, false);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void a_missing_script_names_the_command_that_writes_it() {
        assertThatThrownBy(() -> producer.produce(FakeStudio.bible(), 2, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("episodes/002/script.json")
                .hasMessageContaining("tsuzuku write " + ws.root() + " --episode 2");
    }

    @Test
    void next_is_the_lowest_written_episode_without_a_manifest() {
        Json.writeFile(ws.episodeDir(3).resolve("script.json"), FakeStudio.script(3));
        assertThat(producer.select("next")).containsExactly(1);

        Json.writeFile(ws.episodeDir(1).resolve("manifest.json"), "produced");

        assertThat(producer.select("next")).containsExactly(3);
        assertThat(producer.select("all")).containsExactly(1, 3);
        assertThat(producer.select("7")).containsExactly(7);
    }

    @Test
    void an_episode_selector_that_is_not_a_number_next_or_all_is_bad_input() {
        assertThatThrownBy(() -> producer.select("latest"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected an episode number, 'next' or 'all', got 'latest'");
    }
}
