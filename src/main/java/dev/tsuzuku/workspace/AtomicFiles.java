package dev.tsuzuku.workspace;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.process.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Writes that are all-or-nothing: a crash leaves the old file or the new one, never half. */
public final class AtomicFiles {
    /** The folders this run has swept of dead runs' temporary files (once each: a listing per write would cost). */
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /**
     * Writes {@code bytes} to {@code target} through a temporary file of its own beside it, so two
     * threads or processes writing the same target at once (two shots with the same inputs) both
     * succeed and the last move wins, instead of one moving the other's half-written file away.
     * The temporary file's name carries this run's id ({@link RunFiles#temp}); the first write into
     * a folder in a run deletes the temporary files that runs which died mid-write left there.
     */
    public static void write(Path target, byte[] bytes) {
        Path tmp = null;
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (SWEPT.add(parent)) {
                RunFiles.sweep(parent);
            }
            // a name no other writer uses (createTempFile would make it owner-only, unlike the file it replaces)
            tmp = RunFiles.temp(target.toAbsolutePath(), ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            move(tmp, target);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // the write failed already; a leftover temp file is the smaller problem (swept by a later run)
            }
            throw cannotWrite(target, e);
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

    /**
     * A failed write as the user can act on it: permission, a read-only file system and a full
     * disk are bad input (exit 2) with the reason and the fix; anything else stays an error
     * (exit 1) that still names the reason, never just the path.
     */
    public static TsuzukuException cannotWrite(Path target, IOException e) {
        String reason = reason(e);
        String where = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : target.toString();
        String fix = switch (reason) {
            case "permission denied" -> "give yourself write access (chmod u+w " + where + ", or its folder), "
                    + "or work on a copy of the series folder you own";
            case "read-only file system" -> "the disk is mounted read-only: remount it writable, or copy the series "
                    + "folder to a writable disk and run there";
            case "no space left on device" -> "free some space on the disk (df -h " + where + " shows how much is left), "
                    + "then run the command again; finished files are kept";
            case "disk quota exceeded" -> "free some of your quota (or ask for more), then run the command again";
            case "not a directory" -> "a file stands where a folder is needed on the way to " + target
                    + ": move it aside";
            default -> null;
        };
        String message = "cannot write " + target + ": " + reason;
        if (fix == null) {
            return new TsuzukuException(message, e);
        }
        return new BadInputException(new Problem(target.toString(), 0, 0, message, fix));
    }

    /** Why an I/O operation failed, in words: the OS reason, never just the path Java puts in the message. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            // createDirectories met a file where a folder of the path should be
            return "not a directory";
        }
        String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (why == null || why.isBlank()) {
            return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                    .replace(" exception", "");
        }
        String lower = why.strip().toLowerCase(Locale.ROOT);
        for (String known : new String[] {"permission denied", "read-only file system", "no space left on device",
                "disk quota exceeded", "not a directory"}) {
            if (lower.contains(known)) {
                return known;
            }
        }
        return why.strip();
    }
}
