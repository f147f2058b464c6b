package dev.tsuzuku.model;

import java.util.Objects;

/** The line an episode ends on, and what kind of pull it has on the viewer. */
public record Hook(String text, HookKind kind) {
    public Hook {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
