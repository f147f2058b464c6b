package dev.tsuzuku.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test books: the real Gutenberg sample and small synthetic texts built chapter by chapter. */
final class Books {
    static final Path SAMPLE = Path.of("samples/japanese-fairy-tales.txt");

    private final List<String> parts = new ArrayList<>();

    static Books book() {
        return new Books();
    }

    Books raw(String text) {
        parts.add(text);
        return this;
    }

    /** A chapter: the heading line, then {@code paragraphs} paragraphs of a little story about Aiko and the old fox. */
    Books chapter(String heading, int paragraphs) {
        StringBuilder b = new StringBuilder(heading).append("\n\n");
        for (int i = 0; i < paragraphs; i++) {
            b.append(paragraph(i)).append("\n\n");
        }
        parts.add(b.toString());
        return this;
    }

    static String paragraph(int i) {
        return switch (i % 4) {
            case 0 -> "Aiko walked along the river with her basket, counting the stones as she went,\n"
                    + "and the water sang beside her all the way down to the village bridge. (" + i + ")";
            case 1 -> "\"Where are you going so early?\" asked the old fox, stepping out from the reeds.\n"
                    + "\"To the market,\" said Aiko, \"to sell the plums my grandmother picked.\"";
            case 2 -> "The old fox smiled a thin smile and followed her at a distance, for he meant to\n"
                    + "steal the plums as soon as she sat down to rest under the pine tree.";
            default -> "But Aiko was wiser than he thought. She had heard of the old fox and his tricks,\n"
                    + "and she kept the basket close beside her, and she did not sleep at all.";
        };
    }

    /** The text with LF line endings. */
    String text() {
        return String.join("\n", parts);
    }

    String crlf() {
        return text().replace("\n", "\r\n");
    }

    String cr() {
        return text().replace("\n", "\r");
    }
}
