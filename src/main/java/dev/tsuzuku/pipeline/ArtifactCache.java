package dev.tsuzuku.pipeline;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.process.RunFiles;
import dev.tsuzuku.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Content-addressed files under {@code .tsuzuku/cache}: an artifact is stored under the hash of
 * the inputs that made it, so the same inputs never render, synthesise or pay twice. Safe to
 * delete: everything in it can be made again.
 *
 * <p>Every artifact carries its length and SHA-256 in a {@code .sum} file beside it, written
 * when it is stored and checked whenever it is taken again: a truncated or altered artifact (a
 * full disk, a crash of the file system, a hand edit) is deleted and reported as missing, so the
 * caller makes it again, and the notes say so.
 */
public final class ArtifactCache {
    private final Path dir;
    private final Consumer<String> notes;
    private volatile boolean swept;

    public ArtifactCache(Path dir) {
        this(dir, note -> {});
    }

    /** {@code notes} hears about every damaged artifact that is thrown away. */
    public ArtifactCache(Path dir, Consumer<String> notes) {
        this.dir = dir;
        this.notes = notes;
    }

    public Path pathFor(String inputHash, String extension) {
        return dir.resolve(inputHash.substring(0, 2)).resolve(inputHash + "." + extension);
    }

    private Path sumFor(String inputHash, String extension) {
        Path p = pathFor(inputHash, extension);
        return p.resolveSibling(p.getFileName() + ".sum");
    }

    /** The artifact stored under {@code inputHash}, if there is one and it is intact. */
    public Optional<Path> get(String inputHash, String extension) {
        return get(inputHash, extension, "cached ." + extension + " " + inputHash.substring(0, Math.min(12, inputHash.length())));
    }

    /**
     * The artifact stored under {@code inputHash}, if there is one and it still has the length and
     * hash it was stored with. A damaged one is deleted and a note names it as {@code what}
     * (e.g. "the voice line 'A peach!'").
     */
    public Optional<Path> get(String inputHash, String extension, String what) {
        Path p = pathFor(inputHash, extension);
        Path sum = sumFor(inputHash, extension);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        Optional<String> damage = damage(p, sum);
        if (damage.isEmpty()) {
            return Optional.of(p);
        }
        notes.accept("cache: " + what + " " + damage.get() + "; making it again");
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(sum);
        } catch (IOException e) {
            throw new TsuzukuException("cannot delete the damaged " + p + ": " + e.getMessage()
                    + "\n    fix: delete .tsuzuku/cache (everything in it can be made again)", e);
        }
        return Optional.empty();
    }

    /** Why {@code p} is not the file its sum describes; empty when it is. */
    private static Optional<String> damage(Path p, Path sum) {
        if (!Files.isRegularFile(p)) {
            return Optional.of("is not a file");
        }
        String[] recorded;
        try {
            recorded = Files.readString(sum).strip().split(" ");
        } catch (IOException e) {
            return Optional.of("has no recorded length and hash");
        }
        long size;
        try {
            size = Files.size(p);
            if (recorded.length != 2 || Long.parseLong(recorded[0]) != size) {
                return Optional.of(recorded.length == 2
                        ? "is " + size + " bytes but was stored with " + recorded[0] + " (truncated or overwritten)"
                        : "has an unreadable record of its length and hash");
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.of("has an unreadable record of its length and hash");
        }
        if (!InputHash.file(p).equals(recorded[1])) {
            return Optional.of("does not match the hash it was stored with (altered)");
        }
        return Optional.empty();
    }

    /**
     * A fresh temporary path in the cache, owned by this run, for a producer to write to before
     * {@link #put}. The first call sweeps the scratch files of runs that died.
     */
    public Path scratch(String extension) {
        Path tmp = dir.resolve("tmp");
        try {
            Files.createDirectories(tmp);
            if (!swept) {
                swept = true;
                RunFiles.sweep(tmp);
            }
            return Files.createTempFile(tmp, "work." + RunFiles.runId() + ".", "." + extension);
        } catch (IOException e) {
            throw new TsuzukuException("cannot create a file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves a finished file into the cache under its input hash, with its length and hash, and
     * returns the cached path. The sum is written first: a crash in between leaves a sum without
     * a file (a miss), never a file that would be trusted without one.
     */
    public Path put(String inputHash, String extension, Path finished) {
        Path target = pathFor(inputHash, extension);
        try {
            Files.createDirectories(target.getParent());
            AtomicFiles.write(sumFor(inputHash, extension), Files.size(finished) + " " + InputHash.file(finished) + "\n");
            AtomicFiles.move(finished, target);
            return target;
        } catch (IOException e) {
            throw new TsuzukuException("cannot store " + finished + " in the cache: " + e.getMessage(), e);
        }
    }

    /** Stores a small text artifact (a marker that some work is done) under its input hash. */
    public Path mark(String inputHash, String extension, String text) {
        Path tmp = scratch(extension);
        AtomicFiles.write(tmp, text);
        return put(inputHash, extension, tmp);
    }
}
