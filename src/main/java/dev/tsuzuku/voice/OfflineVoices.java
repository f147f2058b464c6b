package dev.tsuzuku.voice;

import java.util.function.Consumer;

/** Picks the offline voice: espeak-ng when installed, otherwise the built-in one, saying so. */
public final class OfflineVoices {
    static final String FALLBACK_NOTE = "espeak-ng not found: lines are spoken by the built-in synthesiser, "
            + "which is not intelligible speech (install espeak-ng: bash scripts/setup.sh, or apt-get install espeak-ng)";

    private OfflineVoices() {}

    public static Voice pick(Consumer<String> notes) {
        return pick(EspeakVoice.available(), notes);
    }

    static Voice pick(boolean espeakAvailable, Consumer<String> notes) {
        if (espeakAvailable) {
            return EspeakVoice.local();
        }
        notes.accept(FALLBACK_NOTE);
        return new SynthVoice();
    }
}
