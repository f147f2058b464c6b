package dev.tsuzuku.pipeline;

import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed files under {@code .tsuzuku/cache}: an artifact is stored under the hash of
 * the inputs that made it, so the same inputs never render, synthesise or pay twice. Safe to
 * delete: everything in it can be made again.
 */
public final class ArtifactCache {
    private final Path dir;

    public ArtifactCache(Path dir) {
        this.dir = dir;
    }

    public Path pathFor(String inputHash, String extension) {
        return dir.resolve(inputHash.substring(0, 2)).resolve(inputHash + "." + extension);
    }

    public Optional<Path> get(String inputHash, String extension) {
        Path p = pathFor(inputHash, extension);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** A fresh temporary path in the cache for a producer to write to before {@link #put}. */
    public Path scratch(String extension) {
        try {
            Files.createDirectories(dir.resolve("tmp"));
            return Files.createTempFile(dir.resolve("tmp"), "work-", "." + extension);
        } catch (IOException e) {
            throw new TsuzukuException("cannot create a file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Moves a finished file into the cache under its input hash and returns the cached path. */
    public Path put(String inputHash, String extension, Path finished) {
        Path target = pathFor(inputHash, extension);
        try {
            Files.createDirectories(target.getParent());
            AtomicFiles.move(finished, target);
            return target;
        } catch (IOException e) {
            throw new TsuzukuException("cannot store " + finished + " in the cache: " + e.getMessage(), e);
        }
    }
}
