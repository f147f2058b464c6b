package dev.tsuzuku.produce;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.VoiceSpec;

/** Which voice speaks for a speaker ({@code null} is the narrator). */
@FunctionalInterface
public interface Casting {
    VoiceSpec specFor(String speaker, Bible bible);
}
