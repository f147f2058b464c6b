package dev.tsuzuku.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Media files kept open between requests: a media URL names content that never changes
 * (decision 0023), so one open {@link FileChannel} serves every request for it instead of an
 * open, a stat and a close each time. Every request still looks at the file once ({@code stat}):
 * an entry is used only while the path has the size, modification time and file (inode) it was
 * opened with, so a file replaced on disk, in place or by a rename, is opened anew and never
 * served stale. Files under {@link #IN_MEMORY} are also read once and kept, so they leave from
 * memory with their headers in one write. A channel that was closed under the cache (an
 * interrupted thread closes a shared channel) is opened again. At most {@code capacity} files
 * are kept open; a file that is in use when it is dropped is closed when its last request ends.
 */
final class OpenFiles implements AutoCloseable {
    /** Files smaller than this are kept in memory as well (playlists, subtitles, covers, short bodies). */
    static final long IN_MEMORY = 64L << 10;
    /** The first bytes of a larger file kept in memory, which leave with the headers of an answer from its start. */
    static final int OPENING = 16 << 10;
    /** Files kept open at most (each is one file descriptor). */
    static final int CAPACITY = 512;

    /** One open file and what the responses about it say; counted, so a dropped one closes after its last use. */
    static final class File {
        private final Path path;
        private final long size;
        private final long modified;
        private final Object key;
        private final FileChannel channel;
        private final ByteBuffer bytes;
        private final ByteBuffer opening;
        private final String etag;
        /** The ETag and Last-Modified headers, encoded once per opened file rather than on every response. */
        private final HttpField etagField;
        private final HttpField lastModifiedField;
        /** The cache's own reference plus one per request using it; closed at 0. */
        private final AtomicInteger refs = new AtomicInteger(1);

        private File(Path path, BasicFileAttributes a, FileChannel channel, ByteBuffer bytes, ByteBuffer opening) {
            this.path = path;
            this.size = a.size();
            this.modified = a.lastModifiedTime().toMillis();
            this.key = a.fileKey();
            this.channel = channel;
            this.bytes = bytes;
            this.opening = opening;
            this.etag = "\"" + Long.toHexString(modified) + "-" + Long.toHexString(size) + "\"";
            this.etagField = new PreEncodedHttpField(HttpHeader.ETAG, etag);
            this.lastModifiedField = new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(modified));
        }

        long size() {
            return size;
        }

        /** Milliseconds since the epoch. */
        long modified() {
            return modified;
        }

        FileChannel channel() {
            return channel;
        }

        /** The whole file as a read-only buffer at position 0, for files under {@link #IN_MEMORY}; else null. */
        ByteBuffer bytes() {
            return bytes == null ? null : bytes.duplicate();
        }

        /** The first {@link #OPENING} bytes (or all of a shorter file) as a read-only buffer at position 0. */
        ByteBuffer opening() {
            return opening.duplicate();
        }

        /** A strong entity tag: the modification time and size, as nginx makes it (quoted). */
        String etag() {
            return etag;
        }

        HttpField etagField() {
            return etagField;
        }

        HttpField lastModifiedField() {
            return lastModifiedField;
        }

        boolean isOpen() {
            return channel.isOpen();
        }

        private boolean same(BasicFileAttributes a) {
            return size == a.size() && modified == a.lastModifiedTime().toMillis() && Objects.equals(key, a.fileKey());
        }

        private boolean acquire() {
            for (int r = refs.get(); r > 0; r = refs.get()) {
                if (refs.compareAndSet(r, r + 1)) {
                    return true;
                }
            }
            return false;
        }

        /** Ends one use; the last one closes the channel. */
        void release() {
            if (refs.decrementAndGet() == 0) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // a read-only channel: nothing was written that could be lost
                }
            }
        }

        @Override
        public String toString() {
            return path + " (" + size + " bytes)";
        }
    }

    private final int capacity;
    private final ConcurrentHashMap<Path, File> files = new ConcurrentHashMap<>();
    /** Files opened (what the tests count). */
    private final AtomicLong opened = new AtomicLong();

    OpenFiles(int capacity) {
        this.capacity = capacity;
    }

    long opened() {
        return opened.get();
    }

    /** Files open now. */
    int size() {
        return files.size();
    }

    /**
     * The regular file at {@code path} as it is now, for one request, which must {@link
     * File#release() release} it; {@link NoSuchFileException} when there is none (or it is a folder).
     */
    File open(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new NoSuchFileException(path.toString(), null, "not a regular file");
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            File f = files.get(path);
            if (f != null && f.same(a) && f.isOpen() && f.acquire()) {
                return f;
            }
            if (f != null) {
                drop(path, f);
            }
            File fresh = read(path, a);
            if (!fresh.acquire()) {
                throw new IllegalStateException("a new entry is closed: " + fresh);
            }
            File before = files.putIfAbsent(path, fresh);
            if (before == null) {
                trim(path);
                return fresh;
            }
            // another request opened it at the same time: use theirs if it is the same file
            fresh.release();
            fresh.release();
        }
        // the file keeps changing under us: serve it uncached
        return read(path, a);
    }

    /**
     * Drops {@code f} if it is still the entry for its path (its file changed, or its channel was
     * closed): the next {@link #open} opens the file again.
     */
    void forget(File f) {
        drop(f.path, f);
    }

    /**
     * The file of {@code old} opened again after its channel was closed under it, for the rest of
     * a body: an {@link IOException} when the file on disk is no longer the one {@code old} was.
     */
    File reopen(File old) throws IOException {
        forget(old);
        File f = open(old.path);
        if (f.size != old.size || f.modified != old.modified || !Objects.equals(f.key, old.key)) {
            f.release();
            throw new IOException(old + " changed while it was sent");
        }
        return f;
    }

    /**
     * After {@code e} on {@code current}'s channel in the middle of a body: the file opened again
     * when another request's interrupt closed the shared channel (the file unchanged), else {@code e}
     * again. {@code current} is released unless it is {@code original}, the caller's own use.
     */
    File reopenAfter(ClosedChannelException e, File current, File original) throws IOException {
        if (e instanceof ClosedByInterruptException || current.channel().isOpen() || Thread.currentThread().isInterrupted()) {
            throw e;
        }
        File again = reopen(current);
        if (current != original) {
            current.release();
        }
        return again;
    }

    private void drop(Path path, File f) {
        if (files.remove(path, f)) {
            f.release();
        }
    }

    /** Opens the file; {@code a} is what stat said a moment ago (the channel's own size is the truth). */
    private File read(Path path, BasicFileAttributes a) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            opened.incrementAndGet();
            ByteBuffer start = ByteBuffer.allocateDirect(a.size() < IN_MEMORY ? (int) a.size() : OPENING);
            while (start.hasRemaining()) {
                if (ch.read(start, start.position()) < 0) {
                    throw new IOException(path + " became shorter while it was read");
                }
            }
            start.flip();
            ByteBuffer bytes = a.size() < IN_MEMORY ? start.asReadOnlyBuffer() : null;
            ByteBuffer opening = start.limit(Math.min(start.limit(), OPENING)).slice().asReadOnlyBuffer();
            return new File(path, a, ch, bytes, opening);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Keeps at most {@link #capacity} files open, dropping others than {@code keep}. */
    private void trim(Path keep) {
        Iterator<Map.Entry<Path, File>> it = files.entrySet().iterator();
        while (files.size() > capacity && it.hasNext()) {
            Map.Entry<Path, File> e = it.next();
            if (!e.getKey().equals(keep)) {
                drop(e.getKey(), e.getValue());
            }
        }
    }

    /** Closes every file (those in use close when their request ends). */
    @Override
    public void close() {
        for (Map.Entry<Path, File> e : files.entrySet()) {
            drop(e.getKey(), e.getValue());
        }
    }
}
