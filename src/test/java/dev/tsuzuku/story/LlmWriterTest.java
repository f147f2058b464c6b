package dev.tsuzuku.story;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tsuzuku.story.WritingFixtures.aBible;
import static dev.tsuzuku.story.WritingFixtures.aPlan;
import static dev.tsuzuku.story.WritingFixtures.aScript;
import static dev.tsuzuku.story.WritingFixtures.action;
import static dev.tsuzuku.story.WritingFixtures.says;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.workspace.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM writer against a local stub of the OpenAI chat-completions protocol. */
class LlmWriterTest {
    private static final String KEY = "sk-test-7f3a9c2e5b1d4f60";
    private static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer endpoint = new WireMockServer(options().dynamicPort());
    private final List<String> notices = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final FakeWriter fallback = new FakeWriter();
    private final Bible bible = aBible().build();
    private final Source source = new Source("urashima.txt",
            "Long, long ago there lived a fisherman.\n\nHe saved a turtle from some boys.", List.<Chapter>of());
    private final WriteRequest request = new WriteRequest(bible, source, new Season("urashima", List.of()),
            aPlan().span(new SourceSpan(0, source.text().length())).build());

    @BeforeEach
    void start() {
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    private LlmWriter writer(int maxAttempts) {
        return new LlmWriter(endpoint.baseUrl() + "/v1", "TSUZUKU_LLM_API_KEY", KEY, "gpt-4o-mini",
                Duration.ofSeconds(5), maxAttempts, fallback, notices::add, pauses::add);
    }

    @Test
    void a_valid_first_answer_becomes_the_script_in_one_request() {
        Script expected = aScript().build();
        answers(completion(Json.write(expected)));

        Script script = writer(3).write(request);

        assertThat(script).isEqualTo(expected);
        assertThat(requests()).hasSize(1);
        assertThat(notices).isEmpty();
        assertThat(fallback.calls).isZero();
    }

    @Test
    void the_request_carries_the_bearer_key_the_model_and_json_response_format() throws IOException {
        answers(completion(Json.write(aScript().build())));

        writer(3).write(request);

        LoggedRequest sent = requests().get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(sent.getBodyAsString());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText())
                .contains("screenwriter for 2–3 minute vertical anime episodes");
        String user = body.path("messages").get(1).path("content").asText();
        assertThat(user)
                .contains("Urashima Taro (lead; also called Taro, Urashima)", "the Dragon Palace (interior)")
                .contains("Title: The Box of Jewels", "- She gives him the box", "120–180 seconds")
                .contains("He saved a turtle from some boys.")
                .contains("\"kind\": \"action|dialogue|narration\"", "\"hook\": {\"text\"");
    }

    @Test
    void an_invalid_answer_is_sent_back_with_its_problems_and_the_fixed_answer_is_used() throws IOException {
        Script invalid = aScript().line(1, 3, says("The Turtle", "Come with me.", 20)).build();
        Script fixed = aScript().build();
        answersInTurn(completion(Json.write(invalid)), completion(Json.write(fixed)));

        Script script = writer(3).write(request);

        assertThat(script).isEqualTo(fixed);
        List<LoggedRequest> sent = requests();
        assertThat(sent).hasSize(2);
        JsonNode messages = JSON.readTree(sent.get(1).getBodyAsString()).path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).path("content").asText()).contains("The Turtle");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(3).path("content").asText()).contains(
                "scene 1 line 3 (dialogue) is spoken by \"The Turtle\", who is not in the cast; "
                        + "use one of: Urashima Taro, Otohime, Narrator",
                "Answer again with the whole corrected JSON object only");
        assertThat(notices).isEmpty();
    }

    @Test
    void garbage_every_time_falls_back_to_the_injected_writer_and_says_so() {
        answers(completion("Sure! Here is a lovely script about a fisherman."));

        Script script = writer(3).write(request);

        assertThat(script).isSameAs(fallback.script);
        assertThat(fallback.calls).isEqualTo(1);
        assertThat(requests()).hasSize(3);
        assertThat(notices).containsExactly("llm writer gave invalid scripts 3 times (the answer is not JSON "
                + "(it starts with \"Sure! Here is a lovely script about a fi…\"); answer with one JSON object only); "
                + "used the fake writer for episode 4");
    }

    @Test
    void a_rejected_key_is_a_terminal_error_naming_the_variable_without_the_key() {
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(error(401, "Incorrect API key provided: " + KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.")));

        assertThatThrownBy(() -> writer(3).write(request))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageStartingWith("the LLM endpoint rejected the key in TSUZUKU_LLM_API_KEY (HTTP 401 from "
                        + endpoint.baseUrl() + "/v1: Incorrect API key provided: [redacted].")
                .hasMessageNotContaining(KEY)
                .hasMessageNotContaining(KEY.substring(0, 8))
                .satisfies(e -> assertThat(((TsuzukuException) e).retryable()).isFalse());
        assertThat(requests()).hasSize(1);
        assertThat(fallback.calls).isZero();
    }

    @Test
    void a_rejected_request_without_a_key_says_the_variable_is_not_set() {
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(error(401, "Missing bearer token")));
        LlmWriter keyless = new LlmWriter(endpoint.baseUrl() + "/v1", "TSUZUKU_LLM_API_KEY", null, "qwen2.5",
                Duration.ofSeconds(5), 3, fallback, notices::add, pauses::add);

        assertThatThrownBy(() -> keyless.write(request)).hasMessageStartingWith(
                "the LLM endpoint rejected the key in TSUZUKU_LLM_API_KEY (it is not set; HTTP 401");
    }

    @Test
    void empty_answers_are_retried_and_then_reported() {
        answers(completion(""));

        assertThat(writer(2).write(request)).isSameAs(fallback.script);
        assertThat(requests()).hasSize(2);
        assertThat(notices).containsExactly("llm writer gave invalid scripts 2 times (the answer was empty; "
                + "answer with the JSON object only); used the fake writer for episode 4");
    }

    @Test
    void a_forbidden_key_is_rejected_the_same_way() {
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(error(403, "Project does not have access")));

        assertThatThrownBy(() -> writer(3).write(request))
                .hasMessageStartingWith("the LLM endpoint rejected the key in TSUZUKU_LLM_API_KEY (HTTP 403");
    }

    @Test
    void a_rate_limit_is_retried_after_a_pause() {
        answersInTurn(error(429, "Rate limit reached for gpt-4o-mini"), completion(Json.write(aScript().build())));

        Script script = writer(3).write(request);

        assertThat(script).isEqualTo(aScript().build());
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
        assertThat(notices).isEmpty();
    }

    @Test
    void a_server_failing_every_time_falls_back_after_the_attempts_with_growing_pauses() {
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(error(503, "The server is overloaded")));

        Script script = writer(3).write(request);

        assertThat(script).isSameAs(fallback.script);
        assertThat(requests()).hasSize(3);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(notices).containsExactly("llm writer failed 3 times (HTTP 503: The server is overloaded); "
                + "used the fake writer for episode 4");
    }

    @Test
    void a_non_retryable_http_error_falls_back_at_once_and_the_notice_hides_the_key() {
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(error(404, "The model gpt-5-nano does not exist "
                + "for key " + KEY)));

        Script script = writer(3).write(request);

        assertThat(script).isSameAs(fallback.script);
        assertThat(requests()).hasSize(1);
        assertThat(notices).containsExactly("llm writer got HTTP 404: The model gpt-5-nano does not exist for key "
                + "[redacted] from " + endpoint.baseUrl() + "/v1; used the fake writer for episode 4");
    }

    @Test
    void an_endpoint_that_refuses_connections_is_named_in_the_error() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String baseUrl = "http://127.0.0.1:" + closedPort + "/v1";
        LlmWriter writer = new LlmWriter(baseUrl, "TSUZUKU_LLM_API_KEY", KEY, "qwen2.5", Duration.ofSeconds(5), 3,
                fallback, notices::add, pauses::add);

        assertThatThrownBy(() -> writer.write(request))
                .isInstanceOf(TsuzukuException.class)
                .hasMessage("cannot reach the LLM endpoint at " + baseUrl + " (connection refused); start the "
                        + "server (for Ollama: ollama serve) or fix routing.llmBaseUrl in series.yaml")
                .satisfies(e -> assertThat(((TsuzukuException) e).retryable()).isTrue());
    }

    @Test
    void a_fenced_answer_with_aliases_and_a_wrong_total_is_read_without_a_retry() {
        Script withAlias = aScript().line(1, 3, says("Taro", "I must see my parents again.", 20))
                .estimatedSeconds(999).build();
        answers(completion("Here you go:\n```json\n" + Json.write(withAlias) + "```\n"));

        Script script = writer(3).write(request);

        assertThat(script).isEqualTo(aScript().build());
        assertThat(requests()).hasSize(1);
    }

    @Test
    void an_unknown_hook_kind_is_one_problem_not_two() throws IOException {
        ObjectNode answer = (ObjectNode) JSON.readTree(Json.write(aScript().build()));
        ((ObjectNode) answer.path("hook")).put("kind", "cliffhanger");
        answersInTurn(completion(answer.toString()), completion(Json.write(aScript().build())));

        writer(3).write(request);

        String fix = JSON.readTree(requests().get(1).getBodyAsString()).path("messages").get(3).path("content").asText();
        assertThat(fix).isEqualTo("Your script has these problems:\n"
                + "- hook kind is \"cliffhanger\"; use one of: question, threat, reveal, danger, turn, promise\n"
                + "Answer again with the whole corrected JSON object only, in the same shape.");
    }

    @Test
    void a_slow_endpoint_times_out_and_counts_as_a_failed_attempt() {
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(completion(Json.write(aScript().build()))
                .withFixedDelay(1000)));
        LlmWriter impatient = new LlmWriter(endpoint.baseUrl() + "/v1", "K", KEY, "m", Duration.ofMillis(300), 1,
                fallback, notices::add, pauses::add);

        assertThat(impatient.write(request)).isSameAs(fallback.script);
        assertThat(notices).singleElement().asString().isEqualTo("llm writer failed once (no answer within 0.3 s); used the fake writer for episode 4");
    }

    @Test
    void from_bible_keeps_the_offline_writer_unless_routing_asks_for_llm() {
        Bible offline = aBible().routing(routing("offline", "https://api.openai.com/v1")).build();

        assertThat(LlmWriter.fromBible(offline, Map.of(), fallback)).isSameAs(fallback);
    }

    @Test
    void from_bible_needs_the_key_variable_for_a_remote_endpoint() {
        Bible remote = aBible().routing(routing("llm", "https://api.openai.com/v1")).build();

        assertThatThrownBy(() -> LlmWriter.fromBible(remote, Map.of(), fallback))
                .isInstanceOf(BadInputException.class)
                .hasMessage("series.yaml: routing.writer is llm on https://api.openai.com/v1 but the environment "
                        + "variable OPENAI_API_KEY is not set\n    fix: export OPENAI_API_KEY=<your key>, or name "
                        + "another variable in routing.llmApiKeyEnv, or use routing.writer: offline");
        assertThat(LlmWriter.fromBible(remote, Map.of("OPENAI_API_KEY", KEY), fallback).name())
                .isEqualTo("llm:gpt-4o-mini");
    }

    @Test
    void from_bible_rejects_a_base_url_that_is_not_http() {
        Bible bad = aBible().routing(routing("llm", "localhost:11434")).build();

        assertThatThrownBy(() -> LlmWriter.fromBible(bad, Map.of(), fallback))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("routing.llmBaseUrl 'localhost:11434' is not an http(s) URL");
    }

    @Test
    void from_bible_sends_none_as_the_key_to_a_local_server_like_ollama() {
        Bible local = aBible().routing(routing("llm", endpoint.baseUrl() + "/v1")).build();
        answers(completion(Json.write(aScript().build())));

        Writer writer = LlmWriter.fromBible(local, Map.of(), fallback, notices::add);
        writer.write(request);

        assertThat(requests().get(0).getHeader("Authorization")).isEqualTo("Bearer none");
    }

    /** A clock that has moved {@code step} further every time it is read: each look at it is a slow request. */
    private static Clock stepping(Duration step) {
        return new Clock() {
            private Instant now = Instant.parse("2026-01-01T00:00:00Z");

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant t = now;
                now = now.plus(step);
                return t;
            }
        };
    }

    @Test
    void a_failing_endpoint_stops_at_the_episode_deadline_instead_of_using_every_attempt() {
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(error(503, "The server is overloaded")));
        // deadline 100 s, and every read of the clock is 40 s later: the first attempt starts at 40 s of 100;
        // when it has failed the clock reads 80 s, and before the second attempt 120 s: past the deadline
        LlmWriter writer = new LlmWriter(endpoint.baseUrl() + "/v1", "K", KEY, "m", Duration.ofSeconds(5),
                Duration.ofSeconds(100), 5, fallback, notices::add, pauses::add, stepping(Duration.ofSeconds(40)));

        assertThat(writer.write(request)).isSameAs(fallback.script);

        assertThat(requests()).hasSize(1);
        assertThat(notices).containsExactly("llm writer had no usable script within its 100 s per episode "
                + "(routing.llmDeadlineSeconds) after 1 attempt; last: HTTP 503: The server is overloaded; "
                + "used the fake writer for episode 4");
        assertThat(writer.credit(4)).isEqualTo("fake");
    }

    @Test
    void the_last_request_gets_only_what_is_left_of_the_deadline() {
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(completion(Json.write(aScript().build())).withFixedDelay(2_000)));
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        LlmWriter writer = new LlmWriter(endpoint.baseUrl() + "/v1", "K", KEY, "m", Duration.ofSeconds(60),
                Duration.ofMillis(300), 3, fallback, notices::add, pauses::add, frozen);

        assertThat(writer.write(request)).isSameAs(fallback.script);

        assertThat(requests()).hasSize(1);
        assertThat(notices).singleElement().asString().contains("within its 0.3 s per episode", "after 1 attempt",
                "last: no answer within 0.3 s");
    }

    @Test
    void the_credit_goes_to_the_writer_that_actually_wrote_each_episode() {
        answersInTurn(completion(Json.write(aScript().build())), error(404, "no such model"));
        LlmWriter writer = writer(3);
        WriteRequest episode5 = new WriteRequest(bible, source, new Season("urashima", List.of()),
                aPlan().number(5).span(new SourceSpan(0, source.text().length())).build());

        writer.write(request);
        writer.write(episode5);

        assertThat(writer.credit(4)).isEqualTo("llm:gpt-4o-mini");
        assertThat(writer.credit(5)).isEqualTo("fake");
    }

    @Test
    void a_key_echoed_in_a_plain_text_answer_is_hidden_whole_even_where_the_excerpt_cuts_it() {
        answers(completion("<html><body>Your key: " + KEY + " works, but I cannot write JSON today.</body></html>"));

        assertThat(writer(1).write(request)).isSameAs(fallback.script);

        assertThat(notices).singleElement().asString().contains("[redacted]");
        assertNoPieceOfTheKeyIn(notices.get(0));
    }

    @Test
    void a_key_in_an_html_401_body_is_hidden_whole_even_where_the_excerpt_cuts_it() {
        String html = "<html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1><p>"
                + "x".repeat(100) + " invalid key " + KEY + "</p></body></html>";
        assertThat(html.indexOf(KEY)).as("the key straddles the 200-character excerpt").isBetween(180, 199);
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "text/html").withBody(html)));

        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> writer(3).write(request));

        assertThat(e).isInstanceOf(TsuzukuException.class).hasMessageContaining("rejected the key");
        assertNoPieceOfTheKeyIn(e.getMessage());
    }

    @Test
    void redaction_hides_every_piece_of_the_key_a_reader_could_join_up() {
        assertThat(LlmWriter.redact("key " + KEY + " and tail " + KEY.substring(10) + " and head " + KEY.substring(0, 9) + "…",
                KEY)).isEqualTo("key [redacted] and tail [redacted] and head [redacted]…");
        assertThat(LlmWriter.redact("nothing secret here", KEY)).isEqualTo("nothing secret here");
    }

    private static void assertNoPieceOfTheKeyIn(String message) {
        for (int i = 0; i + LlmWriter.MIN_KEY_FRAGMENT <= KEY.length(); i++) {
            assertThat(message).doesNotContain(KEY.substring(i, i + LlmWriter.MIN_KEY_FRAGMENT));
        }
    }

    private static Routing routing(String writer, String baseUrl) {
        return new Routing(writer, baseUrl, "gpt-4o-mini", "OPENAI_API_KEY", "animatic", "offline", 20.0, "USD");
    }

    private void answers(ResponseDefinitionBuilder response) {
        endpoint.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private void answersInTurn(ResponseDefinitionBuilder first, ResponseDefinitionBuilder second) {
        endpoint.stubFor(post(urlEqualTo(PATH)).inScenario("turns").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("second"));
        endpoint.stubFor(post(urlEqualTo(PATH)).inScenario("turns").whenScenarioStateIs("second")
                .willReturn(second));
    }

    private List<LoggedRequest> requests() {
        return endpoint.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    /** A chat.completion exactly as provider-apis.md §4.1 documents it. */
    private static ResponseDefinitionBuilder completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-9xYz").put("object", "chat.completion").put("created", 1730000000)
                .put("model", "gpt-4o-mini");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 800).put("total_tokens", 920);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    private static ResponseDefinitionBuilder error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message).put("type", "invalid_request_error").putNull("param").put("code", "x");
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    /** The offline writer's stand-in: counts calls and returns one fixed script. */
    static final class FakeWriter implements Writer {
        final Script script = aScript().scene("the sea shore", "day", action("Waves.", 3.0)).build();
        int calls;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Script write(WriteRequest request) {
            calls++;
            return script;
        }
    }
}
