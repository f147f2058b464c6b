package dev.tsuzuku.produce;

import dev.tsuzuku.model.Storyboard;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code produce} needs from the soundtrack: voices placed on the episode's timeline and
 * mixed (with music and effects) into a 48 kHz stereo WAV of exactly totalFrames/fps seconds.
 */
public interface Mixing {

    /** One synthesised line, starting at a global frame of the episode. */
    record Placed(int startFrame, Path wav) {}

    /** Changes whenever the same inputs would mix differently; part of the mix's cache key. */
    String version();

    void mix(Storyboard board, List<Placed> voices, Path outWav);

    /**
     * Which frames of the board's timeline have voice, measured on the placed lines' sound (the
     * voice stem of the mix); empty when this mixer cannot tell.
     */
    default java.util.Optional<boolean[]> voiced(Storyboard board, List<Placed> voices) {
        return java.util.Optional.empty();
    }
}
