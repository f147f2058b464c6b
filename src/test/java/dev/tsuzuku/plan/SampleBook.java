package dev.tsuzuku.plan;

import dev.tsuzuku.ingest.Ingest;
import dev.tsuzuku.model.Source;
import java.nio.file.Path;

/** The real test book of the repository, read once per test class. */
final class SampleBook {
    static final Path FILE = Path.of("samples/japanese-fairy-tales.txt");

    private SampleBook() {}

    static Source source() {
        return Ingest.read(FILE);
    }
}
