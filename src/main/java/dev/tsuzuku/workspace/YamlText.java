package dev.tsuzuku.workspace;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.ScalarToken;
import org.yaml.snakeyaml.tokens.Token;

/**
 * Composes a small hand-edited YAML file into a node tree, safely and with every failure as a
 * {@link BadInputException} at a line: syntax errors where the mistake was made (an unclosed
 * quote is reported where it opened, not where the parser gave up), and limits on size,
 * nesting and aliases so a pasted book or a "billion laughs" alias bomb is refused at the
 * line that crosses the limit instead of filling memory.
 */
final class YamlText {
    /** Code points a configuration file may hold: a bible is a few kilobytes. */
    static final int MAX_CODE_POINTS = 1 << 20;
    /** Mappings and lists inside each other: a bible needs four. */
    static final int MAX_DEPTH = 20;
    /** Aliases to lists or mappings: a bible needs none; this many already multiply a file a lot. */
    static final int MAX_ALIASES = 20;

    private static final Set<DumperOptions.ScalarStyle> QUOTES =
            Set.of(DumperOptions.ScalarStyle.DOUBLE_QUOTED, DumperOptions.ScalarStyle.SINGLE_QUOTED);

    private YamlText() {}

    /** The root node (null for an empty document) of {@code text}; {@code name} names the file in problems. */
    static Node compose(String name, String text) {
        checkSize(name, text);
        LoaderOptions options = options();
        try {
            checkShape(name, text, options);
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw syntax(name, text, e);
        } catch (ReaderException e) {
            int[] at = lineAndColumn(text, e.getPosition());
            throw new BadInputException(new Problem(name, at[0], at[1],
                    "character " + String.format("U+%04X", e.getCodePoint()) + " is not allowed in YAML",
                    "delete the control character"));
        } catch (YAMLException e) {
            // The checks above meet every limit first; this is the parser's own safety net.
            throw new BadInputException(name, "YAML: " + oneLine(e.getMessage()),
                    "keep the file to plain keys and values; anchors (&) and aliases (*) are not needed");
        }
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        // the raw limit is in code points of the whole stream; ours is checked first with a line
        options.setCodePointLimit(MAX_CODE_POINTS + 1);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private static void checkSize(String name, String text) {
        int length = text.length();
        if (length <= MAX_CODE_POINTS || text.codePointCount(0, length) <= MAX_CODE_POINTS) {
            return;
        }
        int limitAt = text.offsetByCodePoints(0, MAX_CODE_POINTS);
        int[] at = lineAndColumn(text, limitAt);
        throw new BadInputException(new Problem(name, at[0], 0,
                String.format(Locale.ROOT, "the file is %.1f MB; the limit is %d MB and line %d passes it",
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1048576.0,
                        MAX_CODE_POINTS >> 20, at[0]),
                "a " + name + " is a few kilobytes of settings: remove the text pasted into it from line " + at[0]
                        + " on (a book belongs in source/)"));
    }

    /** Walks the events (which never expands aliases) to find too deep nesting or too many aliases. */
    private static void checkShape(String name, String text, LoaderOptions options) {
        int depth = 0;
        int aliases = 0;
        Set<String> collectionAnchors = new HashSet<>();
        for (Event event : new Yaml(options).parse(new StringReader(text))) {
            if (event instanceof CollectionStartEvent start) {
                depth++;
                if (start.getAnchor() != null) {
                    collectionAnchors.add(start.getAnchor());
                }
                if (depth > MAX_DEPTH) {
                    throw at(name, start.getStartMark(), "lists and mappings nest more than " + MAX_DEPTH + " deep here",
                            "flatten the value: a setting needs at most a few levels of indentation or brackets");
                }
            } else if (event instanceof CollectionEndEvent) {
                depth--;
            } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAnchor())
                    && ++aliases > MAX_ALIASES) {
                throw at(name, alias.getStartMark(), "more than " + MAX_ALIASES
                                + " aliases (*name) to lists or mappings; each one copies a whole block, "
                                + "which is how an alias bomb fills memory",
                        "write the values out instead of &anchor/*alias references");
            }
        }
    }

    private static BadInputException at(String name, Mark mark, String message, String fix) {
        return new BadInputException(new Problem(name, mark.getLine() + 1, mark.getColumn() + 1, message, fix));
    }

    private static BadInputException syntax(String name, String text, MarkedYAMLException e) {
        Mark quote = unclosedQuote(text, e);
        if (quote != null) {
            return at(name, quote, "YAML syntax: this quote is not closed on its line",
                    "end the text with the same quote mark on line " + (quote.getLine() + 1)
                            + ", or escape a quote inside it (\\\" in double quotes, '' in single quotes)");
        }
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark c = e.getContextMark();
        String context = e.getContext() == null ? "" : " (" + e.getContext()
                + (c != null && m != null && c.getLine() != m.getLine() ? " that starts at " + (c.getLine() + 1) + ":" + (c.getColumn() + 1) : "")
                + ")";
        return new BadInputException(new Problem(name, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                "YAML syntax: " + oneLine(e.getProblem()) + context,
                "check the indentation and quoting here and on the line above; quote text that contains ': ' or ' #'"));
    }

    /**
     * Where a quoted value opened that the parser read on past its line: a quote left open runs
     * on to the next quote mark, so the parser fails lines later. Null when no quote is to blame.
     */
    private static Mark unclosedQuote(String text, MarkedYAMLException e) {
        if (e.getContext() != null && e.getContext().contains("quoted scalar") && e.getContextMark() != null) {
            return e.getContextMark(); // the quote runs to the end of the file
        }
        Mark failed = e.getProblemMark();
        if (failed == null) {
            return null;
        }
        Mark found = null;
        int foundEnd = -1;
        try {
            ScannerImpl scanner = new ScannerImpl(new StreamReader(new StringReader(text)), options());
            while (!scanner.checkToken(Token.ID.StreamEnd)) {
                Token t = scanner.getToken();
                if (t.getStartMark().getIndex() >= failed.getIndex()) {
                    break;
                }
                if (t instanceof ScalarToken s && QUOTES.contains(s.getStyle())
                        && s.getStartMark().getLine() < s.getEndMark().getLine()
                        && s.getStartMark().getLine() < failed.getLine()) {
                    found = s.getStartMark();
                    foundEnd = s.getEndMark().getLine();
                }
            }
        } catch (YAMLException ignored) {
            // the scan stops at the same mistake; what was found before it is what counts
        }
        // blamed only when the parser failed right where the run-on quote ended: a quoted value
        // that spans lines on purpose is no suspect for a mistake further down
        return found != null && failed.getLine() - foundEnd <= 1 ? found : null;
    }

    static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, end - lineStart + 1};
    }

    private static String oneLine(String s) {
        return s == null ? "invalid YAML" : s.replaceAll("\\s+", " ").trim();
    }
}
