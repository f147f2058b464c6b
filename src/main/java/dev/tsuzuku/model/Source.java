package dev.tsuzuku.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An ingested IP: the cleaned text (boilerplate stripped, line endings normalised to \n) and its
 * structure. All offsets index {@code text}. {@code title} is the title the file declares (a
 * Project Gutenberg {@code Title:} line or Markdown front matter), or null when it declares none.
 * {@code readings} are the words the file gives a reading with ruby ({@code 山寺《やまでら》}), word → kana.
 */
public record Source(String fileName, String text, List<Chapter> chapters, String title,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> readings) {
    public Source {
        chapters = List.copyOf(chapters);
        readings = readings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(readings));
    }

    public Source(String fileName, String text, List<Chapter> chapters, String title) {
        this(fileName, text, chapters, title, Map.of());
    }

    public Source(String fileName, String text, List<Chapter> chapters) {
        this(fileName, text, chapters, null);
    }

    public String slice(SourceSpan span) {
        return text.substring(span.startChar(), span.endChar());
    }
}
