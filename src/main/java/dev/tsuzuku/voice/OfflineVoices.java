package dev.tsuzuku.voice;

import java.util.function.Consumer;

/**
 * Picks the offline voice: per language the best one installed (flite for English, Open JTalk or
 * kakasi + espeak-ng for Japanese, espeak-ng for the rest and as fallback), otherwise the
 * built-in one, saying so.
 */
public final class OfflineVoices {
    static final String FALLBACK_NOTE = "espeak-ng not found: lines are spoken by the built-in synthesiser, "
            + "which is not intelligible speech (install espeak-ng: bash scripts/setup.sh, or apt-get install espeak-ng)";

    private OfflineVoices() {}

    public static Voice pick(Consumer<String> notes) {
        return pick(EspeakVoice.available(), notes);
    }

    static Voice pick(boolean espeakAvailable, Consumer<String> notes) {
        if (espeakAvailable) {
            EspeakVoice espeak = EspeakVoice.local();
            Voice japanese = JapaneseVoice.readsKanji() ? JapaneseVoice.local(espeak) : espeak;
            Voice english = Programs.onPath("flite") ? FliteVoice.local() : espeak;
            return new LanguageVoices(espeak, japanese, english);
        }
        notes.accept(FALLBACK_NOTE);
        return new SynthVoice();
    }
}
