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

    /** An intake that drops callbacks (no engine in this build): the engine's polling still finds the result. */
    TakeIntake NONE = (provider, take, body) -> { };
}
