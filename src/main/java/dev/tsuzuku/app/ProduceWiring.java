package dev.tsuzuku.app;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.produce.Producer;

/** Builds the produce stage from the real adapters (storyboarder, animatic, voice, soundtrack). */
final class ProduceWiring {
    private ProduceWiring() {}

    static Producer producer(Studio studio) {
        throw new TsuzukuException("'produce' needs the storyboarder, the animatic renderer and the soundtrack, "
                + "which are not in this build yet");
    }
}
