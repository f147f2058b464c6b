package dev.tsuzuku.ingest;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Source;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.text.Cjk;
import java.io.IOException;
import dev.tsuzuku.workspace.AtomicFiles;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an IP (a .txt or .md book, UTF-8, any line endings) into a {@link Source}: boilerplate
 * stripped, chapters, scenes and paragraphs found. Anything that cannot become a series is a
 * {@link BadInputException} naming the file and the fix.
 */
public final class Ingest {
    /** Larger files are refused: no book needs more, and it keeps a mistaken path from filling memory. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;
    /** Less text than this cannot fill even a short season. */
    public static final int MIN_CHARS = 2_000;

    /**
     * Longer paragraphs are split at sentence ends: the planner cuts only between paragraphs, and
     * 2,000 characters are about 33 s of screen time at the house pace, well inside the shortest
     * allowed episode (48 s).
     */
    public static final int MAX_PARAGRAPH_CHARS = 2_000;
    private static final java.util.regex.Pattern PARAGRAPH_GAP = java.util.regex.Pattern.compile("\n[ \t]*\n\\s*");
    /** A sentence end (with closing quotes or brackets) and the white space after it (group 1). */
    private static final java.util.regex.Pattern SENTENCE_END =
            java.util.regex.Pattern.compile("[.!?…][\"'”’)\\]»]*(\\s+)|[。！？][」』）]*");

    private Ingest() {}

    /** Reads and parses a source file. */
    public static Source read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(name, "is a directory, not a text file",
                    "pass the book file itself, e.g. " + file.resolve("book.txt"));
        }
        if (!Files.exists(file)) {
            throw new BadInputException(name, "file not found",
                    "check the path; the source must be a .txt or .md file");
        }
        if (!Files.isRegularFile(file)) {
            // A FIFO or a device would block the read forever or never end.
            throw new BadInputException(name, "is not a regular file (a named pipe, device or socket)",
                    "save the text to a file first, e.g. cat " + file + " > book.txt, and pass that file");
        }
        checkExtension(name);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(name, size);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, "file not found", "check the path; the source must be a .txt or .md file");
        } catch (AccessDeniedException e) {
            throw new BadInputException(name, "cannot read: permission denied",
                    "give yourself read access (chmod u+r " + file + "), or pass a copy you can read");
        } catch (IOException e) {
            throw new TsuzukuException("cannot read " + name + ": " + AtomicFiles.reason(e), e);
        }
        return parse(name, TextDecoder.decode(name, bytes));
    }

    /** Parses already-decoded text; {@code fileName} decides Markdown handling and names the file in errors. */
    public static Source parse(String fileName, String raw) {
        if ((long) raw.length() > MAX_BYTES) {
            throw tooLarge(fileName, raw.length());
        }
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (text.isBlank()) {
            throw new BadInputException(fileName, "the file is empty" + (text.isEmpty() ? "" : " (only whitespace)"),
                    "put the book's text in it (a .txt or .md file, UTF-8)");
        }
        checkNotBinary(fileName, text);
        String normalized = normalizeLineEndings(text);
        boolean markdown = isMarkdown(fileName);
        String declaredTitle = null;
        if (Aozora.uses(normalized)) {
            Aozora.Cleaned aozora = Aozora.clean(normalized);
            normalized = aozora.text();
            declaredTitle = aozora.title();
        }
        if (Cjk.mostly(normalized)) {
            normalized = linesAreParagraphs(normalized);
        }
        Boilerplate.Cleaned cleaned = Boilerplate.strip(normalized, markdown);
        String title = cleaned.title() != null ? cleaned.title() : declaredTitle;
        Outline.Result outline = Outline.of(splitLongParagraphs(cleaned.text()), markdown, title, baseName(fileName));
        int chars = nonBlank(outline.text());
        // A Japanese or Chinese character carries about as much story as three English ones.
        int least = Cjk.mostly(outline.text()) ? MIN_CHARS / 3 : MIN_CHARS;
        if (chars < least) {
            throw new BadInputException(fileName,
                    "too little text to plan a series: " + chars + " characters of story after removing boilerplate"
                            + " (need at least " + String.format(Locale.ROOT, "%,d", least) + ")",
                    "use the whole book or at least a full chapter");
        }
        return new Source(fileName, outline.text(), outline.chapters(), title);
    }

    /**
     * Japanese and Chinese prose is not wrapped by hand: each line is a paragraph (a line of
     * narration opening with 　, a line of speech with 「), so the writers see who speaks line by
     * line. A line break between two lines of text becomes a blank line.
     */
    static String linesAreParagraphs(String text) {
        return text.replaceAll("(?<=\\S)[ \\t\u3000]*\n(?=[ \\t\u3000]*\\S)", "\n\n");
    }

    /**
     * Paragraphs longer than {@link #MAX_PARAGRAPH_CHARS} split at sentence ends (else at a space,
     * else anywhere), so a book without blank lines (one long line, or hard-wrapped text without
     * paragraph breaks) still has cut points and no episode runs past the series' length.
     * Shorter paragraphs are left as they are, byte for byte.
     */
    static String splitLongParagraphs(String text) {
        StringBuilder out = null;
        int start = 0;
        java.util.regex.Matcher gap = PARAGRAPH_GAP.matcher(text);
        while (start <= text.length()) {
            int end = gap.find(start) ? gap.start() : text.length();
            if (end - start > MAX_PARAGRAPH_CHARS) {
                if (out == null) {
                    out = new StringBuilder(text.length() + text.length() / 500).append(text, 0, start);
                }
                splitOne(text, start, end, out);
            } else if (out != null) {
                out.append(text, start, end);
            }
            if (end == text.length()) {
                break;
            }
            if (out != null) {
                out.append(text, end, gap.end());
            }
            start = gap.end();
        }
        return out == null ? text : out.toString();
    }

    private static void splitOne(String text, int from, int end, StringBuilder out) {
        int pos = from;
        while (end - pos > MAX_PARAGRAPH_CHARS) {
            int limit = pos + MAX_PARAGRAPH_CHARS;
            int cut = -1;
            java.util.regex.Matcher m = SENTENCE_END.matcher(text).region(pos + MAX_PARAGRAPH_CHARS / 2, limit);
            while (m.find()) {
                cut = m.start(1) >= 0 ? m.start(1) : m.end(); // after 。 no space follows
            }
            int resume;
            if (cut < 0) {
                int space = limit;
                while (space > pos + MAX_PARAGRAPH_CHARS / 2 && !Character.isWhitespace(text.charAt(space))) {
                    space--;
                }
                cut = Character.isWhitespace(text.charAt(space)) ? space : limit;
                if (Character.isLowSurrogate(text.charAt(cut))) {
                    cut--;
                }
            }
            resume = cut;
            while (resume < end && Character.isWhitespace(text.charAt(resume))) {
                resume++;
            }
            out.append(text, pos, cut).append("\n\n");
            pos = resume;
        }
        out.append(text, pos, end);
    }

    /** CRLF and lone CR become LF, in one pass. */
    public static String normalizeLineEndings(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                b.append('\n');
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void checkExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".txt") || lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".text"))) {
            throw new BadInputException(name, "not a .txt or .md file",
                    "export the book as plain text (UTF-8) and name it book.txt, or as Markdown (book.md)");
        }
    }

    private static void checkNotBinary(String fileName, String text) {
        int control = 0;
        int n = text.length();
        int line = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == 0) {
                throw new BadInputException(new Problem(fileName, line, 0,
                        "this looks like a binary file (NUL character at offset " + i + "), not text",
                        "export the book as plain text (.txt, UTF-8) or Markdown (.md)"));
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f || c == '\uFFFD') {
                control++;
            }
        }
        // Real texts carry a stray form feed or two; binary data is full of control bytes.
        if (control > 16 && control * 100L > n) {
            throw new BadInputException(fileName,
                    "this looks like a binary file (" + control + " control characters in " + n + "), not text",
                    "export the book as plain text (.txt, UTF-8) or Markdown (.md)");
        }
    }

    private static BadInputException tooLarge(String name, long size) {
        return new BadInputException(name,
                String.format(Locale.ROOT, "too large: %.1f MB (the limit is %d MB)", size / 1048576.0, MAX_BYTES / 1048576),
                "split the book and start a workspace per part, or remove appendices and indexes");
    }

    static boolean isMarkdown(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }

    private static String baseName(String fileName) {
        String n = Path.of(fileName).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static int nonBlank(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
