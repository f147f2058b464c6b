package dev.tsuzuku.voice;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.VoiceSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who speaks a line with which voice. A named cast member speaks with the voice the bible gives
 * them; a null or unknown speaker is the narrator. A cast member without a voice gets a default
 * derived from their name alone, so it stays the same across runs and episodes, and differs
 * from every voice the bible assigns.
 */
public final class VoiceCasting {
    /** Used when the bible has no narrator with a voice. */
    static final VoiceSpec NARRATOR_DEFAULT = new VoiceSpec("en-us", 45, 160);

    private static final List<String> VARIANTS = List.of(
            "en-us+f1", "en-us+f2", "en-us+f3", "en-us+f4", "en-us+f5",
            "en-us+m1", "en-us+m2", "en-us+m3", "en-us+m4", "en-us+m5", "en-us+m6", "en-us+m7",
            "en-gb+f2", "en-gb+m3");

    private VoiceCasting() {}

    public static VoiceSpec specFor(String speakerOrNull, Bible bible) {
        if (speakerOrNull != null && !speakerOrNull.isBlank()) {
            Optional<Character> c = bible.character(speakerOrNull.strip());
            if (c.isPresent() && c.get().role() != Character.Role.NARRATOR) {
                return c.get().voice() != null ? c.get().voice() : defaultFor(c.get().name(), bible);
            }
        }
        return narrator(bible);
    }

    private static VoiceSpec narrator(Bible bible) {
        for (Character c : bible.cast()) {
            if (c.role() == Character.Role.NARRATOR) {
                return c.voice() != null ? c.voice() : NARRATOR_DEFAULT;
            }
        }
        return NARRATOR_DEFAULT;
    }

    /**
     * A voice picked by hashing the name; on a clash with a voice already in the bible the
     * next hash is tried, which is still stable for a given bible.
     */
    static VoiceSpec defaultFor(String name, Bible bible) {
        Set<VoiceSpec> taken = new HashSet<>();
        taken.add(narrator(bible));
        for (Character c : bible.cast()) {
            if (c.voice() != null) {
                taken.add(c.voice());
            }
        }
        long h = SynthVoice.Fnv.hash(name.toLowerCase(java.util.Locale.ROOT));
        for (int attempt = 0; ; attempt++) {
            long k = h + attempt * 0x9E3779B97F4A7C15L;
            k ^= k >>> 29;
            k *= 0xBF58476D1CE4E5B9L;
            k ^= k >>> 32;
            String voice = VARIANTS.get((int) Long.remainderUnsigned(k, VARIANTS.size()));
            int pitch = 30 + (int) Long.remainderUnsigned(k >>> 16, 41);
            int wpm = 150 + (int) Long.remainderUnsigned(k >>> 32, 26);
            VoiceSpec spec = new VoiceSpec(voice, pitch, wpm);
            if (!taken.contains(spec) || attempt > 64) {
                return spec;
            }
        }
    }
}
