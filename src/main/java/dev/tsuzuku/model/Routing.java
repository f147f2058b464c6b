package dev.tsuzuku.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which adapters a series uses and what it may spend. {@code writer} is "offline" or "llm";
 * the LLM endpoint's key is read from the environment variable named {@code llmApiKeyEnv},
 * never stored here. {@code video} is "animatic" or a provider name; {@code voice} "offline"
 * or a TTS provider. {@code llmTimeoutSeconds} bounds one request to the LLM and
 * {@code llmDeadlineSeconds} all attempts at one episode; null means the writer's default
 * (and keeps them out of the JSON, so bibles without them hash as before). {@code llmContextTokens}
 * is the model's context window, which the LLM writers' room reads the book within (null: 8,192).
 */
public record Routing(
        String writer,
        String llmBaseUrl,
        String llmModel,
        String llmApiKeyEnv,
        String video,
        String voice,
        double budgetPerEpisode,
        String currency,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer llmTimeoutSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer llmDeadlineSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer llmContextTokens) {

    /** Routing with the room's default context. */
    public Routing(String writer, String llmBaseUrl, String llmModel, String llmApiKeyEnv, String video, String voice,
            double budgetPerEpisode, String currency, Integer llmTimeoutSeconds, Integer llmDeadlineSeconds) {
        this(writer, llmBaseUrl, llmModel, llmApiKeyEnv, video, voice, budgetPerEpisode, currency, llmTimeoutSeconds,
                llmDeadlineSeconds, null);
    }

    /** Routing with the LLM writer's default timeout and deadline. */
    public Routing(String writer, String llmBaseUrl, String llmModel, String llmApiKeyEnv, String video, String voice,
            double budgetPerEpisode, String currency) {
        this(writer, llmBaseUrl, llmModel, llmApiKeyEnv, video, voice, budgetPerEpisode, currency, null, null, null);
    }

    /** The same routing with the LLM writer (endpoint, model, key variable, context) as given; null keeps a field. */
    public Routing withLlm(String baseUrl, String model, String keyEnv, Integer contextTokens) {
        return new Routing("llm", baseUrl == null ? llmBaseUrl : baseUrl, model == null ? llmModel : model,
                keyEnv == null ? llmApiKeyEnv : keyEnv, video, voice, budgetPerEpisode, currency, llmTimeoutSeconds,
                llmDeadlineSeconds, contextTokens == null ? llmContextTokens : contextTokens);
    }
}
