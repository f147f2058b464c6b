package dev.tsuzuku.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeasonFilesTest {
    @TempDir
    Path dir;

    private final Bible bible = TestBibles.fairyTales().episodeSeconds(60).build();

    private Season season() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            paragraphs.add(TestSources.filler(600, i) + (i % 5 == 4 ? " Suddenly the ogre roared?" : ""));
        }
        Source source = TestSources.aSource().tale("The Ogre", paragraphs).build();
        return new SeasonPlanner().plan(source, bible, OptionalInt.empty());
    }

    @Test
    void season_json_has_the_contract_shape_and_reads_back_equal() throws Exception {
        Workspace ws = new Workspace(dir);
        Season season = season();

        SeasonFiles.write(ws, season, bible);

        JsonNode root = Json.mapper().readTree(Files.readString(ws.seasonJson()));
        assertThat(root.get("series").asText()).isEqualTo("fairy-tales");
        JsonNode first = root.get("episodes").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("number", "title", "synopsis", "estimatedSeconds",
                "source", "beats", "coldOpen", "hook", "previously", "cut");
        assertThat(first.get("source").fieldNames()).toIterable().containsExactly("startChar", "endChar");
        assertThat(first.get("hook").get("kind").asText()).isIn("question", "threat", "reveal", "danger", "turn", "promise");
        assertThat(first.get("cut").fieldNames()).toIterable().contains("hookStrength", "lengthPenalty", "total", "cues");
        assertThat(SeasonFiles.read(ws)).isEqualTo(season);
    }

    @Test
    void season_md_shows_each_episode_with_time_synopsis_beats_hook_kind_and_why_the_cut_is_there() throws Exception {
        Workspace ws = new Workspace(dir);
        Season season = season();

        SeasonFiles.write(ws, season, bible);

        String md = Files.readString(ws.seasonMarkdown());
        assertThat(md).startsWith("# Japanese Fairy Tales: season plan");
        assertThat(md).contains("## 1. " + season.episodes().get(0).title());
        assertThat(md).contains(season.episodes().get(0).estimatedSeconds() + " s");
        assertThat(md).contains("**Beats:**", "**Cold open:**");
        assertThat(md).contains("**Hook (" + season.episodes().get(0).hook().kind().wireName() + "):** "
                + season.episodes().get(0).hook().text());
        assertThat(md).contains("**Why the cut is here:** hook strength " + season.episodes().get(0).cut().hookStrength());
    }

    @Test
    void an_episode_without_a_number_is_named_at_its_line_instead_of_becoming_episode_zero() {
        String json = "{\"series\": \"x\", \"episodes\": [\n  {\"number\": 1, \"source\": {\"startChar\": 0}},\n  {\"title\": \"B\"}\n]}";

        assertThat(SeasonFiles.episodeNumbers("season.json", json)).extracting(p -> p.line() + ":" + p.column() + " " + p.message())
                .containsExactly("3:3 episodes[1] has no number");
    }
}
