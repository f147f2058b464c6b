package dev.tsuzuku.text;

import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.SourceScene;
import dev.tsuzuku.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paragraphs of a source in text order, each knowing its chapter: the planner's candidate
 * cut points are their ends. Uses the ingested structure; a source without chapters (or with
 * chapters that carry no paragraphs) is split on blank lines.
 */
public final class Paragraphs {
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    /** One paragraph. {@code chapterEnd}: the last paragraph of its chapter. */
    public record Para(SourceSpan span, int chapter, boolean chapterEnd) {}

    private Paragraphs() {}

    public static List<Para> of(Source source) {
        List<Para> out = new ArrayList<>();
        for (Chapter c : source.chapters()) {
            List<SourceSpan> spans = new ArrayList<>();
            for (SourceScene s : c.scenes()) {
                spans.addAll(s.paragraphs());
            }
            if (spans.isEmpty()) {
                spans.addAll(split(source.text(), c.span()));
            }
            for (int i = 0; i < spans.size(); i++) {
                out.add(new Para(spans.get(i), c.index(), i == spans.size() - 1));
            }
        }
        if (out.isEmpty()) {
            List<SourceSpan> spans = split(source.text(), new SourceSpan(0, source.text().length()));
            for (int i = 0; i < spans.size(); i++) {
                out.add(new Para(spans.get(i), 0, i == spans.size() - 1));
            }
        }
        return out;
    }

    /** Non-blank runs of text inside {@code within}, separated by blank lines, trimmed. */
    public static List<SourceSpan> split(String text, SourceSpan within) {
        List<SourceSpan> out = new ArrayList<>();
        Matcher m = BLANK_LINES.matcher(text).region(within.startChar(), within.endChar());
        int start = within.startChar();
        while (m.find()) {
            add(text, start, m.start(), out);
            start = m.end();
        }
        add(text, start, within.endChar(), out);
        return out;
    }

    private static void add(String text, int start, int end, List<SourceSpan> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new SourceSpan(start, end));
        }
    }

    /** A chapter heading or similar: short, and no sentence punctuation inside. */
    public static boolean isHeading(String paragraph) {
        String flat = Prose.flat(paragraph);
        if (flat.length() > 90) {
            return false;
        }
        boolean anyLetter = false;
        boolean anyCased = false;
        boolean allUpper = true;
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (java.lang.Character.isLetter(c)) {
                anyLetter = true;
                boolean cased = java.lang.Character.isUpperCase(c) || java.lang.Character.isLowerCase(c);
                anyCased |= cased;
                allUpper &= !java.lang.Character.isLowerCase(c);
            }
        }
        char last = flat.charAt(flat.length() - 1);
        // kana and kanji have no case: a Japanese line is a heading only for want of 。！？」
        boolean sentenceEnd = ".!?\"'\u201d。！？」』…".indexOf(last) >= 0;
        return anyLetter && (anyCased && allUpper || !sentenceEnd);
    }
}
