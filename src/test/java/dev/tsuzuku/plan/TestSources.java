package dev.tsuzuku.plan;

import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceScene;
import dev.tsuzuku.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/** Builder for ingested sources in tests: tales of paragraphs, with exact offsets. */
public final class TestSources {
    private final StringBuilder text = new StringBuilder();
    private final List<Chapter> chapters = new ArrayList<>();

    private TestSources() {}

    public static TestSources aSource() {
        return new TestSources();
    }

    /** A tale: a heading paragraph then the given paragraphs, as one scene. */
    public TestSources tale(String title, String... paragraphs) {
        return tale(title, List.of(paragraphs));
    }

    public TestSources tale(String title, List<String> paragraphs) {
        List<String> all = new ArrayList<>();
        all.add(title.toUpperCase() + ".");
        all.addAll(paragraphs);
        return chapter(title, all);
    }

    /** A chapter of exactly these paragraphs (no heading). */
    public TestSources chapter(String title, List<String> paragraphs) {
        int start = text.length();
        List<SourceSpan> spans = new ArrayList<>();
        for (String p : paragraphs) {
            int s = text.length();
            text.append(p);
            spans.add(new SourceSpan(s, text.length()));
            text.append("\n\n");
        }
        SourceSpan span = new SourceSpan(start, spans.get(spans.size() - 1).endChar());
        chapters.add(new Chapter(chapters.size(), title, span, List.of(new SourceScene(span, spans))));
        return this;
    }

    public Source build() {
        return new Source("test.txt", text.toString(), chapters);
    }

    /** A plain paragraph of about {@code chars} characters without any hook cue. */
    public static String filler(int chars, int seed) {
        String[] words = {"the", "farmer", "walked", "along", "a", "quiet", "road", "and", "looked", "at", "green",
            "fields", "where", "rice", "grew", "tall", "in", "warm", "light", "with", "birds", "singing"};
        StringBuilder b = new StringBuilder("The farmer");
        int i = seed;
        while (b.length() < chars - 1) {
            b.append(' ').append(words[Math.floorMod(i * 7 + 3, words.length)]);
            i++;
            if (i % 12 == 0 && b.length() < chars - 20) {
                b.append(". The farmer");
            }
        }
        return b.append('.').toString();
    }
}
