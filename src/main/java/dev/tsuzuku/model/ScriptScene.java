package dev.tsuzuku.model;

import java.util.List;

/** A screenplay scene: where, when ("day", "night", "dawn", "dusk"), and its lines. */
public record ScriptScene(String place, String timeOfDay, List<Line> lines) {
    public ScriptScene {
        lines = List.copyOf(lines);
    }
}
