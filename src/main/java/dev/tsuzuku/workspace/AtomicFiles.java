package dev.tsuzuku.workspace;

import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes that are all-or-nothing: a crash leaves the old file or the new one, never half. */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            move(tmp, target);
        } catch (IOException e) {
            throw new TsuzukuException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Moves a finished temporary file into place atomically where the file system allows it. */
    public static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
