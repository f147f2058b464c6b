package dev.tsuzuku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.story.ChatStub;
import dev.tsuzuku.workspace.BibleFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tsuzuku new --writer llm}: the LLM drafts the bible against a local chat-completions stub. */
class NewWithLlmCommandTest {
    private static String story;

    @TempDir
    Path tmp;

    private final ChatStub stub = new ChatStub();

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
    static void oneTale() throws IOException {
        String all = Ingest.normalizeLineEndings(Files.readString(Path.of("samples/japanese-fairy-tales.txt")));
        story = all.substring(all.indexOf("THE STORY OF URASHIMA TARO, THE FISHER LAD.\n"), all.indexOf("THE FARMER AND THE BADGER\n\n\n"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static final String VALID = """
            {"cast": [{"name": "Urashima Taro", "aliases": ["Urashima", "the fisher lad"], "role": "lead"},
                      {"name": "the tortoise", "aliases": [], "role": "supporting"},
                      {"name": "the Sea King's daughter", "aliases": ["the Princess"], "role": "supporting"}],
             "setting": {"era": "japanese-period", "period": "old Japan", "region": "a fishing village and the sea",
                         "world": "fishermen and the palace under the sea"},
             "summary": "A fisher lad who saves a tortoise is taken to the palace under the sea."}""";

    private Run newWithLlm(String... more) throws IOException {
        Path book = Files.writeString(tmp.resolve("urashima.txt"), story);
        String[] base = {"new", tmp.resolve("s").toString(), "--from", book.toString(), "--writer", "llm",
            "--llm-url", stub.baseUrl(), "--llm-model", "stub"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return tsuzuku(args);
    }

    private Bible bible() {
        return BibleFile.load(tmp.resolve("s/series.yaml"));
    }

    @Test
    void a_valid_answer_is_the_bible_with_routing_llm_progress_and_tokens() throws IOException {
        stub.then(VALID);

        Run run = newWithLlm("--llm-context", "32000");

        assertThat(run.exit()).as(run.err()).isZero();
        Bible b = bible();
        assertThat(b.cast()).extracting(Character::name)
                .containsExactly("Urashima Taro", "the tortoise", "the Sea King's daughter", "Narrator");
        assertThat(b.character("the fisher lad")).map(Character::name).contains("Urashima Taro");
        assertThat(b.setting().period()).isEqualTo("old Japan");
        assertThat(b.logline()).startsWith("A fisher lad who saves a tortoise");
        assertThat(b.routing().writer()).isEqualTo("llm");
        assertThat(b.routing().llmBaseUrl()).isEqualTo(stub.baseUrl());
        assertThat(b.routing().llmContextTokens()).isEqualTo(32_000);
        assertThat(run.err()).contains("llm bible: reading part 1 of 1", "1 calls, 120 tokens (100 in, 20 out)");
        assertThat(run.out()).contains("Top cast: Urashima Taro (lead), the tortoise (supporting)");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void an_invalid_answer_goes_back_with_its_problems_and_the_fix_is_written() throws IOException {
        stub.then(VALID.replace("\"lead\"", "\"hero\"")).then(VALID);

        Run run = newWithLlm("--llm-context", "32000");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1)).contains("'Urashima Taro' has role 'hero'");
        assertThat(bible().character("Urashima Taro")).map(Character::role).contains(Character.Role.LEAD);
    }

    @Test
    void garbage_keeps_the_offline_draft_with_a_clear_message() throws IOException {
        stub.then("I think the main character is Urashima.");

        Run run = newWithLlm("--llm-context", "32000");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("llm bible: invalid answer twice (the answer is not a JSON object); kept the offline draft");
        Bible offline = BibleDrafter.draft(Ingest.read(tmp.resolve("urashima.txt")), null);
        assertThat(bible().cast()).isEqualTo(offline.cast());
        assertThat(bible().routing().writer()).isEqualTo("llm"); // the series still writes with the LLM
    }

    @Test
    void a_book_longer_than_the_context_is_read_in_parts_with_progress() throws IOException {
        stub.then(VALID);

        Run run = newWithLlm("--llm-context", "1024");

        assertThat(run.exit()).as(run.err()).isZero();
        int parts = stub.requests().size();
        assertThat(parts).isGreaterThanOrEqualTo(story.length() / 2048);
        assertThat(run.err()).contains("reading part 2 of " + parts, parts + " calls");
        for (String request : stub.requests()) {
            assertThat(request.length()).isLessThan(2048 * 2 + 3000); // one part (JSON-escaped) and the instructions
        }
        assertThat(bible().routing().llmContextTokens()).isEqualTo(1024);
        assertThat(Files.readString(tmp.resolve("s/series.yaml"))).contains("llmContextTokens: 1024");
    }

    @Test
    void a_forced_redraft_of_an_llm_series_uses_the_llm_again_and_keeps_its_routing() throws IOException {
        stub.then(VALID);
        assertThat(newWithLlm("--llm-context", "4096").exit()).isZero();
        int before = stub.requests().size();

        Run again = tsuzuku("new", tmp.resolve("s").toString(), "--from", tmp.resolve("urashima.txt").toString(), "--force");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(stub.requests().size()).isGreaterThan(before);
        assertThat(bible().routing().llmContextTokens()).isEqualTo(4096);
        assertThat(bible().character("the tortoise")).isPresent();
    }

    @Test
    void an_unknown_writer_or_a_tiny_context_is_exit_2() throws IOException {
        Path book = Files.writeString(tmp.resolve("b.txt"), story);
        Run writer = tsuzuku("new", tmp.resolve("a").toString(), "--from", book.toString(), "--writer", "gpt");
        Run context = tsuzuku("new", tmp.resolve("b").toString(), "--from", book.toString(), "--writer", "llm", "--llm-context", "100");

        assertThat(writer.exit()).isEqualTo(2);
        assertThat(writer.err()).contains("--writer: 'gpt' is not a writer", "fix: use --writer offline or --writer llm");
        assertThat(context.exit()).isEqualTo(2);
        assertThat(context.err()).contains("1024 tokens or more");
        assertThat(tmp.resolve("a")).doesNotExist();
        assertThat(stub.requests()).isEmpty();
    }
}
