package dev.tsuzuku.model;

import java.util.List;

/** A scene of the source: consecutive paragraphs in one place and time. */
public record SourceScene(SourceSpan span, List<SourceSpan> paragraphs) {
    public SourceScene {
        paragraphs = List.copyOf(paragraphs);
    }
}
