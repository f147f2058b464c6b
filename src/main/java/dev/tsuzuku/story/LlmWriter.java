package dev.tsuzuku.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.TsuzukuException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A writer backed by any OpenAI-compatible chat endpoint (OpenAI, DeepSeek, Qwen, vLLM, Ollama's
 * {@code /v1}). It asks for the script.json shape, checks the answer with {@link ScriptRules} and
 * sends the problems back in the same conversation until an answer passes or the attempts run
 * out; then the injected fallback writer writes the episode and a notice says so.
 *
 * <p>Failures: a rejected key (401/403) is terminal; 408/409/429/5xx and timeouts are retried
 * with backoff; an endpoint that cannot be reached names its base URL; any other HTTP error
 * falls back. One request may take {@code timeout}; all attempts at one episode, pauses included,
 * {@code deadline} (the last request gets only what is left), so a hanging endpoint costs at most
 * the deadline before the fallback. {@link #credit} names who wrote each episode. Neither the API
 * key nor any piece of it appears in a message.
 */
public final class LlmWriter implements Writer {
    public static final String DEFAULT_BASE_URL = "http://localhost:11434/v1";
    public static final String DEFAULT_MODEL = "qwen2.5";
    public static final String DEFAULT_KEY_ENV = "TSUZUKU_LLM_API_KEY";
    /** One request: long enough for a local model to write a script, short enough to notice a hang. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** All attempts at one episode, pauses included; then the fallback writes it. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(180);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** What Ollama and other keyless local servers get: the protocol needs some bearer token. */
    static final String NO_KEY = "none";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Waits between retries of a throttled or failing endpoint; tests pass one that records. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final String baseUrl;
    private final String apiKeyEnv;
    private final String apiKey;
    private final String modelName;
    private final Duration timeout;
    private final Duration deadline;
    private final Clock clock;
    private final int maxAttempts;
    private final Writer fallback;
    private final Consumer<String> notices;
    private final Pause pause;
    private final ChatModel chat;
    /** Who wrote each episode this writer returned: this writer, or the fallback after a failure. */
    private final Map<Integer, String> credits = new ConcurrentHashMap<>();
    private final ScriptPrompt prompt = new ScriptPrompt(ScriptPrompt.DEFAULT_SOURCE_BUDGET);

    /**
     * @param apiKeyEnv the environment variable the key came from, named in error messages
     * @param apiKey    the key itself, or null/blank for keyless servers (sent as "none")
     * @param notices   where "used the fallback" notices go (the CLI prints them)
     */
    public LlmWriter(String baseUrl, String apiKeyEnv, String apiKey, String modelName, Duration timeout,
            int maxAttempts, Writer fallback, Consumer<String> notices) {
        this(baseUrl, apiKeyEnv, apiKey, modelName, timeout, maxAttempts, fallback, notices,
                d -> Thread.sleep(d.toMillis()));
    }

    public LlmWriter(String baseUrl, String apiKeyEnv, String apiKey, String modelName, Duration timeout,
            int maxAttempts, Writer fallback, Consumer<String> notices, Pause pause) {
        this(baseUrl, apiKeyEnv, apiKey, modelName, timeout, DEFAULT_DEADLINE, maxAttempts, fallback, notices, pause,
                Clock.systemUTC());
    }

    /**
     * @param timeout  how long one request may take
     * @param deadline how long one episode may take over all its attempts and pauses; the last
     *                 request gets only what is left of it
     * @param clock    measures the deadline (tests pass one they move)
     */
    public LlmWriter(String baseUrl, String apiKeyEnv, String apiKey, String modelName, Duration timeout,
            Duration deadline, int maxAttempts, Writer fallback, Consumer<String> notices, Pause pause, Clock clock) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is blank");
        }
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("modelName is blank");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.baseUrl = baseUrl.strip();
        this.apiKeyEnv = apiKeyEnv == null || apiKeyEnv.isBlank() ? DEFAULT_KEY_ENV : apiKeyEnv;
        this.apiKey = apiKey == null || apiKey.isBlank() ? NO_KEY : apiKey.strip();
        this.modelName = modelName.strip();
        this.timeout = timeout;
        this.deadline = deadline;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAttempts = maxAttempts;
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.chat = chatModel(timeout);
    }

    private ChatModel chatModel(Duration requestTimeout) {
        return OpenAiChatModel.builder()
                .baseUrl(this.baseUrl)
                .apiKey(this.apiKey)
                .modelName(this.modelName)
                .timeout(requestTimeout)
                .responseFormat("json_object")
                // retries are ours: they must see the rules' problems and must not sleep in tests
                .maxRetries(0)
                .build();
    }

    /**
     * The writer the bible's routing asks for: the fallback itself when {@code routing.writer} is
     * not "llm", else an LLM writer on {@code llmBaseUrl}/{@code llmModel} with the key read from
     * the environment variable {@code llmApiKeyEnv}. Notices go to standard error.
     */
    public static Writer fromBible(Bible bible, Map<String, String> env, Writer fallback) {
        return fromBible(bible, env, fallback, System.err::println);
    }

    /** As {@link #fromBible(Bible, Map, Writer)}, with notices sent to {@code notices}. */
    public static Writer fromBible(Bible bible, Map<String, String> env, Writer fallback, Consumer<String> notices) {
        Routing routing = bible.routing();
        if (routing == null || routing.writer() == null || !routing.writer().strip().equalsIgnoreCase("llm")) {
            return fallback;
        }
        String baseUrl = orDefault(routing.llmBaseUrl(), DEFAULT_BASE_URL);
        String model = orDefault(routing.llmModel(), DEFAULT_MODEL);
        String keyEnv = orDefault(routing.llmApiKeyEnv(), DEFAULT_KEY_ENV);
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new BadInputException(Problem.of("series.yaml",
                    "routing.llmBaseUrl '" + baseUrl + "' is not an http(s) URL",
                    "write the endpoint's base URL, e.g. " + DEFAULT_BASE_URL + " or https://api.openai.com/v1"));
        }
        String key = env.get(keyEnv);
        if ((key == null || key.isBlank()) && !isLocal(uri.getHost())) {
            throw new BadInputException(Problem.of("series.yaml",
                    "routing.writer is llm on " + baseUrl + " but the environment variable " + keyEnv + " is not set",
                    "export " + keyEnv + "=<your key>, or name another variable in routing.llmApiKeyEnv, "
                            + "or use routing.writer: offline"));
        }
        Duration timeout = routing.llmTimeoutSeconds() == null ? DEFAULT_TIMEOUT
                : Duration.ofSeconds(routing.llmTimeoutSeconds());
        Duration deadline = routing.llmDeadlineSeconds() == null ? DEFAULT_DEADLINE
                : Duration.ofSeconds(routing.llmDeadlineSeconds());
        return new LlmWriter(baseUrl, keyEnv, key, model, timeout, deadline, DEFAULT_MAX_ATTEMPTS, fallback, notices,
                d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
    }

    @Override
    public String name() {
        return "llm:" + modelName;
    }

    @Override
    public String credit(int episode) {
        return credits.getOrDefault(episode, name());
    }

    @Override
    public Script write(WriteRequest request) {
        Instant end = clock.instant().plus(deadline);
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(SystemMessage.from(prompt.system()));
        conversation.add(UserMessage.from(prompt.user(request)));
        List<String> lastProblems = List.of();
        String lastFailure = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                return useFallback(request, outOfTime(attempt - 1, lastFailure, lastProblems));
            }
            String answer;
            try {
                ChatModel model = left.compareTo(timeout) < 0 ? chatModel(left) : chat;
                answer = model.chat(conversation).aiMessage().text();
            } catch (RuntimeException e) {
                Failure failure = classify(e, left.compareTo(timeout) < 0 ? left : timeout);
                switch (failure.kind) {
                    case REJECTED_KEY -> throw new TsuzukuException(redact("the LLM endpoint rejected the key in "
                            + apiKeyEnv + " (" + (NO_KEY.equals(apiKey) ? "it is not set; " : "") + "HTTP "
                            + failure.status + " from " + baseUrl + ": " + failure.detail + "); set " + apiKeyEnv
                            + " to a valid key for this endpoint"));
                    case UNREACHABLE -> throw new TsuzukuException(redact("cannot reach the LLM endpoint at "
                            + baseUrl + " (" + failure.detail + "); start the server (for Ollama: ollama serve) "
                            + "or fix routing.llmBaseUrl in series.yaml"), null, true);
                    case RETRYABLE -> {
                        lastFailure = failure.detail;
                        if (attempt < maxAttempts) {
                            Duration pause = backoff(attempt);
                            if (pause.compareTo(Duration.between(clock.instant(), end)) >= 0) {
                                return useFallback(request, outOfTime(attempt, lastFailure, lastProblems));
                            }
                            sleep(pause);
                        }
                        continue;
                    }
                    default -> {
                        return useFallback(request, "llm writer got " + failure.detail + " from " + baseUrl);
                    }
                }
            }
            lastFailure = null;
            Outcome outcome = read(answer, request);
            if (outcome.problems().isEmpty()) {
                credits.put(request.episode().number(), name());
                return outcome.script();
            }
            lastProblems = outcome.problems();
            conversation.add(AiMessage.from(answer == null || answer.isBlank() ? "(no answer)" : answer));
            conversation.add(UserMessage.from(prompt.fix(lastProblems)));
        }
        String why = lastFailure != null
                ? "llm writer failed " + times(maxAttempts) + " (" + lastFailure + ")"
                : "llm writer gave invalid scripts " + times(maxAttempts) + " (" + summary(lastProblems) + ")";
        return useFallback(request, why);
    }

    private String outOfTime(int attempts, String lastFailure, List<String> lastProblems) {
        String last = lastFailure != null ? "; last: " + lastFailure
                : lastProblems.isEmpty() ? "" : "; last: " + summary(lastProblems);
        return "llm writer had no usable script within its " + seconds(deadline)
                + " per episode (routing.llmDeadlineSeconds) after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + last;
    }

    /** An answer read as a script, and everything wrong with it (empty: the script passes). */
    private record Outcome(Script script, List<String> problems) {}

    private Outcome read(String answer, WriteRequest request) {
        ScriptAnswer parsed;
        try {
            parsed = ScriptAnswer.parse(answer);
        } catch (ScriptAnswer.Unreadable e) {
            // the excerpt in the message is cut from the answer: cut it from the redacted answer,
            // so a key the endpoint echoed cannot leak in part
            String message = e.getMessage();
            try {
                ScriptAnswer.parse(redact(answer));
            } catch (ScriptAnswer.Unreadable redacted) {
                message = redacted.getMessage();
            }
            return new Outcome(null, List.of(redact(message)));
        }
        ScriptAnswer.Mapped mapped = parsed.toScript(request.bible());
        List<String> problems = new ArrayList<>(mapped.problems());
        for (String rule : ScriptRules.check(mapped.script(), request.bible(), request.episode())) {
            if (!(parsed.hasUnreadableHookKind() && rule.startsWith("the script has no hook"))) {
                problems.add(rule);
            }
        }
        return new Outcome(mapped.script(), problems);
    }

    private Script useFallback(WriteRequest request, String why) {
        notices.accept(redact(why + "; used the " + fallback.name() + " writer for episode "
                + request.episode().number()));
        Script script = fallback.write(request);
        credits.put(request.episode().number(), fallback.credit(request.episode().number()));
        return script;
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempt - 1, 5)));
    }

    private void sleep(Duration duration) {
        try {
            pause.pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TsuzukuException("interrupted while waiting to retry the LLM endpoint", e, true);
        }
    }

    private enum Kind { REJECTED_KEY, RETRYABLE, UNREACHABLE, OTHER }

    private record Failure(Kind kind, int status, String detail) {}

    private Failure classify(RuntimeException e, Duration waited) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                int status = http.statusCode();
                String detail = vendorMessage(redact(http.getMessage()));
                if (status == 401 || status == 403) {
                    return new Failure(Kind.REJECTED_KEY, status, detail);
                }
                String what = "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
                if (status == 408 || status == 409 || status == 429 || status >= 500) {
                    return new Failure(Kind.RETRYABLE, status, what);
                }
                return new Failure(Kind.OTHER, status, what);
            }
            if (t instanceof ConnectException) {
                return new Failure(Kind.UNREACHABLE, 0, "connection refused");
            }
            if (t instanceof UnresolvedModelServerException || t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException) {
                return new Failure(Kind.UNREACHABLE, 0, "unknown host");
            }
            if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new Failure(Kind.RETRYABLE, 0, "no answer within " + seconds(waited));
            }
        }
        return new Failure(Kind.OTHER, 0, "an unreadable response (" + e.getClass().getSimpleName() + ": "
                + redact(e.getMessage()) + ")");
    }

    private static final ObjectMapper ERRORS = new ObjectMapper();

    /** The {@code error.message} of an OpenAI-style error body, or the body itself, kept short. */
    private static String vendorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        try {
            JsonNode message = ERRORS.readTree(text).path("error").path("message");
            if (message.isTextual()) {
                text = message.asText();
            }
        } catch (Exception notJson) {
            // plain-text bodies are shown as they are
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** Keys must never reach a terminal or a log, even when a vendor echoes them back. */
    private String redact(String message) {
        return NO_KEY.equals(apiKey) ? message : redact(message, apiKey);
    }

    /** Shortest piece of a key that is hidden on its own: an excerpt may cut a key anywhere. */
    static final int MIN_KEY_FRAGMENT = 6;

    /**
     * {@code message} with the key and every piece of it of {@link #MIN_KEY_FRAGMENT} or more
     * characters replaced by "[redacted]": an excerpt cut through the key, a masked echo like
     * "sk-abc1***" or the key split by markup leak nothing a reader could put together.
     */
    static String redact(String message, String key) {
        if (message == null || key == null || key.length() < 4) {
            return message;
        }
        int min = Math.min(MIN_KEY_FRAGMENT, key.length());
        StringBuilder out = new StringBuilder(message.length());
        int i = 0;
        while (i < message.length()) {
            int longest = 0;
            for (int len = min; i + len <= message.length() && len <= key.length(); len++) {
                if (key.contains(message.substring(i, i + len))) {
                    longest = len;
                } else {
                    break;
                }
            }
            if (longest > 0) {
                out.append("[redacted]");
                i += longest;
            } else {
                out.append(message.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static String summary(List<String> problems) {
        int shown = Math.min(3, problems.size());
        String text = String.join("; ", problems.subList(0, shown));
        return problems.size() > shown ? text + "; and " + (problems.size() - shown) + " more" : text;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : ScriptRules.seconds(d.toMillis() / 1000.0);
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    private static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1")
                || h.endsWith(".local");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
