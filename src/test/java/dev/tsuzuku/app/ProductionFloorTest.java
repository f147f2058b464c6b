package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.render.FfmpegMediaTool;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
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

/** produce through the app: the real board stage and runner, fast fakes for pictures, voices and mix. */
class ProductionFloorTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    final FakeStudio fakes = new FakeStudio();
    final List<String> notes = new ArrayList<>();
    Workspace ws;

    @BeforeEach
    void a_series_with_one_written_episode() {
        ws = new Workspace(dir);
        AtomicFiles.write(ws.bible(), BibleFile.render(FakeStudio.bible()));
        Json.writeFile(ws.seasonJson(), FakeStudio.season());
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go east."));
    }

    Studio studio() {
        Progress noting = new Progress() {
            public Task start(String label, long total) {
                return Progress.silent().start(label, total);
            }

            public void note(String message) {
                notes.add(message);
            }
        };
        return Studio.open(ws, CLOCK, noting, fakes::kit, FfmpegMediaTool.local());
    }

    @Test
    void an_edited_storyboard_is_produced_as_it_is_not_boarded_again() throws Exception {
        try (Studio studio = studio()) {
            assertThat(studio.writersRoom().board("1", false)).singleElement().extracting(WritersRoom.Boarded::ran).isEqualTo(true);
        }
        // the director replaces the board with their own cut (in the shape the fakes draw), then the script changes too
        Script theirs = FakeStudio.script(1, "A peach!", "I go east, by boat.");
        Storyboard edited = FakeStudio.Boards.of(theirs);
        Json.writeFile(ws.episodeDir(1).resolve("storyboard.json"), edited);
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go west."));
        String boardOnDisk = Files.readString(ws.episodeDir(1).resolve("storyboard.json"));

        try (Studio studio = studio()) {
            List<ProductionFloor.Produced> produced = studio.productionFloor().produce("1", false);

            assertThat(produced).singleElement().satisfies(p -> {
                assertThat(p.ran()).isTrue();
                assertThat(p.video()).isEqualTo("episodes/001/episode.mp4");
            });
        }
        assertThat(ws.episodeDir(1).resolve("storyboard.json")).hasContent(boardOnDisk);
        assertThat(ws.episodeDir(1).resolve("episode.srt")).content().contains("I go east, by boat.").doesNotContain("west");
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("episodes/001/storyboard.json was edited by hand; using it as it is",
                "tsuzuku board " + ws.root() + " --episode 1 --force"));
    }

    @Test
    void a_second_produce_is_up_to_date_and_reports_the_episode_from_its_manifest() throws Exception {
        // boarded, then edited into the fakes' shape, so the real storyboarder's 1080x1920 board is not encoded here
        try (Studio studio = studio()) {
            studio.writersRoom().board("1", false);
        }
        Json.writeFile(ws.episodeDir(1).resolve("storyboard.json"), FakeStudio.Boards.of(FakeStudio.script(1, "A peach!", "I go east.")));
        try (Studio studio = studio()) {
            assertThat(studio.productionFloor().produce("1", false)).singleElement().extracting(ProductionFloor.Produced::ran)
                    .isEqualTo(true);
        }
        try (Studio studio = studio()) {
            ProductionFloor.Produced again = studio.productionFloor().produce("1", false).get(0);

            assertThat(again.ran()).isFalse();
            assertThat(again.video()).isEqualTo("episodes/001/episode.mp4");
            assertThat(again.seconds()).isPositive();
        }
        assertThat(fakes.spoken).hasValue(3);
    }

    @Test
    void editing_episode_srt_by_hand_then_running_produce_again_is_refused_with_exit_2_and_names_force() throws Exception {
        try (Studio studio = studio()) {
            studio.writersRoom().board("1", false);
        }
        Json.writeFile(ws.episodeDir(1).resolve("storyboard.json"), FakeStudio.Boards.of(FakeStudio.script(1, "A peach!", "I go east.")));
        try (Studio studio = studio()) {
            studio.productionFloor().produce("1", false);
        }
        Path srt = ws.episodeDir(1).resolve("episode.srt");
        Files.writeString(srt, Files.readString(srt).replace("A peach!", "A giant peach!"));
        String mine = Files.readString(srt);

        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = dev.tsuzuku.cli.Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
        int exit = cl.execute("produce", dir.toString(), "--episode", "1");

        assertThat(exit).as(err.toString()).isEqualTo(dev.tsuzuku.cli.Main.BAD_INPUT);
        assertThat(err.toString()).contains("episodes/001/episode.srt: was edited after tsuzuku wrote it", "--force")
                .doesNotContain("Exception");
        assertThat(srt).hasContent(mine);
    }

    @Test
    void an_episode_that_is_not_in_the_season_says_so_and_how_many_there_are() {
        try (Studio studio = studio()) {
            assertThatThrownBy(() -> studio.productionFloor().produce("999", false))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("season.json: has no episode 999: it is not in the season, which has 3 episodes (it plans 1–3)")
                    .hasMessageContaining("tsuzuku plan")
                    .hasMessageNotContaining("tsuzuku write");
        }
    }

    @Test
    void next_is_the_lowest_written_episode_without_a_manifest() {
        Json.writeFile(ws.episodeDir(3).resolve("script.json"), FakeStudio.script(3));
        try (Studio studio = studio()) {
            ProductionFloor floor = studio.productionFloor();
            assertThat(floor.select("next")).containsExactly(1);

            Json.writeFile(ws.episodeDir(1).resolve("manifest.json"), "produced");

            assertThat(floor.select("next")).containsExactly(3);
            assertThat(floor.select("all")).containsExactly(1, 3);
            assertThat(floor.select("7")).containsExactly(7);
            assertThatThrownBy(() -> floor.select("latest"))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("expected an episode number, 'next' or 'all', got 'latest'");
        }
    }
}
