package dev.tsuzuku.model;

import java.util.List;

/**
 * An ingested IP: the cleaned text (boilerplate stripped, line endings normalised to \n) and its
 * structure. All offsets index {@code text}.
 */
public record Source(String fileName, String text, List<Chapter> chapters) {
    public Source {
        chapters = List.copyOf(chapters);
    }

    public String slice(SourceSpan span) {
        return text.substring(span.startChar(), span.endChar());
    }
}
