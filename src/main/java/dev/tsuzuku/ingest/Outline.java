package dev.tsuzuku.ingest;

import dev.tsuzuku.model.Chapter;
import dev.tsuzuku.model.SourceScene;
import dev.tsuzuku.model.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the structure of a cleaned text: chapter (or tale) headings, the front matter before the
 * first of them, scenes inside each chapter and paragraphs inside each scene. The text is read
 * as blocks (runs of non-blank lines); a heading is a one-line block that looks like one.
 */
final class Outline {
    private static final Pattern EXPLICIT = Pattern.compile(
            "^(CHAPTER|Chapter|BOOK|Book|PART|Part|TALE|Tale|STORY|Story)\\s+([IVXLCDM]+|\\d+|[A-Za-z]+)\\b[.:]?.{0,80}$");
    /** 第一章, 第3話, 第十回, 第２部 (Japanese and Chinese), with an optional name after a space. */
    private static final Pattern CJK_NUMBERED = Pattern.compile(
            "^第[0-9０-９一二三四五六七八九十百千〇零两]+[章話话回節节幕部巻卷篇](?:[\\s　:：・].{0,40})?$");
    private static final Pattern ROMAN = Pattern.compile("^([IVXLCDM]+|\\d{1,3})\\.?(\\s*[.:\\-—]?\\s+[A-Z].{0,80})?$");
    private static final Pattern SCENE_BREAK = Pattern.compile("^\\s*([*•·~#=\\-_]\\s*){3,}$|^\\s*§\\s*$");
    private static final Pattern FRONT = Pattern.compile(
            "^(preface|contents|table of contents|dedication|foreword|introduction|prologue note|acknowledge?ments?"
                    + "|list of illustrations|illustrations|transcriber s note|note|notes to the reader|author s note"
                    + "|compiled by|translated by|edited by|by)( .*)?$");
    private static final Pattern BACK = Pattern.compile(
            "^(appendix|notes|footnotes|glossary|index|the full project gutenberg license|afterword|bibliography)( .*)?$");
    private static final Pattern CONTENTS = Pattern.compile("^(table of )?contents$");

    /** The structure found, over {@code text}, which may start later than the input (front matter cut). */
    record Result(String text, List<Chapter> chapters) {}

    enum Kind { PROSE, HEADING, FRONT, BACK, TITLE, BREAK, SUBHEADING }

    record Block(int start, int end, int lines, int blankBefore, String first, Kind kind) {}

    private final String text;
    private final boolean markdown;
    private final String bookTitleKey;
    private final String fallbackTitle;

    private Outline(String text, boolean markdown, String bookTitle, String fallbackTitle) {
        this.text = text;
        this.markdown = markdown;
        this.bookTitleKey = bookTitle == null ? "" : Boilerplate.normalizeKey(bookTitle);
        this.fallbackTitle = fallbackTitle;
    }

    static Result of(String text, boolean markdown, String bookTitle, String fallbackTitle) {
        return new Outline(text, markdown, bookTitle, fallbackTitle).find();
    }

    private Result find() {
        List<Block> raw = blocks();
        int mdChapterLevel = markdown ? chapterLevel(raw) : 0;
        boolean explicitOnly = !markdown && raw.stream().filter(b -> b.lines == 1 && (EXPLICIT.matcher(b.first.strip()).matches()
                || CJK_NUMBERED.matcher(b.first.strip()).matches())).count() >= 2;

        // The table of contents names the headings to expect, even oddly cased ones.
        Set<String> toc = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).lines == 1 && CONTENTS.matcher(Headings.key(raw.get(i).first)).matches()) {
                for (int j = i + 1; j < raw.size() && raw.get(j).lines == 1 && raw.get(j).first.strip().length() <= 100; j++) {
                    toc.add(Headings.tocKey(raw.get(j).first));
                }
                break;
            }
        }

        List<Block> blocks = new ArrayList<>(raw.size());
        for (Block b : raw) {
            Kind kind = classify(b, mdChapterLevel, explicitOnly, toc);
            // Under "CHAPTER I", a capitalised line is the chapter's name even where loose capitals are not headings.
            if (kind == Kind.PROSE && explicitOnly && b.lines == 1 && Headings.isCaps(b.first.strip(), 0.75) && !blocks.isEmpty()
                    && blocks.get(blocks.size() - 1).kind == Kind.HEADING) {
                kind = Kind.HEADING;
            }
            blocks.add(new Block(b.start, b.end, b.lines, b.blankBefore, b.first, kind));
        }

        List<int[]> sections = new ArrayList<>(); // {titleBlock, bodyStartBlock, endBlock(exclusive), kind 0=chapter 1=front}
        int i = 0;
        boolean sawChapter = false;
        boolean ended = false;
        while (i < blocks.size() && !ended) {
            if (!isHeadingish(blocks.get(i).kind)) {
                i++;
                continue;
            }
            int g = i;
            while (i < blocks.size() && isHeadingish(blocks.get(i).kind)) {
                i++;
            }
            int groupEnd = i;
            for (int b = g; b < groupEnd; b++) {
                if (CONTENTS.matcher(Headings.key(blocks.get(b).first)).matches()) {
                    sections.add(new int[] {b, b, b, 1}); // the contents list is front matter, even when a chapter heading ends its run
                }
            }
            int title = pickTitle(blocks, g, groupEnd, toc);
            if (title < 0) {
                // A stray title line inside a chapter: the prose after it still belongs to that chapter.
                int next = groupEnd;
                while (next < blocks.size() && !isHeadingish(blocks.get(next).kind)) {
                    next++;
                }
                if (!sections.isEmpty() && sections.get(sections.size() - 1)[2] == g) {
                    sections.get(sections.size() - 1)[2] = next;
                }
                continue;
            }
            Kind k = blocks.get(title).kind;
            if (k == Kind.BACK && sawChapter) {
                sections.add(new int[] {title, groupEnd, groupEnd, 2});
                ended = true;
                continue;
            }
            int next = groupEnd;
            while (next < blocks.size() && !isHeadingish(blocks.get(next).kind)) {
                next++;
            }
            if (next == groupEnd) {
                continue; // a heading with nothing under it
            }
            boolean front = k == Kind.FRONT || k == Kind.BACK;
            sections.add(new int[] {title, groupEnd, next, front ? 1 : 0});
            sawChapter |= !front;
        }

        // Everything before the first real chapter is front matter: the title page, the dedication,
        // the preface, the contents. Only a long unheaded opening is kept, as a chapter of its own.
        int lastFront = -1;
        for (int s = 0; s < sections.size(); s++) {
            if (sections.get(s)[3] == 1 && blocks.get(sections.get(s)[0]).start < text.length() * 0.3) {
                lastFront = s;
            }
        }
        int firstChapter = -1;
        for (int s = lastFront + 1; s < sections.size() && firstChapter < 0; s++) {
            if (sections.get(s)[3] == 0) {
                firstChapter = s;
            }
        }
        for (int s = 0; s < sections.size() && firstChapter < 0; s++) {
            if (sections.get(s)[3] == 0) {
                firstChapter = s;
            }
        }
        if (firstChapter < 0) {
            int end = blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).end;
            List<Block> body = new ArrayList<>();
            for (Block b : blocks) {
                if (b.kind == Kind.PROSE || b.kind == Kind.BREAK || b.kind == Kind.SUBHEADING) {
                    body.add(b);
                }
            }
            Chapter only = new Chapter(1, fallbackTitle, new SourceSpan(0, end), SceneCutter.scenes(body, 0));
            return new Result(text.substring(0, end), List.of(only));
        }
        int firstBlockOfChapter = sections.get(firstChapter)[0];
        int cutAt = blocks.get(firstBlockOfChapter).start;
        boolean frontBefore = false;
        int proseBefore = 0;
        for (int s = 0; s < firstChapter; s++) {
            frontBefore |= sections.get(s)[3] == 1;
        }
        for (int b = 0; b < firstBlockOfChapter; b++) {
            if (blocks.get(b).kind == Kind.PROSE) {
                proseBefore += blocks.get(b).end - blocks.get(b).start;
            }
            frontBefore |= blocks.get(b).kind == Kind.FRONT;
        }
        boolean keepOpening = !frontBefore && toc.isEmpty() && proseBefore >= 3000;
        int base = keepOpening ? 0 : cutAt;

        List<Chapter> chapters = new ArrayList<>();
        if (keepOpening) {
            List<Block> body = blocks.subList(0, firstBlockOfChapter).stream()
                    .filter(b -> b.kind == Kind.PROSE || b.kind == Kind.BREAK).toList();
            chapters.add(new Chapter(1, fallbackTitle, new SourceSpan(0, body.get(body.size() - 1).end), SceneCutter.scenes(body, 0)));
        }
        int textEnd = cutAt;
        for (int s = firstChapter; s < sections.size(); s++) {
            int[] sec = sections.get(s);
            if (sec[3] != 0) {
                if (sec[3] == 2) {
                    break;
                }
                continue;
            }
            List<Block> body = new ArrayList<>();
            for (int b = sec[1]; b < sec[2]; b++) {
                body.add(blocks.get(b));
            }
            List<SourceScene> scenes = SceneCutter.scenes(body, base);
            if (scenes.isEmpty()) {
                continue;
            }
            int start = blocks.get(sec[0]).start;
            int end = scenes.get(scenes.size() - 1).span().endChar() + base;
            chapters.add(new Chapter(chapters.size() + 1, titleOf(blocks, sec[0], sec[1]),
                    new SourceSpan(start - base, end - base), scenes));
            textEnd = end;
        }
        return new Result(text.substring(base, textEnd), chapters);
    }

    private List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        int n = text.length();
        int pos = 0;
        int blank = 0;
        int blockStart = -1;
        int blockLines = 0;
        int blockBlank = 0;
        int lastEnd = 0;
        String first = null;
        while (pos <= n) {
            int nl = text.indexOf('\n', pos);
            int lineEnd = nl < 0 ? n : nl;
            boolean isBlank = isBlank(pos, lineEnd);
            boolean mdHeading = markdown && !isBlank && text.charAt(pos) == '#'
                    && Headings.MD_HEADING.matcher(text.substring(pos, lineEnd)).matches();
            if (isBlank || mdHeading) {
                if (blockStart >= 0) {
                    out.add(new Block(blockStart, lastEnd, blockLines, blockBlank, first, Kind.PROSE));
                    blockStart = -1;
                }
            }
            if (isBlank) {
                blank++;
            } else if (mdHeading) {
                out.add(new Block(pos, lineEnd, 1, blank, text.substring(pos, lineEnd), Kind.PROSE));
                blank = 0;
            } else {
                if (blockStart < 0) {
                    int indent = pos;
                    while (text.charAt(indent) == ' ' || text.charAt(indent) == '\t') {
                        indent++;
                    }
                    blockStart = indent; // a paragraph starts at its first word, not at its indentation
                    blockLines = 0;
                    blockBlank = blank;
                    first = text.substring(pos, lineEnd);
                }
                blockLines++;
                lastEnd = lineEnd;
                blank = 0;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        if (blockStart >= 0) {
            out.add(new Block(blockStart, lastEnd, blockLines, blockBlank, first, Kind.PROSE));
        }
        return out;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The Markdown heading level that marks chapters: the shallowest one used more than once. */
    private static int chapterLevel(List<Block> blocks) {
        int[] count = new int[7];
        for (Block b : blocks) {
            Matcher m = Headings.MD_HEADING.matcher(b.first);
            if (b.lines == 1 && m.matches()) {
                count[m.group(1).length()]++;
            }
        }
        int shallowest = 0;
        for (int level = 1; level <= 6; level++) {
            if (count[level] >= 2) {
                return level;
            }
            if (count[level] > 0 && shallowest == 0) {
                shallowest = level;
            }
        }
        return shallowest;
    }

    private Kind classify(Block b, int mdLevel, boolean explicitOnly, Set<String> toc) {
        String line = b.first.strip();
        if (b.lines == 1 && SCENE_BREAK.matcher(line).matches()) {
            return Kind.BREAK;
        }
        if (b.lines != 1 || line.length() > 100) {
            return Kind.PROSE;
        }
        String k = Headings.key(line);
        if (markdown && mdLevel > 0) {
            Matcher m = Headings.MD_HEADING.matcher(line);
            if (m.matches()) {
                int level = m.group(1).length();
                if (level < mdLevel) {
                    return Kind.TITLE;
                }
                return level == mdLevel ? headingOrMatter(Headings.key(m.group(2))) : Kind.SUBHEADING;
            }
            return Kind.PROSE;
        }
        if (CONTENTS.matcher(k).matches()) {
            return Kind.FRONT;
        }
        if (EXPLICIT.matcher(line).matches() || ROMAN.matcher(line).matches() || CJK_NUMBERED.matcher(line).matches()) {
            return Kind.HEADING;
        }
        if (!toc.isEmpty() && toc.contains(Headings.tocKey(line))) {
            return headingOrMatter(k);
        }
        if (k.equals(bookTitleKey) && !k.isEmpty()) {
            return Kind.TITLE;
        }
        if (FRONT.matcher(k).matches() && Headings.isCaps(line, 0.6)) {
            return Kind.FRONT;
        }
        if (!explicitOnly && Headings.isCaps(line, 0.75) && !line.startsWith("\"") && !line.startsWith("“")
                && !line.endsWith(",") && !line.endsWith("!\"")) {
            return headingOrMatter(k);
        }
        if (FRONT.matcher(k).matches() && Character.isUpperCase(line.charAt(0)) && line.split("\\s+").length <= 4) {
            return Kind.FRONT;
        }
        return Kind.PROSE;
    }

    private Kind headingOrMatter(String k) {
        if (FRONT.matcher(k).matches()) {
            return Kind.FRONT;
        }
        if (BACK.matcher(k).matches()) {
            return Kind.BACK;
        }
        if (!k.isEmpty() && k.equals(bookTitleKey)) {
            return Kind.TITLE;
        }
        return Kind.HEADING;
    }

    private static boolean isHeadingish(Kind k) {
        return k == Kind.HEADING || k == Kind.FRONT || k == Kind.BACK || k == Kind.TITLE;
    }

    /**
     * Which block of a run of headings names the section. A contents list is one long run whose
     * entries repeat: the second occurrence of an entry is the real first heading. Otherwise the
     * first heading that is not the book's title names it, and the rest are subtitles.
     */
    private int pickTitle(List<Block> blocks, int from, int to, Set<String> toc) {
        boolean hasContents = false;
        for (int b = from; b < to; b++) {
            hasContents |= CONTENTS.matcher(Headings.key(blocks.get(b).first)).matches();
        }
        if (hasContents) {
            Set<String> seen = new HashSet<>();
            for (int b = from; b < to; b++) {
                String k = Headings.tocKey(blocks.get(b).first);
                if (!seen.add(k) && blocks.get(b).kind == Kind.HEADING) {
                    return b;
                }
            }
            // No repeat: the contents run ends at the last heading if prose follows it directly.
            return to - 1 > from && blocks.get(to - 1).kind == Kind.HEADING && !toc.contains(Headings.tocKey(blocks.get(to - 1).first))
                    ? to - 1 : from;
        }
        for (int b = from; b < to; b++) {
            Kind k = blocks.get(b).kind;
            if (k == Kind.HEADING || k == Kind.FRONT || k == Kind.BACK) {
                return b;
            }
        }
        return -1;
    }

    private String titleOf(List<Block> blocks, int title, int groupEnd) {
        String t = Headings.cleanHeading(blocks.get(title).first);
        // "CHAPTER IV" alone on its line is usually followed by the chapter's name.
        if ((EXPLICIT.matcher(t).matches() || ROMAN.matcher(t).matches()) && t.split("\\s+").length <= 2
                && title + 1 < groupEnd && blocks.get(title + 1).kind == Kind.HEADING) {
            t = t + ": " + Headings.cleanHeading(blocks.get(title + 1).first);
        }
        return t;
    }

}
