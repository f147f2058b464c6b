package dev.tsuzuku.ingest;

import static dev.tsuzuku.ingest.Books.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceScene;
import dev.tsuzuku.model.SourceSpan;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {
    @TempDir
    Path tmp;

    private static final String THREE_CHAPTERS = book()
            .chapter("CHAPTER I", 6).chapter("CHAPTER II", 6).chapter("CHAPTER III", 6).text();

    // --- line endings, BOM --------------------------------------------------------------------

    @Test
    void crlf_cr_and_lf_give_the_same_source() {
        Source lf = Ingest.parse("b.txt", THREE_CHAPTERS);
        Source crlf = Ingest.parse("b.txt", THREE_CHAPTERS.replace("\n", "\r\n"));
        Source cr = Ingest.parse("b.txt", THREE_CHAPTERS.replace("\n", "\r"));

        assertThat(crlf).isEqualTo(lf);
        assertThat(cr).isEqualTo(lf);
        assertThat(lf.text()).doesNotContain("\r");
    }

    @Test
    void a_utf8_bom_is_dropped() throws IOException {
        Path file = tmp.resolve("bom.txt");
        byte[] body = THREE_CHAPTERS.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(file, withBom);

        Source source = Ingest.read(file);

        assertThat(source.text()).doesNotContain("\uFEFF").startsWith("CHAPTER I");
        assertThat(source).isEqualTo(new Source(file.toString(), Ingest.parse("x.txt", THREE_CHAPTERS).text(),
                Ingest.parse("x.txt", THREE_CHAPTERS).chapters(), null));
    }

    // --- bad input: each names the file and the fix --------------------------------------------

    @Test
    void a_missing_file_is_bad_input() {
        assertThatThrownBy(() -> Ingest.read(tmp.resolve("nope.txt")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nope.txt").hasMessageContaining("file not found").hasMessageContaining("fix:");
    }

    @Test
    void a_directory_is_bad_input() {
        assertThatThrownBy(() -> Ingest.read(tmp))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is a directory").hasMessageContaining("fix:");
    }

    @Test
    void an_empty_or_blank_file_is_bad_input() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "");
        Path blank = Files.writeString(tmp.resolve("blank.txt"), " \r\n\t\n ");

        assertThatThrownBy(() -> Ingest.read(empty)).isInstanceOf(BadInputException.class).hasMessageContaining("empty.txt: the file is empty");
        assertThatThrownBy(() -> Ingest.read(blank)).isInstanceOf(BadInputException.class).hasMessageContaining("only whitespace");
    }

    @Test
    void a_binary_file_is_bad_input() throws IOException {
        Path png = tmp.resolve("cover.txt");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        assertThatThrownBy(() -> Ingest.read(png)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("binary file").hasMessageContaining("fix: export the book as plain text");
    }

    @Test
    void control_characters_everywhere_mean_binary_even_without_nul() {
        String noisy = "abc\u0001\u0002\u0003def\u0004\u0005\u0006".repeat(300);

        assertThatThrownBy(() -> Ingest.parse("noise.txt", noisy)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("binary file");
    }

    @Test
    void latin1_text_names_the_offset_and_line_of_the_first_bad_byte_and_the_iconv_fix() throws IOException {
        Path file = tmp.resolve("latin1.txt");
        String text = "first line\r\nsecond line\r\ncaf\u00e9 au lait\r\n";
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Ingest.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("latin1.txt:3:4")
                .hasMessageContaining("byte 0xE9 at offset 28 (line 3)")
                .hasMessageContaining("iconv -f latin1 -t utf-8");
    }

    @Test
    void utf16_is_recognised_and_gets_its_own_fix() throws IOException {
        Path file = tmp.resolve("utf16.txt");
        Files.write(file, ("\uFEFF" + THREE_CHAPTERS).getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> Ingest.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("UTF-16").hasMessageContaining("iconv -f utf-16 -t utf-8");
    }

    @Test
    void a_file_over_32_mb_names_its_size_and_the_limit() throws IOException {
        Path big = tmp.resolve("big.txt");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), 33L * 1024 * 1024); // sparse: no 33 MB written
        }

        assertThatThrownBy(() -> Ingest.read(big)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("too large: 33.0 MB (the limit is 32 MB)");
    }

    @Test
    void too_little_text_is_bad_input_counted_after_boilerplate() {
        String tiny = "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nA short note.\n\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\n"
                + "license text ".repeat(400);

        assertThatThrownBy(() -> Ingest.parse("note.txt", tiny)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("too little text to plan a series: 11 characters")
                .hasMessageContaining("need at least 2,000");
    }

    @Test
    void other_formats_are_refused_with_a_conversion_hint() throws IOException {
        Path epub = Files.writeString(tmp.resolve("book.epub"), THREE_CHAPTERS);

        assertThatThrownBy(() -> Ingest.read(epub)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a .txt or .md file").hasMessageContaining("plain text");
    }

    // --- structure -----------------------------------------------------------------------------

    @Test
    void chapter_headings_in_the_usual_forms_are_found() {
        String text = book().chapter("CHAPTER IV", 6).chapter("Chapter 5: The Storm", 6).chapter("VI. THE HARBOUR", 6).text();

        Source s = Ingest.parse("b.txt", text);

        assertThat(s.chapters()).extracting(Chapter::title)
                .containsExactly("Chapter IV", "Chapter 5: The Storm", "VI. The Harbour");
    }

    @Test
    void a_chapter_number_line_followed_by_a_title_line_becomes_one_title() {
        String text = book().chapter("CHAPTER I\n\nTHE RIVER", 10).chapter("CHAPTER II\n\nTHE FOX", 10).text();

        assertThat(Ingest.parse("b.txt", text).chapters()).extracting(Chapter::title)
                .containsExactly("Chapter I: The River", "Chapter II: The Fox");
    }

    @Test
    void markdown_front_matter_is_stripped_and_headings_are_chapters() {
        String md = "---\ntitle: \"The Plum Thief\"\nauthor: someone\n---\n\n# The Plum Thief\n\n"
                + book().chapter("## The River", 6).chapter("## The Market", 6).chapter("## The Pine Tree", 6).text();

        Source s = Ingest.parse("story.md", md);

        assertThat(s.title()).isEqualTo("The Plum Thief");
        assertThat(s.text()).doesNotContain("author:").startsWith("## The River");
        assertThat(s.chapters()).extracting(Chapter::title).containsExactly("The River", "The Market", "The Pine Tree");
    }

    @Test
    void a_text_without_headings_is_one_chapter_named_after_the_file() {
        Source s = Ingest.parse("/books/plum-thief.txt", book().chapter("", 20).text().strip());

        assertThat(s.chapters()).hasSize(1);
        assertThat(s.chapters().get(0).title()).isEqualTo("plum-thief");
    }

    @Test
    void scene_breaks_split_scenes_and_paragraphs_are_blank_line_separated() {
        String text = book().chapter("CHAPTER I", 3).raw("* * *\n").chapter("", 3).raw("***\n").chapter("", 3)
                .chapter("CHAPTER II", 10).text();

        Chapter c = Ingest.parse("b.txt", text).chapters().get(0);

        assertThat(c.scenes()).hasSize(3);
        assertThat(c.scenes()).allSatisfy(sc -> assertThat(sc.paragraphs()).hasSize(3));
    }

    @Test
    void a_shift_of_time_opens_a_new_scene() {
        String text = book().chapter("CHAPTER I", 4).raw("Next morning Aiko went back to the river, and the fox was\nwaiting for her.\n")
                .chapter("", 2).chapter("CHAPTER II", 10).text();

        Source s = Ingest.parse("b.txt", text);
        List<SourceScene> scenes = s.chapters().get(0).scenes();

        assertThat(scenes).hasSize(2);
        assertThat(s.slice(scenes.get(1).span())).startsWith("Next morning");
    }

    @Test
    void every_span_indexes_the_cleaned_text_and_paragraphs_nest_in_scenes_in_chapters() throws IOException {
        Source s = Ingest.read(Books.SAMPLE);

        for (Chapter c : s.chapters()) {
            assertThat(s.slice(c.span())).startsWith(s.slice(c.scenes().get(0).span()).isEmpty() ? "" : "")
                    .isNotBlank();
            for (SourceScene sc : c.scenes()) {
                assertThat(within(sc.span(), c.span())).isTrue();
                for (SourceSpan p : sc.paragraphs()) {
                    assertThat(within(p, sc.span())).isTrue();
                    String para = s.slice(p);
                    assertThat(para).isEqualTo(para.strip()).doesNotContain("\n\n");
                }
            }
        }
    }

    // --- the real sample -----------------------------------------------------------------------

    @Test
    void the_gutenberg_header_license_and_front_matter_of_the_sample_are_gone() {
        Source s = Ingest.read(Books.SAMPLE);

        assertThat(s.title()).isEqualTo("Japanese Fairy Tales");
        assertThat(s.text()).startsWith("MY LORD BAG OF RICE.")
                .endsWith("wise Empress Jokwa.")
                .doesNotContain("Project Gutenberg", "PROJECT GUTENBERG", "Produced by", "PREFACE", "CONTENTS", "I DEDICATE",
                        "THE END.");
    }

    @Test
    void the_newer_gutenberg_form_credits_preface_contents_and_illustrations_are_stripped() {
        String text = "The Project Gutenberg eBook of The Plum Thief\n\nTitle: The Plum Thief\n\nAuthor: Nobody\n\n"
                + "*** START OF THE PROJECT GUTENBERG EBOOK THE PLUM THIEF ***\n\n\n"
                + "Produced by Jane Doe and the Online Distributed\nProofreading Team\n\n\n"
                + "THE PLUM THIEF\n\nBY NOBODY\n\n\nPREFACE\n\nThese stories were told to me by my grandmother, and I\n"
                + "write them down as she told them.\n\n\nCONTENTS\n\nI. THE RIVER\nII. THE MARKET\n\n\n"
                + "LIST OF ILLUSTRATIONS\n\nAiko at the river\n\nThe old fox\n\n\n"
                + book().chapter("I. THE RIVER", 12).raw("[Illustration: Aiko at the river,\nwith her basket]\n")
                .chapter("II. THE MARKET", 12).text()
                + "\n\nTHE END\n\n*** END OF THE PROJECT GUTENBERG EBOOK THE PLUM THIEF ***\n\nSection 1. General Terms of Use\n";

        Source s = Ingest.parse("plum.txt", text);

        assertThat(s.title()).isEqualTo("The Plum Thief");
        assertThat(s.text()).startsWith("I. THE RIVER").endsWith("did not sleep at all.")
                .doesNotContain("Produced by", "PREFACE", "grandmother, and I", "CONTENTS", "LIST OF ILLUSTRATIONS",
                        "[Illustration", "THE END", "General Terms");
        assertThat(s.chapters()).extracting(Chapter::title).containsExactly("I. The River", "II. The Market");
    }

    @Test
    void the_sample_has_its_22_tales_and_not_its_contents_list() {
        Source s = Ingest.read(Books.SAMPLE);

        assertThat(s.chapters()).extracting(Chapter::title).containsExactly(
                "My Lord Bag of Rice", "The Tongue-Cut Sparrow", "The Story of Urashima Taro, the Fisher Lad",
                "The Farmer and the Badger", "The Shinansha, or the South Pointing Carriage",
                "The Adventures of Kintaro, the Golden Boy", "The Story of Princess Hase",
                "The Story of the Man who Did not Wish to Die", "The Bamboo-Cutter and the Moon-Child",
                "The Mirror of Matsuyama", "The Goblin of Adachigahara", "The Sagacious Monkey and the Boar",
                "The Happy Hunter and the Skillful Fisher", "The Story of the Old Man who Made Withered Trees to Flower",
                "The Jelly Fish and the Monkey", "The Quarrel of the Monkey and the Crab",
                "The White Hare and the Crocodiles", "The Story of Prince Yamato Take",
                "Momotaro, or the Story of the Son of a Peach", "The Ogre of Rashomon", "How an Old Man Lost His Wen",
                "The Stones of Five Colors and the Empress Jokwa");
        assertThat(s.chapters()).allSatisfy(c -> assertThat(c.scenes()).isNotEmpty());
        assertThat(s.slice(s.chapters().get(0).scenes().get(0).paragraphs().get(0))).startsWith("Long, long ago there lived");
    }

    @Test
    void a_subtitle_under_a_tale_heading_is_not_a_tale_of_its_own() {
        Source s = Ingest.read(Books.SAMPLE);

        assertThat(s.chapters()).extracting(Chapter::title).doesNotContain("A Story of Old Japan", "An Old Chinese Story");
        Chapter hase = s.chapters().get(6);
        assertThat(s.slice(hase.scenes().get(0).paragraphs().get(0))).startsWith("Many, many years ago");
    }

    @Test
    void ingestion_is_fast_and_linear_the_sample_and_a_megabyte() {
        String sample = Ingest.normalizeLineEndings(readSample());
        Ingest.parse("warm-up.txt", sample); // JIT warm-up, as in a real run's second file

        long sampleCpu = cpuMillis(() -> Ingest.parse("sample.txt", sample));
        // The cleaned tales three times over: one header, 66 tales, no contents list to lean on.
        String megabyte = String.join("\n\n\n\n", java.util.Collections.nCopies(3, Ingest.parse("sample.txt", sample).text()));
        Source[] big = new Source[1];
        long megabyteCpu = cpuMillis(() -> big[0] = Ingest.parse("mb.txt", megabyte));

        assertThat(megabyte.length()).isGreaterThan(1_000_000);
        assertThat(big[0].chapters().size()).isEqualTo(66);
        assertThat(sampleCpu).as("CPU ms for the 400 KB sample").isLessThan(500);
        assertThat(megabyteCpu).as("CPU ms for 1 MB").isLessThan(1_200);
    }

    private static String readSample() {
        try {
            return Files.readString(Books.SAMPLE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** CPU time rather than wall time: the build machine is shared, and CPU time is what linearity is about. */
    private static long cpuMillis(Runnable r) {
        var bean = ManagementFactory.getThreadMXBean();
        long t0 = bean.getCurrentThreadCpuTime();
        r.run();
        return (bean.getCurrentThreadCpuTime() - t0) / 1_000_000;
    }

    private static boolean within(SourceSpan inner, SourceSpan outer) {
        return inner.startChar() >= outer.startChar() && inner.endChar() <= outer.endChar();
    }

    @Test
    void a_book_on_one_long_line_is_split_at_sentence_ends_so_no_episode_runs_past_the_series_length() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; line.length() < 400_000; i++) {
            line.append("Taro walked along the shore for the ").append(i).append("th time and saw the turtle again. ");
        }
        Source source = Ingest.parse("book.txt", line.toString());

        List<SourceSpan> paragraphs = source.chapters().stream().flatMap(c -> c.scenes().stream())
                .flatMap(s -> s.paragraphs().stream()).toList();
        assertThat(paragraphs).hasSizeGreaterThan(200).allSatisfy(p -> {
            assertThat(p.endChar() - p.startChar()).isLessThanOrEqualTo(Ingest.MAX_PARAGRAPH_CHARS);
            assertThat(source.slice(p).strip()).endsWith("again.");
        });
        dev.tsuzuku.model.Bible bible = dev.tsuzuku.plan.TestBibles.fairyTales().build();
        dev.tsuzuku.model.Season season = new dev.tsuzuku.plan.SeasonPlanner().plan(source, bible, java.util.OptionalInt.empty());
        assertThat(season.episodes()).hasSizeGreaterThan(40)
                .allSatisfy(e -> assertThat(e.estimatedSeconds()).isLessThanOrEqualTo(bible.maxEpisodeSeconds()));
    }

    @Test
    void a_long_run_without_sentence_ends_is_split_at_spaces_and_short_paragraphs_are_left_alone() {
        String words = "word ".repeat(1_000);
        String text = "A short paragraph.\n\n" + words + "\n\nAnother short one.";

        String split = Ingest.splitLongParagraphs(text);

        assertThat(split).startsWith("A short paragraph.\n\nword ").endsWith("\n\nAnother short one.");
        assertThat(split.split("\n\n")).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(Ingest.MAX_PARAGRAPH_CHARS));
        assertThat(split.replace("\n\n", " ").replaceAll(" +", " ")).isEqualTo(text.replace("\n\n", " ").replaceAll(" +", " "));
        String sample = "First paragraph. It ends.\n\n  Second, indented.\n\n\n\nThird.";
        assertThat(Ingest.splitLongParagraphs(sample)).isSameAs(sample);
    }

    @Test
    void a_fifo_is_refused_without_being_opened() throws Exception {
        Path fifo = tmp.resolve("book.txt");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> Ingest.read(fifo)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not a regular file (a named pipe, device or socket)");
    }
}
