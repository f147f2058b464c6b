package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.workspace.BibleFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NewCommandTest {
    private static final Path SAMPLE = Path.of("samples/japanese-fairy-tales.txt");
    private static String story;

    @TempDir
    Path tmp;

    /** What a run printed and returned. */
    record Run(int exit, String out, String err) {}

    private static Run tsuzuku(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void aSmallStory() throws IOException {
        // Three tales cut from the sample keep these tests fast; the full sample runs once below.
        String all = Ingest.normalizeLineEndings(Files.readString(SAMPLE));
        story = all.substring(all.indexOf("THE STORY OF URASHIMA TARO, THE FISHER LAD.\n"), all.indexOf("THE FARMER AND THE BADGER\n\n\n"));
    }

    private Path storyFile() throws IOException {
        return Files.writeString(tmp.resolve("urashima.txt"), story.replace("\n", "\r\n"));
    }

    @Test
    void new_creates_the_workspace_with_the_source_bytes_the_bible_and_the_state_db() throws IOException {
        Path dir = tmp.resolve("series");
        Run run = tsuzuku("new", dir.toString(), "--from", SAMPLE.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(dir.resolve("source/japanese-fairy-tales.txt")).hasSameBinaryContentAs(SAMPLE);
        Bible loaded = BibleFile.load(dir.resolve("series.yaml"));
        assertThat(loaded).isEqualTo(BibleDrafter.draft(Ingest.read(SAMPLE), null));
        assertThat(dir.resolve(".tsuzuku")).isDirectory();
        assertThat(run.out()).contains("22 chapters", "Top cast:", "Momotaro (", "Places:", "the sea",
                "tsuzuku plan " + dir);
    }

    @Test
    void the_title_option_names_the_series() throws IOException {
        Path dir = tmp.resolve("s");
        Run run = tsuzuku("new", dir.toString(), "--from", storyFile().toString(), "--title", "The Fisher Lad");

        assertThat(run.exit()).as(run.err()).isZero();
        Bible bible = BibleFile.load(dir.resolve("series.yaml"));
        assertThat(bible.title()).isEqualTo("The Fisher Lad");
        assertThat(bible.id()).isEqualTo("the-fisher-lad");
        assertThat(bible.character("Urashima")).isPresent();
    }

    @Test
    void an_existing_bible_is_not_overwritten_without_force() throws IOException {
        Path dir = tmp.resolve("s");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("series.yaml"), "# my edits\n");

        Run run = tsuzuku("new", dir.toString(), "--from", storyFile().toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("series.yaml: a series bible already exists; not overwriting it", "fix:", "--force");
        assertThat(dir.resolve("series.yaml")).hasContent("# my edits");
        assertThat(dir.resolve("source")).doesNotExist();
    }

    @Test
    void force_replaces_the_bible_with_a_fresh_draft() throws IOException {
        Path dir = tmp.resolve("s");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("series.yaml"), "# my edits\n");

        Run run = tsuzuku("new", dir.toString(), "--from", storyFile().toString(), "--force");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("series.yaml"))).contains("Urashima Taro");
        assertThat(run.out()).contains("series.yaml replaced");
    }

    @Test
    void force_with_another_book_keeps_one_source_and_sets_the_old_one_aside() throws IOException {
        Path dir = tmp.resolve("s");
        assertThat(tsuzuku("new", dir.toString(), "--from", storyFile().toString()).exit()).isZero();
        Path other = Files.writeString(tmp.resolve("fisher.txt"), story);

        Run refused = tsuzuku("new", dir.toString(), "--from", other.toString());
        Files.delete(dir.resolve("series.yaml"));
        Run stillRefused = tsuzuku("new", dir.toString(), "--from", other.toString());
        Run forced = tsuzuku("new", dir.toString(), "--from", other.toString(), "--force");

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(stillRefused.exit()).isEqualTo(2);
        assertThat(stillRefused.err()).contains("source: already holds another source: urashima.txt", "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        try (Stream<Path> sources = Files.list(dir.resolve("source"))) {
            assertThat(sources.map(p -> p.getFileName().toString())).containsExactly("fisher.txt");
        }
        assertThat(dir.resolve(".tsuzuku/replaced-sources/urashima.txt")).exists();
    }

    @Test
    void a_missing_source_is_exit_2_and_nothing_is_created() {
        Path dir = tmp.resolve("s");
        Run run = tsuzuku("new", dir.toString(), "--from", tmp.resolve("nope.txt").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nope.txt: file not found", "fix:").doesNotContain("Exception", "\tat ");
        assertThat(dir).doesNotExist();
    }

    @Test
    void a_directory_as_source_is_exit_2() {
        Run run = tsuzuku("new", tmp.resolve("s").toString(), "--from", tmp.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is a directory, not a text file");
    }

    @Test
    void an_empty_source_is_exit_2() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\r\n  \r\n");
        Run run = tsuzuku("new", tmp.resolve("s").toString(), "--from", empty.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("empty.txt: the file is empty (only whitespace)");
    }

    @Test
    void a_binary_source_is_exit_2() throws IOException {
        Path bin = Files.write(tmp.resolve("book.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 8});
        Run run = tsuzuku("new", tmp.resolve("s").toString(), "--from", bin.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("binary file");
    }

    @Test
    void a_latin1_source_is_exit_2_with_line_and_the_iconv_fix() throws IOException {
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), ("Once\nupon a time in G\u00f6ttingen\n" + story).getBytes(StandardCharsets.ISO_8859_1));
        Run run = tsuzuku("new", tmp.resolve("s").toString(), "--from", latin1.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("latin1.txt:2:17: not UTF-8", "byte 0xF6 at offset 21 (line 2)", "iconv -f latin1 -t utf-8");
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    @Test
    void a_too_short_source_is_exit_2() throws IOException {
        Path shortStory = Files.writeString(tmp.resolve("short.txt"), "Once upon a time there was a fox.\n");
        Run run = tsuzuku("new", tmp.resolve("s").toString(), "--from", shortStory.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("too little text to plan a series", "need at least 2,000");
    }

    @Test
    void a_file_where_the_workspace_should_be_is_exit_2() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("taken"), "x");
        Run run = tsuzuku("new", notADir.toString(), "--from", storyFile().toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("exists and is a file, not a folder");
    }

    @Test
    void the_from_option_is_required() {
        Run run = tsuzuku("new", tmp.resolve("s").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--from");
    }

    @Test
    void nothing_but_the_workspace_folder_is_touched() throws IOException {
        Path dir = tmp.resolve("s");
        tsuzuku("new", dir.toString(), "--from", storyFile().toString());

        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("source", "series.yaml", ".tsuzuku");
        }
    }
}
