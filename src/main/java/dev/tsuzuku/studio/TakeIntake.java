package dev.tsuzuku.studio;

/**
 * Where verified provider callbacks go: the take engine's webhook intake. A callback is a hint
 * that a task changed; the engine confirms by asking the provider (Seedance callbacks carry no
 * signature at all), so the body is passed on as received and never trusted for money or state.
 */
public interface TakeIntake {
    /**
     * A callback that passed verification.
     *
     * @param provider {@code seedance} or {@code kling}
     * @param take     the take id the callback address was signed for, or null for a signed
     *                 Standard-Webhooks callback to the plain address
     * @param body     the raw body
     */
    void callback(String provider, String take, String body);

    /** An intake that drops callbacks (no engine running in this server): the engine's polling still finds the result. */
    TakeIntake NONE = (provider, take, body) -> { };

    /**
     * Hands callbacks to the take engine's webhook method ({@code TakeEngine::onCallback}, which
     * takes the provider's task id and re-reads the task from the provider): the task id is read
     * from the body as each provider sends it (Seedance {@code id}; Kling old {@code task_id}, new
     * {@code id}). A body without one is dropped: polling still finds the result.
     */
    static TakeIntake toEngine(java.util.function.BiPredicate<String, String> onCallback) {
        return (provider, take, body) -> {
            com.fasterxml.jackson.databind.JsonNode n;
            try {
                n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return;
            }
            if (n == null) {
                return;
            }
            com.fasterxml.jackson.databind.JsonNode data = n.has("data") && n.get("data").isObject() ? n.get("data") : n;
            String task = data.hasNonNull("task_id") ? data.get("task_id").asText() : data.hasNonNull("id") ? data.get("id").asText() : null;
            if (task != null && !task.isBlank()) {
                onCallback.test(provider, task);
            }
        };
    }
}
