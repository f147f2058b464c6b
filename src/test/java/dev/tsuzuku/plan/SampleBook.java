package dev.tsuzuku.plan;

import dev.tsuzuku.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real test book of the repository, read once per test class. */
final class SampleBook {
    static final Path FILE = Path.of("samples/japanese-fairy-tales.txt");

    private SampleBook() {}

    static Source source() {
        try {
            return PlainSource.read(FILE.getFileName().toString(), Files.readString(FILE));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
