package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProduceCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void a_folder_without_series_yaml_is_bad_input_that_says_how_to_make_one() {
        int exit = run("produce", dir.toString(), "--episode", "1");

        assertThat(exit).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("series.yaml").contains("not a series workspace").contains("tsuzuku new");
    }

    @Test
    void an_episode_the_season_does_not_have_is_bad_input_that_says_how_many_there_are_not_to_write_it() {
        Workspace ws = new Workspace(dir);
        AtomicFiles.write(ws.bible(), BibleFile.render(FakeStudio.bible()));
        Json.writeFile(ws.seasonJson(), FakeStudio.season());
        Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!"));

        assertThat(run("produce", dir.toString(), "--episode", "999")).isEqualTo(Main.BAD_INPUT);

        assertThat(err.toString()).contains("season.json: has no episode 999: it is not in the season, which has 3 episodes",
                "fix: pick an episode from season.md, or re-plan with: tsuzuku plan").doesNotContain("tsuzuku write");
    }

    @Test
    void the_episode_option_is_required() {
        assertThat(run("produce", dir.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("--episode");
    }
}
