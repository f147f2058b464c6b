package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code DIR [--db URL]}: the series a command works on, and where its state lives. */
final class SeriesFolder {
    @Parameters(index = "0", paramLabel = "DIR", description = "The series folder.")
    Path dir;

    @Mixin
    DatabaseOption database;

    /** Opens the series (its bible and state database). */
    Studio open() {
        return Studio.openSeries(dir, database.url());
    }
}
