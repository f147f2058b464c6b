package dev.tsuzuku.model;

import java.util.List;

/** The screenplay of one episode; its last line is the hook. */
public record Script(int episode, String title, double estimatedSeconds, List<ScriptScene> scenes, Hook hook) {
    public Script {
        scenes = List.copyOf(scenes);
    }
}
