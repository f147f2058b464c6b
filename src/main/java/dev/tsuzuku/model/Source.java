package dev.tsuzuku.model;

import java.util.List;

/**
 * An ingested IP: the cleaned text (boilerplate stripped, line endings normalised to \n) and its
 * structure. All offsets index {@code text}. {@code title} is the title the file declares (a
 * Project Gutenberg {@code Title:} line or Markdown front matter), or null when it declares none.
 */
public record Source(String fileName, String text, List<Chapter> chapters, String title) {
    public Source {
        chapters = List.copyOf(chapters);
    }

    public Source(String fileName, String text, List<Chapter> chapters) {
        this(fileName, text, chapters, null);
    }

    public String slice(SourceSpan span) {
        return text.substring(span.startChar(), span.endChar());
    }
}
