package dev.tsuzuku.plan;

import dev.tsuzuku.text.Prose;
import dev.tsuzuku.text.Paragraphs;
import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceScene;
import dev.tsuzuku.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain reading of a book into a {@link Source}: line endings normalised, a Project Gutenberg
 * header and footer dropped, chapters at ALL-CAPS headings that are followed by prose, one scene
 * per chapter. The ingest stage reads books more carefully; the planner's tests and the
 * writers'-room benchmark use this so they depend on nothing but the text.
 */
public final class PlainSource {
    private PlainSource() {}

    public static Source read(String fileName, String raw) {
        String text = body(raw.replace("\r\n", "\n").replace('\r', '\n'));
        List<SourceSpan> paras = Paragraphs.split(text, new SourceSpan(0, text.length()));
        List<Integer> headings = new ArrayList<>();
        for (int i = 0; i + 1 < paras.size(); i++) {
            if (!isCapsHeading(slice(text, paras.get(i)))) {
                continue;
            }
            // A title may carry a subtitle line ("A STORY OF OLD JAPAN."): the first line names the chapter.
            int j = i + 1;
            while (j < paras.size() && j - i < 3 && isCapsHeading(slice(text, paras.get(j)))) {
                j++;
            }
            if (j < paras.size() && paras.get(j).length() > 200) {
                headings.add(i);
                i = j - 1;
            }
        }
        List<Chapter> chapters = new ArrayList<>();
        if (headings.isEmpty() || headings.get(0) > 0) {
            int end = headings.isEmpty() ? paras.size() : headings.get(0);
            if (end > 0) {
                chapters.add(chapter(0, "", text, paras.subList(0, end)));
            }
        }
        for (int h = 0; h < headings.size(); h++) {
            int from = headings.get(h);
            int to = h + 1 < headings.size() ? headings.get(h + 1) : paras.size();
            String title = text.substring(paras.get(from).startChar(), paras.get(from).endChar());
            chapters.add(chapter(chapters.size(), Prose.flat(title), text, paras.subList(from, to)));
        }
        return new Source(fileName, text, chapters);
    }

    private static Chapter chapter(int index, String title, String text, List<SourceSpan> paras) {
        SourceSpan span = new SourceSpan(paras.get(0).startChar(), paras.get(paras.size() - 1).endChar());
        return new Chapter(index, title, span, List.of(new SourceScene(span, paras)));
    }

    private static String slice(String text, SourceSpan span) {
        return text.substring(span.startChar(), span.endChar());
    }

    private static boolean isCapsHeading(String p) {
        String flat = Prose.flat(p);
        String letters = flat.replaceAll("[^\\p{L}]", "");
        return flat.length() <= 90 && letters.length() >= 3 && letters.equals(letters.toUpperCase());
    }

    private static String body(String text) {
        int start = text.indexOf("*** START OF");
        if (start >= 0) {
            int eol = text.indexOf('\n', start);
            text = eol < 0 ? "" : text.substring(eol + 1);
        }
        for (String footer : new String[] {"*** END OF", "End of Project Gutenberg", "End of the Project Gutenberg"}) {
            int end = text.indexOf(footer);
            if (end >= 0) {
                text = text.substring(0, end);
            }
        }
        return text.strip() + "\n";
    }
}
