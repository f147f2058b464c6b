package dev.tsuzuku.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small media files (HLS segments, playlists, covers, subtitles) kept in memory, so a request for
 * one costs no open, map or read: the bytes go from one direct buffer to the socket. An entry is
 * used only while the file's size and modification time are the ones it was read with; when the
 * budget is full, new files are simply read each time (the working set of a drop fits).
 */
final class SmallFiles {
    /** Files up to this size are kept (a 2 s segment of the 1080 rung is ~2 MB). */
    static final long LARGEST = 4L << 20;
    /** At most this many bytes in all. */
    static final long BUDGET = 256L << 20;

    private record Entry(long size, long modified, ByteBuffer bytes) {}

    private final long largest;
    private final long budget;
    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
    /** Larger files (an episode's MP4), mapped once and shared by every request for them. */
    private final ConcurrentHashMap<Path, Entry> mapped = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();

    SmallFiles(long largest, long budget) {
        this.largest = largest;
        this.budget = budget;
    }

    boolean fits(long size) {
        return size <= largest;
    }

    /** The file's bytes (a read-only view positioned at 0), from memory when they are known. */
    ByteBuffer bytes(Path file, long size, long modified) throws IOException {
        Entry e = entries.get(file);
        if (e != null && e.size() == size && e.modified() == modified) {
            return e.bytes().duplicate();
        }
        ByteBuffer b = ByteBuffer.allocateDirect((int) size);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read it all
            }
        }
        b.flip();
        ByteBuffer view = b.asReadOnlyBuffer();
        if (e != null) {
            if (entries.remove(file, e)) {
                used.addAndGet(-e.size());
            }
        }
        if (used.addAndGet(size) <= budget) {
            if (entries.putIfAbsent(file, new Entry(size, modified, view)) != null) {
                used.addAndGet(-size);
            }
        } else {
            used.addAndGet(-size);
        }
        return view.duplicate();
    }

    /**
     * A file larger than {@link #fits} mapped into memory once (up to 2 GiB; the page cache holds
     * the bytes, not the heap), as a read-only view positioned at 0; a changed file is mapped again.
     */
    ByteBuffer mapped(Path file, long size, long modified) throws IOException {
        Entry e = mapped.get(file);
        if (e != null && e.size() == size && e.modified() == modified) {
            return e.bytes().duplicate();
        }
        ByteBuffer map;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).asReadOnlyBuffer();
        }
        mapped.put(file, new Entry(size, modified, map));
        return map.duplicate();
    }
}
