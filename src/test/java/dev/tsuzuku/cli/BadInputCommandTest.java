package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input as a user meets it: exit code 2, the file, the line and a fix, never Java internals. */
class BadInputCommandTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out) {}

    static Result tsuzuku(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return new Result(cl.execute(args), out.toString());
    }

    static final String BIBLE = """
            id: tales
            title: Tales
            language: en
            cast:
              - name: Taro
                role: lead
                voice: {voice: en-us+m3, pitch: 45}
            """;

    private Result planWith(String bible) throws Exception {
        Files.writeString(dir.resolve("series.yaml"), bible);
        return tsuzuku("plan", dir.toString());
    }

    private void assertBadInput(Result r, String... expected) {
        assertThat(r.exitCode()).as(r.out()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).contains(expected).contains("fix: ").doesNotContain("Exception", "\tat ", "`");
    }

    @Test
    void an_alias_bomb_in_series_yaml_is_refused_at_its_line() throws Exception {
        StringBuilder bomb = new StringBuilder(BIBLE).append("genre: x\nlol:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (int level = 1; level <= 9; level++) {
            bomb.append("  b").append(level).append(": &b").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = "b" + level;
        }
        assertBadInput(planWith(bomb.toString()), "series.yaml:13:22: more than 20 aliases", "write the values out");
    }

    @Test
    void deep_nesting_in_series_yaml_is_refused_at_its_line() throws Exception {
        assertBadInput(planWith(BIBLE + "genre: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"),
                "series.yaml:8:27: lists and mappings nest more than 20 deep here");
    }

    @Test
    void a_five_megabyte_series_yaml_is_refused_at_the_line_that_passes_the_limit() throws Exception {
        String pasted = ("logline: \"" + "a long pasted line ".repeat(50_000) + "\"\n").repeat(5);
        assertBadInput(planWith(BIBLE + pasted), "series.yaml:9: the file is 4.5 MB; the limit is 1 MB and line 9 passes it",
                "remove the text pasted into it from line 9 on");
    }

    @Test
    void an_unclosed_quote_is_reported_where_it_opened() throws Exception {
        String bible = BIBLE.replace("title: Tales", "title: \"Tales").replace("language: en",
                "language: en\ngenre: \"fairy\"\nlogline: a tale");
        assertBadInput(planWith(bible), "series.yaml:2:8: YAML syntax: this quote is not closed on its line",
                "end the text with the same quote mark on line 2");
    }

    @Test
    void an_empty_title_is_called_empty() throws Exception {
        Result r = planWith(BIBLE.replace("title: Tales", "title:"));
        assertBadInput(r, "series.yaml:2:1: title: is empty");
        assertThat(r.out()).doesNotContain("missing");
    }

    @Test
    void an_unknown_style_preset_is_refused_with_did_you_mean() throws Exception {
        assertBadInput(planWith(BIBLE + "style: {preset: noir-inc}\n"),
                "series.yaml:8:17: style.preset: 'noir-inc' is not a style preset", "did you mean 'noir-ink'?");
    }

    @Test
    void a_bad_voice_id_is_refused_when_the_bible_loads_not_at_produce() throws Exception {
        assertBadInput(planWith(BIBLE.replace("en-us+m3", "en-us+m33")),
                "series.yaml:7:20: cast[0].voice.voice: '+m33' is not an espeak-ng voice variant", "espeak-ng --voices");
    }

    private Result writeWithSeason(String episodes) throws Exception {
        Files.writeString(dir.resolve("series.yaml"), BIBLE);
        Files.writeString(dir.resolve("season.json"), "{\n  \"series\" : \"tales\",\n  \"episodes\" : [\n" + episodes + "\n  ]\n}\n");
        return tsuzuku("write", dir.toString());
    }

    private static String episode(String number) {
        return "    {\n      \"number\" : " + number + ",\n      \"title\" : \"A\"\n    }";
    }

    @Test
    void a_non_integer_episode_number_names_file_line_and_fix_without_jackson_internals() throws Exception {
        Result r = writeWithSeason(episode("\"one\""));
        assertBadInput(r, "season.json:5:18: episodes[0].number: expected a whole number, got \"one\"",
                "number the episodes 1, 2, 3");
        assertThat(r.out()).doesNotContain("deserialize", "java.", "dev.tsuzuku");
    }

    @Test
    void negative_huge_fractional_and_duplicate_episode_numbers_are_refused_each_at_its_line() throws Exception {
        Result r = writeWithSeason(String.join(",\n", episode("-5"), episode("1000000000"), episode("1.5"),
                episode("2"), episode("2")));
        assertBadInput(r, "season.json:5:18: episodes[0].number: -5 is outside 1–999",
                "season.json:9:18: episodes[1].number: 1000000000 is outside 1–999",
                "season.json:13:18: episodes[2].number: 1.5 is not a whole number",
                "season.json:21:18: episodes[4].number: episode 2 is listed twice (first at line 17)");
        assertThat(dir.resolve("episodes")).doesNotExist();
    }

    @Test
    void a_fifo_as_the_source_is_refused_instead_of_hanging() throws Exception {
        Path fifo = dir.resolve("book.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertBadInput(tsuzuku("new", dir.resolve("series").toString(), "--from", fifo.toString()),
                "book.txt: is not a regular file (a named pipe, device or socket)", "save the text to a file first");
    }

    @Test
    void a_file_where_a_folder_must_go_names_the_reason_and_the_fix() throws Exception {
        Path book = dir.resolve("book.txt");
        Files.writeString(book, "The Tale of Taro\n\n" + "Taro walked to the sea and saw a turtle. ".repeat(100));
        Path series = dir.resolve("series");
        Files.createDirectories(series);
        Files.writeString(series.resolve("source"), "not a folder");

        Result r = tsuzuku("new", series.toString(), "--from", book.toString());
        assertBadInput(r, "cannot write " + series.resolve("source/book.txt") + ": not a directory",
                "a file stands where a folder is needed");
    }
}
