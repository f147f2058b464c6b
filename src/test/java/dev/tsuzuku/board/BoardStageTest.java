package dev.tsuzuku.board;

import static dev.tsuzuku.board.BoardFixtures.aBible;
import static dev.tsuzuku.board.BoardFixtures.aPlan;
import static dev.tsuzuku.board.BoardFixtures.urashimaEpisode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.MemoryStageLedger;
import dev.tsuzuku.pipeline.StageRunner;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardStageTest {
    private static final ZonedDateTime THU = ZonedDateTime.of(2026, 11, 26, 18, 0, 0, 0, ZoneId.of("Asia/Tokyo"));
    @TempDir
    Path dir;
    private Workspace ws;
    private BoardStage stage;
    private StageRunner runner;
    private final Bible bible = aBible().episodeSeconds(60).build();
    private final EpisodePlan plan = aPlan(1, "Who are you?");

    @BeforeEach
    void setUp() {
        ws = new Workspace(dir);
        runner = new StageRunner(ws, new MemoryStageLedger(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        stage = new BoardStage(ws, new Storyboarder());
        Json.writeFile(BoardStage.scriptFile(ws, 1), urashimaEpisode());
    }

    /** As {@code tsuzuku board} runs it: the verb that owns storyboard.json. */
    private StageRunner.Outcome run(Bible bible, EpisodePlan plan, ZonedDateTime nextDrop, boolean force) {
        return runner.run(stage.job(bible, plan, nextDrop), force);
    }

    @Test
    void writes_storyboard_json_in_the_contract_shape() throws Exception {
        assertThat(run(bible, plan, THU, false)).isEqualTo(StageRunner.Outcome.RAN);

        Path file = BoardStage.storyboardFile(ws, 1);
        JsonNode json = Json.mapper().readTree(Files.readString(file));
        assertThat(json.fieldNames()).toIterable().contains("episode", "fps", "width", "height", "shots", "mood", "endCard");
        JsonNode shot = json.get("shots").get(0);
        assertThat(shot.fieldNames()).toIterable().contains("index", "frames", "framing", "camera", "place", "timeOfDay",
                "cast", "action", "lines", "sfx", "prompt", "kind");
        assertThat(shot.get("kind").asText()).isEqualTo("cold-open");
        assertThat(shot.get("framing").asText()).isEqualTo("close-up");
        assertThat(shot.get("camera").asText()).isEqualTo("push-in");
        assertThat(shot.get("lines").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("speaker", "text", "startFrame", "endFrame");
        assertThat(json.get("endCard").asText()).endsWith("Next episode: Thu 18:00 JST");

        Storyboard back = Json.readFile(file, Storyboard.class, "tsuzuku board");
        assertThat(back).isEqualTo(new Storyboarder().board(urashimaEpisode(), bible, plan, THU));
    }

    @Test
    void runs_again_only_when_script_bible_plan_or_next_drop_change() {
        run(bible, plan, THU, false);
        assertThat(run(bible, plan, THU, false)).isEqualTo(StageRunner.Outcome.UP_TO_DATE);
        assertThat(run(bible, plan, THU.plusDays(1), false)).isEqualTo(StageRunner.Outcome.RAN);
        assertThat(run(aBible().episodeSeconds(90).build(), plan, THU.plusDays(1), false))
                .isEqualTo(StageRunner.Outcome.RAN);
    }

    @Test
    void a_storyboard_edited_by_hand_is_kept_unless_forced() throws Exception {
        run(bible, plan, THU, false);
        Path file = BoardStage.storyboardFile(ws, 1);
        Files.writeString(file, Files.readString(file).replace("\"mood\" : \"", "\"mood\" : \"x"));
        assertThatThrownBy(() -> run(bible, plan, THU.plusDays(1), false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("episodes/001/storyboard.json");
        assertThat(run(bible, plan, THU.plusDays(1), true)).isEqualTo(StageRunner.Outcome.RAN);
    }

    @Test
    void a_missing_script_is_bad_input_that_says_how_to_make_it() {
        assertThatThrownBy(() -> run(bible, aPlan(2, "Who?"), THU, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("script.json").hasMessageContaining("file not found")
                .hasMessageContaining("tsuzuku write").hasMessageContaining("--episode 2");
    }

    @Test
    void a_broken_script_is_bad_input_with_file_and_line() throws Exception {
        Files.writeString(BoardStage.scriptFile(ws, 1), "{\n  \"episode\": 1,\n  \"scenes\": [ oops ]\n}\n");
        assertThatThrownBy(() -> run(bible, plan, THU, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("script.json:3");
    }

    @Test
    void a_script_in_the_wrong_folder_is_bad_input() {
        Json.writeFile(BoardStage.scriptFile(ws, 2), urashimaEpisode());
        assertThatThrownBy(() -> run(bible, aPlan(2, "Who?"), THU, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("episodes/002/script.json: says it is episode 1");
    }

    @Test
    void a_later_stage_uses_an_edited_storyboard_as_it_is_even_when_its_inputs_changed() throws Exception {
        run(bible, plan, THU, false);
        Path file = BoardStage.storyboardFile(ws, 1);
        String edited = Files.readString(file).replace("\"mood\" : \"", "\"mood\" : \"x");
        Files.writeString(file, edited);

        assertThat(runner.use(stage.job(bible, plan, THU.plusDays(1)), "tsuzuku board --force"))
                .isEqualTo(StageRunner.Outcome.KEPT_EDIT);

        assertThat(file).hasContent(edited);
    }

    @Test
    void a_later_stage_has_a_missing_or_stale_storyboard_made() throws Exception {
        assertThat(runner.use(stage.job(bible, plan, THU), "")).isEqualTo(StageRunner.Outcome.RAN);
        assertThat(runner.use(stage.job(bible, plan, THU), "")).isEqualTo(StageRunner.Outcome.UP_TO_DATE);
        assertThat(runner.use(stage.job(bible, plan, THU.plusDays(1)), "")).isEqualTo(StageRunner.Outcome.RAN);
    }

    @Test
    void an_edited_script_is_boarded_as_it_is() throws Exception {
        run(bible, plan, THU, false);
        Path script = BoardStage.scriptFile(ws, 1);
        Files.writeString(script, Files.readString(script).replace("Urashima", "Urashima-san"));

        assertThat(run(bible, plan, THU, false)).isEqualTo(StageRunner.Outcome.RAN);

        assertThat(BoardStage.storyboardFile(ws, 1)).content().contains("Urashima-san");
    }
}
