package dev.tsuzuku.model;

import java.util.List;

/** A chapter or a whole tale of the source, split into scenes, each a run of paragraphs. */
public record Chapter(int index, String title, SourceSpan span, List<SourceScene> scenes) {
    public Chapter {
        scenes = List.copyOf(scenes);
    }
}
