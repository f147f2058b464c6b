package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.workspace.BibleFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanAndWriteCommandTest {
    private static final Path SAMPLE = Path.of("samples/japanese-fairy-tales.txt");

    @TempDir
    Path dir;

    record Result(int exitCode, String out) {}

    static Result tsuzuku(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Result(code, out.toString());
    }

    /** Drafting a bible reads the whole book: once per class is enough. */
    private static String bibleYaml;

    @BeforeAll
    static void draftTheBibleOnce() {
        Source source = Ingest.read(SAMPLE);
        bibleYaml = BibleFile.render(BibleDrafter.draft(source, null));
    }

    @BeforeEach
    void aSeriesFolderWithTheSampleBook() throws Exception {
        Files.createDirectories(dir.resolve("source"));
        Files.copy(SAMPLE, dir.resolve("source/japanese-fairy-tales.txt"));
        Files.writeString(dir.resolve("series.yaml"), bibleYaml);
    }

    @Test
    void plan_writes_season_files_prints_the_table_and_skips_when_nothing_changed() throws Exception {
        Result first = tsuzuku("plan", dir.toString(), "--episodes", "30");

        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(first.out()).contains("ep    secs  hook", "001 ", "030 ", "30 episodes", "wrote season.json and season.md");
        assertThat(dir.resolve("season.json")).exists();
        assertThat(Files.readString(dir.resolve("season.md"))).contains("## 30. ");

        Result again = tsuzuku("plan", dir.toString(), "--episodes", "30");
        assertThat(again.out()).contains("30 episodes", "season plan is up to date (season.json and season.md unchanged)")
                .doesNotContain("wrote season.json");
    }

    @Test
    void write_makes_one_script_per_episode_skips_unchanged_ones_and_protects_edits() throws Exception {
        assertThat(tsuzuku("plan", dir.toString(), "--episodes", "30").exitCode()).isZero();

        Result first = tsuzuku("write", dir.toString(), "--episode", "2");
        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(first.out()).contains("wrote 1 script with the offline writer, 0 up to date");
        Path script = dir.resolve("episodes/002/script.json");
        assertThat(Files.readString(script)).contains("\"episode\" : 2", "\"scenes\"", "\"hook\"");
        assertThat(dir.resolve("episodes/002/script.fountain")).exists();

        assertThat(tsuzuku("write", dir.toString(), "--episode", "2").out()).contains("wrote 0 scripts", "1 up to date");

        Files.writeString(script, Files.readString(script).replace("\"episode\" : 2", "\"episode\" : 2 "));
        Result edited = tsuzuku("write", dir.toString(), "--episode", "2");
        assertThat(edited.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(edited.out()).contains("episodes/002/script.json", "was edited", "--force");

        assertThat(tsuzuku("write", dir.toString(), "--episode", "2", "--force").exitCode()).isZero();
    }

    @Test
    void write_without_a_plan_or_for_a_missing_episode_is_bad_input_that_says_what_to_run() {
        Result noPlan = tsuzuku("write", dir.toString());
        assertThat(noPlan.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(noPlan.out()).contains("season.json", "tsuzuku plan");

        assertThat(tsuzuku("plan", dir.toString(), "--episodes", "5").exitCode()).isZero();
        Result missing = tsuzuku("write", dir.toString(), "--episode", "9");
        assertThat(missing.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.out()).contains("has no episode 9: it is not in the season, which has 5 episodes (it plans 1–5)");
    }
}
