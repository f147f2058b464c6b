package dev.tsuzuku.serve;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.HttpOutput;

/**
 * Sends one file with HTTP Range support (RFC 7233, a single byte range; several ranges get the
 * whole file, as the RFC allows). The bytes go from a memory-mapped file straight into Jetty's
 * output, so a large MP4 is not copied through the heap.
 */
final class MediaFile {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    /** Map at most this much at a time: a 2 GB file is sent in pieces. */
    private static final long WINDOW = 64L << 20;
    /** Bodies from this size go out by sendfile ({@link ZeroCopy}); smaller ones leave with their headers in one write. */
    static final long ZERO_COPY_FROM = 64L << 10;

    private MediaFile() {}

    /** The byte range {@code [start, end]} a Range header asks of a file of {@code length} bytes; empty: the whole file. */
    record Span(long start, long end) {
        long length() {
            return end - start + 1;
        }
    }

    /**
     * Parses a Range header: empty for none, a multi-range or one that is not bytes (send it all);
     * {@code null} when unsatisfiable (416).
     */
    static Optional<Span> range(String header, long length) {
        if (header == null || header.contains(",")) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(header.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) { // suffix: the last N bytes
                long n = Long.parseLong(m.group(2));
                if (n == 0 || length == 0) {
                    return null;
                }
                return Optional.of(new Span(Math.max(0, length - n), length - 1));
            }
            long start = Long.parseLong(m.group(1));
            long end = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
            if (start >= length || end < start) {
                return null;
            }
            return Optional.of(new Span(start, end));
        } catch (NumberFormatException e) {
            return null; // more digits than a long: nothing of that size exists here
        }
    }

    /** Answers a GET or HEAD for {@code file} (which exists, with {@code attributes}) with its type and cache policy. */
    @SuppressWarnings("OptionalAssignedToNull")
    static void send(Context ctx, Path file, BasicFileAttributes attributes, String contentType, String cacheControl, SmallFiles small)
            throws IOException {
        long length = attributes.size();
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Cache-Control", cacheControl);
        ctx.contentType(contentType);
        Optional<Span> span = range(ctx.header("Range"), length);
        if (span == null) {
            ctx.header("Content-Range", "bytes */" + length);
            ctx.status(HttpStatus.RANGE_NOT_SATISFIABLE);
            return;
        }
        long start = 0;
        long count = length;
        if (span.isPresent()) {
            start = span.get().start();
            count = span.get().length();
            ctx.status(HttpStatus.PARTIAL_CONTENT);
            ctx.header("Content-Range", "bytes " + start + "-" + span.get().end() + "/" + length);
        }
        boolean head = ctx.method().name().equals("HEAD");
        if (!head && count >= ZERO_COPY_FROM && ZeroCopy.send(ctx, file, start, count)) {
            return;
        }
        ctx.res().setContentLengthLong(count);
        if (head || count == 0) {
            return;
        }
        OutputStream out = ctx.res().getOutputStream();
        long modified = attributes.lastModifiedTime().toMillis();
        if (small.fits(length) || length <= Integer.MAX_VALUE) {
            ByteBuffer all = small.fits(length) ? small.bytes(file, length, modified) : small.mapped(file, length, modified);
            ByteBuffer part = all.position((int) start).limit((int) (start + count)).slice();
            if (out instanceof HttpOutput jetty) {
                jetty.write(part);
            } else {
                byte[] copy = new byte[part.remaining()];
                part.get(copy);
                out.write(copy);
            }
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = start;
            long left = count;
            while (left > 0) {
                long n = Math.min(left, WINDOW);
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, pos, n);
                if (out instanceof HttpOutput jetty) {
                    jetty.write(map);
                } else {
                    byte[] buf = new byte[(int) Math.min(n, 1 << 16)];
                    while (map.hasRemaining()) {
                        int k = Math.min(buf.length, map.remaining());
                        map.get(buf, 0, k);
                        out.write(buf, 0, k);
                    }
                }
                pos += n;
                left -= n;
            }
        }
    }
}
