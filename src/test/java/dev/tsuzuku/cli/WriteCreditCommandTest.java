package dev.tsuzuku.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tsuzuku.ingest.BibleDrafter;
import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.workspace.BibleFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The write summary credits the writer that wrote each script, not the one the bible asked for. */
class WriteCreditCommandTest {
    private static final Path SAMPLE = Path.of("samples/japanese-fairy-tales.txt");

    @TempDir
    Path dir;

    private final WireMockServer endpoint = new WireMockServer(options().dynamicPort());

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    private static String run(int expectedExit, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        assertThat(cl.execute(args)).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    void after_the_llm_fails_over_the_summary_credits_the_offline_writer() throws Exception {
        endpoint.start();
        endpoint.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"message\": \"no such model\"}}")));
        String yaml = BibleFile.render(BibleDrafter.draft(Ingest.read(SAMPLE), null))
                .replaceFirst("(?m)^  writer: offline", "  writer: llm")
                .replaceFirst("(?m)^  llmBaseUrl: \\S+", "  llmBaseUrl: \"" + endpoint.baseUrl() + "/v1\"");
        Files.createDirectories(dir.resolve("source"));
        Files.copy(SAMPLE, dir.resolve("source/japanese-fairy-tales.txt"));
        Files.writeString(dir.resolve("series.yaml"), yaml);
        run(Main.OK, "plan", dir.toString(), "--episodes", "30");

        String out = run(Main.OK, "write", dir.toString(), "--episode", "2");

        assertThat(out).contains("wrote 1 script (1 by the offline writer), 0 up to date")
                .doesNotContain("with the llm:");
    }
}
