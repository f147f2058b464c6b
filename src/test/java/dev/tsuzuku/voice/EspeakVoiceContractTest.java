package dev.tsuzuku.voice;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** The voice contract against the real espeak-ng; skipped where it is not installed (scripts/setup.sh). */
class EspeakVoiceContractTest extends VoiceContract {

    @BeforeEach
    void needsEspeak() {
        assumeTrue(EspeakVoice.available(), "espeak-ng is not installed");
    }

    @Override
    Voice voice() {
        return EspeakVoice.local();
    }
}
