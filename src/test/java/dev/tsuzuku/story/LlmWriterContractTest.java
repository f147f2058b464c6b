package dev.tsuzuku.story;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tsuzuku.story.WritingFixtures.aScript;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tsuzuku.workspace.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The writer contract for the LLM writer, with a chat endpoint stub that answers a valid script. */
class LlmWriterContractTest extends WriterContract {
    private final WireMockServer endpoint = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        endpoint.start();
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1730000000).put("model", "m");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).putObject("message").put("role", "assistant").put("content", Json.write(aScript().build()));
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
        endpoint.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body.toString())));
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    @Override
    protected Writer writer() {
        return new LlmWriter(endpoint.baseUrl() + "/v1", "TSUZUKU_LLM_API_KEY", "none", "qwen2.5",
                Duration.ofSeconds(5), 3, new LlmWriterTest.FakeWriter(), notice -> {
                    throw new AssertionError("unexpected fallback: " + notice);
                });
    }
}
