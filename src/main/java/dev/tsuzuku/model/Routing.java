package dev.tsuzuku.model;

/**
 * Which adapters a series uses and what it may spend. {@code writer} is "offline" or "llm";
 * the LLM endpoint's key is read from the environment variable named {@code llmApiKeyEnv},
 * never stored here. {@code video} is "animatic" or a provider name; {@code voice} "offline"
 * or a TTS provider.
 */
public record Routing(
        String writer,
        String llmBaseUrl,
        String llmModel,
        String llmApiKeyEnv,
        String video,
        String voice,
        double budgetPerEpisode,
        String currency) {}
