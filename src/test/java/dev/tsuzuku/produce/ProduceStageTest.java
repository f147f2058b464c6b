package dev.tsuzuku.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.MemoryStageLedger;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.pipeline.StageRunner.Outcome;
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

class ProduceStageTest {
    private static final MediaTool MEDIA = FfmpegMediaTool.local();

    @TempDir
    Path root;

    final FakeStudio studio = new FakeStudio();
    final MemoryStageLedger ledger = new MemoryStageLedger();
    final List<String> notes = new ArrayList<>();
    final List<String> tasks = new ArrayList<>();
    Workspace ws;
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
    ProduceStage.Report report;

    @BeforeEach
    void a_written_episode() {
        ws = new Workspace(root);
        Json.writeFile(ws.seasonJson(), FakeStudio.season());
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go east."));
    }

    private Outcome produce(int episode, boolean force) {
        return produce(FakeStudio.bible(), episode, force);
    }

    private Outcome produce(dev.tsuzuku.model.Bible bible, int episode, boolean force) {
        Progress recording = new Progress() {
            public Task start(String label, long total) {
                tasks.add(label);
                return Progress.silent().start(label, total);
            }

            public void note(String message) {
                notes.add(message);
            }
        };
        ProductionKit kit = studio.kit();
        ProduceStage stage = new ProduceStage(ws, clock, kit.boarding(),
                ProduceSteps.standard(kit, MEDIA, new ArtifactCache(ws.cacheDir(), recording::note), clock),
                ProduceSteps.versions(kit, MEDIA));
        ProduceStage.Episode e = stage.job(bible, FakeStudio.plan(episode), force);
        Outcome o = new StageRunner(ws, ledger, clock, recording).run(e.job(), force);
        report = o == Outcome.RAN ? e.production().report() : null;
        return o;
    }

    @Test
    void produce_is_a_named_list_of_steps_in_pipeline_order() {
        ProductionKit kit = studio.kit();
        assertThat(ProduceSteps.standard(kit, MEDIA, new ArtifactCache(ws.cacheDir()), clock).names())
                .containsExactly("sheets", "voices", "retime", "shots", "mix", "cut", "sidecars", "verify", "manifest", "hls");

        produce(1, false);

        assertThat(tasks).containsExactly("sheets", "voices", "retime", "shots", "mix", "cut", "sidecars", "verify", "manifest", "hls");
    }

    @Test
    void produce_writes_a_verified_episode_folder_with_a_manifest_that_points_at_it() throws Exception {
        assertThat(produce(1, false)).isEqualTo(Outcome.RAN);

        Path dir = ws.episodeDir(1);
        for (String f : List.of("episode.mp4", "episode.srt", "episode.vtt", "cover.jpg", "thumb.jpg", "manifest.json")) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        assertThat(ws.charactersDir().resolve("momotaro.txt")).isRegularFile();
        JsonNode m = Json.mapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(m.fieldNames()).toIterable().containsExactly("series", "episode", "title", "durationSeconds", "hook",
                "files", "shots", "producedAt", "cost", "checksum", "voice");
        // the voice share is measured on the placed lines (the fake mixer: one second each)
        assertThat(m.get("voice").get("share").asDouble()).isGreaterThan(0).isLessThan(1);
        assertThat(m.get("voice").get("seconds").asDouble()).isEqualTo(m.get("durationSeconds").asDouble());
        assertThat(m.get("series").asText()).isEqualTo("peach-boy");
        assertThat(m.get("episode").asInt()).isEqualTo(1);
        assertThat(m.get("hook").get("kind").asText()).isEqualTo("question");
        assertThat(m.get("files").get("video").asText()).isEqualTo("episode.mp4");
        assertThat(m.get("shots")).hasSize(3);
        assertThat(m.get("shots").get(0).get("provider").asText()).isEqualTo("animatic");
        assertThat(m.get("producedAt").asText()).isEqualTo("2026-11-25T01:00:00Z");
        assertThat(m.get("cost").get("currency").asText()).isEqualTo("USD");
        assertThat(m.get("checksum").asText()).isEqualTo(InputHash.file(dir.resolve("episode.mp4")));
        assertThat(m.get("durationSeconds").asDouble()).isEqualTo(report.seconds());
        assertThat(Files.readString(dir.resolve("episode.srt"))).contains("Momotaro: A peach!");
        assertThat(report.reuse()).isEqualTo("reused 0/3 shot segments, 0/3 voice lines");
        assertThat(notes).last().isEqualTo("episode 1: reused 0/3 shot segments, 0/3 voice lines");
        assertThat(ledger.lastSuccess("produce", "episode/001").orElseThrow().outputs()).containsOnlyKeys(
                "episodes/001/episode.mp4", "episodes/001/episode.srt", "episodes/001/episode.vtt",
                "episodes/001/cover.jpg", "episodes/001/thumb.jpg", "episodes/001/manifest.json");
    }

    @Test
    void the_hls_ladder_is_made_from_the_cut_and_kept_while_the_cut_is_the_same() throws Exception {
        produce(1, false);
        Path hls = ws.episodeDir(1).resolve("hls");
        assertThat(Files.readString(hls.resolve("master.m3u8"))).contains("1080/index.m3u8", "720/index.m3u8", "480/index.m3u8");
        for (String rung : List.of("1080", "720", "480")) {
            String playlist = Files.readString(hls.resolve(rung + "/index.m3u8"));
            assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-MAP:URI=", "seg_00000.m4s", "#EXT-X-ENDLIST");
            // every segment but the last is two of the master's one-second GOPs
            List<String> lengths = playlist.lines().filter(l -> l.startsWith("#EXTINF:")).toList();
            assertThat(lengths.subList(0, lengths.size() - 1)).allMatch(l -> l.startsWith("#EXTINF:2.0"));
        }
        Files.writeString(hls.resolve("left-by-the-first-run"), "");
        ws.episodeDir(1).resolve("cover.jpg").toFile().delete();

        assertThat(produce(1, false)).isEqualTo(Outcome.RAN);

        assertThat(hls.resolve("left-by-the-first-run")).as("the ladder of the same cut is kept").exists();
        assertThat(ws.episodeDir(1).resolve("cover.jpg")).isRegularFile();
    }

    @Test
    void a_second_run_with_nothing_changed_is_up_to_date_and_calls_no_adapter() throws Exception {
        produce(1, false);
        String manifest = Files.readString(ws.episodeDir(1).resolve("manifest.json"));
        clock = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);

        assertThat(produce(1, false)).isEqualTo(Outcome.UP_TO_DATE);

        assertThat(studio.spoken).hasValue(3);
        assertThat(studio.shotsDrawn).hasValue(3);
        assertThat(studio.mixes).hasValue(1);
        assertThat(ws.episodeDir(1).resolve("manifest.json")).hasContent(manifest);
    }

    @Test
    void a_changed_era_draws_the_character_sheets_again() {
        produce(1, false);
        assertThat(studio.sheetsDrawn).hasValue(1);

        assertThat(produce(FakeStudio.bible().withSetting(new dev.tsuzuku.model.Setting("western-period", "1890s", "London", "")), 1, false))
                .isEqualTo(Outcome.RAN);

        assertThat(studio.sheetsDrawn).as("costumes follow the era").hasValue(2);
    }

    @Test
    void a_deleted_output_is_made_again_from_the_cache_and_keeps_the_first_production_time() {
        produce(1, false);
        clock = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);
        ws.episodeDir(1).resolve("cover.jpg").toFile().delete();

        assertThat(produce(1, false)).isEqualTo(Outcome.RAN);

        assertThat(report.reuse()).isEqualTo("reused 3/3 shot segments, 3/3 voice lines, the cut");
        assertThat(studio.spoken).hasValue(3);
        assertThat(ws.episodeDir(1).resolve("cover.jpg")).isRegularFile();
        assertThat(ws.episodeDir(1).resolve("manifest.json")).content().contains("\"producedAt\" : \"2026-11-25T01:00:00Z\"");
    }

    @Test
    void the_mix_is_made_once_alongside_the_shots_and_a_failure_there_is_reported_by_the_mix_step() {
        produce(1, false);

        // made in the shots step's pool (its threads are named "render"), not again by the mix step
        assertThat(studio.mixThreads).containsExactly("render");
        assertThat(ws.episodeDir(1).resolve("episode.mp4")).isRegularFile();

        studio.mixFailures.set(2); // alongside the shots, then again in the mix step
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go west instead."));
        assertThatThrownBy(() -> produce(1, false)).hasMessageContaining("the fake mixer broke");
        assertThat(studio.mixThreads).hasSize(3);
        assertThat(studio.mixThreads.get(2)).isNotEqualTo("render");
    }

    @Test
    void changing_one_line_redoes_only_that_line_its_shot_the_mix_and_the_cut() {
        produce(1, false);
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go west instead."));

        produce(1, false);

        assertThat(report.reuse()).isEqualTo("reused 2/3 shot segments, 2/3 voice lines");
        assertThat(studio.spoken).hasValue(4);
        assertThat(studio.shotsDrawn).hasValue(4);
        assertThat(studio.mixes).hasValue(2);
        assertThat(ws.episodeDir(1).resolve("episode.srt")).content().contains("I go west instead.");
    }

    @Test
    void every_output_edited_by_hand_is_refused_without_force_and_replaced_with_it() throws Exception {
        produce(1, false);
        for (String name : List.of("episode.mp4", "episode.srt", "episode.vtt", "cover.jpg", "thumb.jpg", "manifest.json")) {
            Path file = ws.episodeDir(1).resolve(name);
            byte[] made = Files.readAllBytes(file);
            Files.writeString(file, "my own " + name);

            assertThatThrownBy(() -> produce(1, false)).as(name)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("episodes/001/" + name)
                    .hasMessageContaining("was edited after tsuzuku wrote it")
                    .hasMessageContaining("--force");
            assertThat(file).as(name).hasContent("my own " + name);
            Files.write(file, made);
        }
        assertThat(studio.spoken).as("a refused run makes nothing").hasValue(3);

        Files.writeString(ws.episodeDir(1).resolve("episode.srt"), "my subtitles");
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go west instead."));
        assertThatThrownBy(() -> produce(1, false)).hasMessageContaining("episodes/001/episode.srt");
        assertThat(produce(1, true)).isEqualTo(Outcome.RAN);
        assertThat(ws.episodeDir(1).resolve("episode.srt")).content().contains("I go west instead.");
    }

    @Test
    void force_redoes_everything() {
        produce(1, false);

        produce(1, true);

        assertThat(report.reuse()).isEqualTo("reused 0/3 shot segments, 0/3 voice lines");
        assertThat(studio.spoken).hasValue(6);
    }

    @Test
    void scratch_files_a_killed_run_left_behind_are_swept_after_a_day() throws Exception {
        Path tmp = Files.createDirectories(ws.cacheDir().resolve("tmp"));
        Path old = Files.writeString(tmp.resolve("work-1.mp4"), "half");
        Path fresh = Files.writeString(tmp.resolve("work-2.mp4"), "half");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(Instant.parse("2026-11-23T01:00:00Z")));
        Files.setLastModifiedTime(fresh, java.nio.file.attribute.FileTime.from(Instant.parse("2026-11-25T00:30:00Z")));

        produce(1, false);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void a_missing_script_names_the_command_that_writes_it() {
        assertThatThrownBy(() -> produce(2, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("episodes/002/script.json")
                .hasMessageContaining("tsuzuku write " + ws.root() + " --episode 2");
    }
}
