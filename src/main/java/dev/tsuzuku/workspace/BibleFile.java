package dev.tsuzuku.workspace;

import dev.tsuzuku.model.Bible;
import java.nio.file.Path;

/**
 * Reads and writes {@code series.yaml}. Loading validates everything and reports all problems
 * at once with file, line and column (a {@link dev.tsuzuku.model.BadInputException}).
 */
public final class BibleFile {
    private BibleFile() {}

    /** Loads and validates the bible. */
    public static Bible load(Path file) {
        throw new UnsupportedOperationException("BibleFile.load is not built yet");
    }

    /** The YAML text of a bible, with comments that help the showrunner edit it. */
    public static String render(Bible bible) {
        throw new UnsupportedOperationException("BibleFile.render is not built yet");
    }
}
