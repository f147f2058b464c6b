package dev.tsuzuku.voice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the speech programs are: an executable on the PATH. */
final class Programs {
    private Programs() {}

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The first file of {@code dir} (searched two levels deep) whose name ends with {@code suffix}. */
    static Optional<Path> find(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (var files = Files.walk(dir, 3)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().findFirst();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
