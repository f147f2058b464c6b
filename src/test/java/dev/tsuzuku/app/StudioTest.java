package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.StageRun;
import dev.tsuzuku.store.DatabaseStageLedger;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void opening_a_studio_creates_the_state_folder_and_keeps_the_ledger_in_its_database() {
        Workspace ws = new Workspace(dir);
        try (Studio studio = Studio.open(ws, CLOCK, Progress.silent())) {
            assertThat(ws.stateDir()).isDirectory();
            assertThat(ws.stateDir().resolve("state.mv.db")).isRegularFile();
            assertThat(studio.ledger()).isInstanceOf(DatabaseStageLedger.class);
            studio.ledger().recordSuccess(new StageRun("plan", "season", "h", Map.of(), CLOCK.instant()));
        }
        try (Studio again = Studio.open(ws, CLOCK, Progress.silent())) {
            assertThat(again.ledger().lastSuccess("plan", "season")).isPresent();
        }
    }

    @Test
    void stages_run_by_the_runner_and_a_produced_episode_reach_the_episode_status() throws Exception {
        Workspace ws = new Workspace(dir);
        java.nio.file.Files.writeString(ws.bible(), dev.tsuzuku.workspace.BibleFile.render(dev.tsuzuku.workspace.BibleFile.draft(
                "tales", "Tales", "en", java.util.List.of(new dev.tsuzuku.model.Character("Taro", java.util.List.of(),
                        dev.tsuzuku.model.Character.Role.LEAD, null, null)))));
        dev.tsuzuku.model.EpisodePlan plan = new dev.tsuzuku.model.EpisodePlan(1, "The Turtle", "s", 150,
                new dev.tsuzuku.model.SourceSpan(0, 10), java.util.List.of("b"), "c",
                new dev.tsuzuku.model.Hook("What?", dev.tsuzuku.model.HookKind.QUESTION), "",
                new dev.tsuzuku.model.CutScore(0.8, 0.1, 0.7, java.util.List.of()));
        try (Studio studio = Studio.open(ws, CLOCK, Progress.silent(), null)) {
            studio.runner().run("plan", "season", "h", false, () -> {
                dev.tsuzuku.workspace.Json.writeFile(ws.seasonJson(), new dev.tsuzuku.model.Season("tales", java.util.List.of(plan)));
                return java.util.List.of(ws.seasonJson());
            });
            Path episode = ws.episodeDir(1);
            java.nio.file.Files.createDirectories(episode);
            // produce is a stage like the others: what its job writes reaches the status through the ledger
            studio.runner().run(new dev.tsuzuku.pipeline.Job("produce", "episode/001", "p", progress -> {
                java.util.List<Path> files = new java.util.ArrayList<>();
                for (String f : java.util.List.of("episode.mp4", "episode.srt", "episode.vtt", "cover.jpg", "thumb.jpg", "manifest.json")) {
                    files.add(java.nio.file.Files.writeString(episode.resolve(f), f));
                }
                return files;
            }), false);

            var status = studio.episodes().status();
            assertThat(status.episodes()).singleElement().satisfies(e -> assertThat(e.status().wireName()).isEqualTo("produced"));
            assertThat(studio.episodes().repository().artifacts("tales")).extracting(a -> a.path() + " " + a.kind()).containsExactly(
                    "season.json season",
                    "episodes/001/cover.jpg cover", "episodes/001/episode.mp4 video", "episodes/001/episode.srt subtitles",
                    "episodes/001/episode.vtt subtitles", "episodes/001/manifest.json manifest", "episodes/001/thumb.jpg thumbnail");
        }
    }
}
