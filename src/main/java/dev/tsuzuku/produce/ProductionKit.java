package dev.tsuzuku.produce;

import dev.tsuzuku.voice.Voice;
import java.util.Objects;

/** The adapters one production borrows from the other packages; the composition root builds it. */
public record ProductionKit(Boarding boarding, Pictures pictures, Voice voice, Casting casting, Mixing mixing,
        Generator generator) {

    /** A kit without AI generation: every shot is the animatic's. */
    public ProductionKit(Boarding boarding, Pictures pictures, Voice voice, Casting casting, Mixing mixing) {
        this(boarding, pictures, voice, casting, mixing, Generator.NONE);
    }

    public ProductionKit {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(boarding, "boarding");
        Objects.requireNonNull(pictures, "pictures");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(casting, "casting");
        Objects.requireNonNull(mixing, "mixing");
    }
}
