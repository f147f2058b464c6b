package dev.tsuzuku.story;

import dev.tsuzuku.model.Script;

/**
 * Port: turns one planned episode into a screenplay. Implementations: {@code OfflineWriter}
 * (the default, no network) and {@code LlmWriter} (any OpenAI-compatible chat endpoint).
 * A writer returns a script that passes {@code ScriptRules}, or throws.
 */
public interface Writer {

    /** A short name for messages and the ledger ("offline", "llm:gpt-4o-mini"). */
    String name();

    Script write(WriteRequest request);

    /**
     * Who wrote the script this writer last returned for {@code episode}: its own name, or the
     * name of the writer it fell back to (an LLM writer hands a failed episode to the offline
     * writer). Summaries credit this, not {@link #name()}.
     */
    default String credit(int episode) {
        return name();
    }
}
