package dev.tsuzuku.voice;

import dev.tsuzuku.model.VoiceSpec;
import java.nio.file.Path;

/**
 * The best installed offline voice for each line: Japanese voice ids (ja…) go to the voice that
 * reads kanji ({@link JapaneseVoice}), English ones to flite when it is installed, everything
 * else (and English without flite) to espeak-ng.
 */
final class LanguageVoices implements Voice {
    private final Voice espeak;
    private final Voice japanese;
    private final Voice english;

    LanguageVoices(Voice espeak, Voice japanese, Voice english) {
        this.espeak = espeak;
        this.japanese = japanese;
        this.english = english;
    }

    @Override
    public String name() {
        return english.name() + "/" + japanese.name() + "/" + espeak.name();
    }

    /** The voice a spec goes to. */
    Voice of(VoiceSpec spec) {
        String v = spec.voice() == null ? "" : spec.voice().toLowerCase(java.util.Locale.ROOT);
        if (v.startsWith("ja")) {
            return japanese;
        }
        if (v.startsWith("en")) {
            return english;
        }
        return espeak;
    }

    @Override
    public Speech speak(String text, VoiceSpec voice, Path wavOut) {
        return of(voice).speak(text, voice, wavOut);
    }
}
