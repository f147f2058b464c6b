package dev.tsuzuku.voice;

import dev.tsuzuku.model.VoiceSpec;
import java.nio.file.Path;

/**
 * Port: speaks one line in a character's voice into a WAV file. Implementations:
 * {@code EspeakVoice} (offline, espeak-ng) and a built-in synthesiser used when espeak-ng is
 * absent and in fast tests; cloud TTS providers later.
 */
public interface Voice {

    String name();

    Speech speak(String text, VoiceSpec voice, Path wavOut);
}
