package dev.tsuzuku.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.DateParser;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.HttpOutput;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Answers a GET or HEAD for one media file at Jetty's level: conditional requests (ETag and
 * Last-Modified, {@code If-None-Match}/{@code If-Modified-Since} → 304) and HTTP Range (RFC 7233,
 * one byte range, honoured only while {@code If-Range} still matches; several ranges get the whole
 * file, as the RFC allows). Bodies under {@link #ZERO_COPY_FROM} leave from memory with their
 * headers in one write; larger ones by {@code sendfile} ({@link ZeroCopy}).
 */
final class MediaFile {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    /** Bodies from this size go out by sendfile ({@link ZeroCopy}); smaller ones leave with their headers in one write. */
    static final long ZERO_COPY_FROM = OpenFiles.IN_MEMORY;
    /** Read at most this much at a time when a body cannot go by sendfile (not a plain socket). */
    private static final int CHUNK = 64 << 10;

    private static final HttpField ACCEPT_RANGES = new PreEncodedHttpField(HttpHeader.ACCEPT_RANGES, "bytes");

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

    /**
     * True when an {@code If-None-Match} header lists the file's entity tag (weak comparison, or
     * {@code *}), or, without one, when {@code If-Modified-Since} is not before its modification
     * (to the second): the client's copy is current (304).
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, long modifiedMillis) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || opaque(tag).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            long since = DateParser.parseDate(ifModifiedSince);
            return since >= 0 && modifiedMillis / 1000 <= since / 1000;
        }
        return false;
    }

    /**
     * True when a Range may be honoured: no {@code If-Range}, or one naming the file as it is now
     * (its strong entity tag, or its Last-Modified date exactly); else the whole file is sent.
     */
    static boolean rangeStillApplies(String ifRange, String etag, long modifiedMillis) {
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.strip();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return v.equals(etag); // a weak tag never matches (strong comparison)
        }
        long date = DateParser.parseDate(v);
        return date >= 0 && date / 1000 == modifiedMillis / 1000;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /**
     * Answers {@code request} (GET or HEAD) with {@code file}, of {@code contentType} and cache
     * policy {@code cacheControl}. {@code file} stays the caller's to release.
     */
    static void send(Request request, OpenFiles files, OpenFiles.File file, HttpField contentType, HttpField cacheControl) throws IOException {
        Response response = request.getResponse();
        HttpFields.Mutable fields = response.getHttpFields();
        fields.put(cacheControl);
        fields.put(file.etagField());
        if (notModified(request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"), file.etag(), file.modified())) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            return;
        }
        long length = file.size();
        fields.put(contentType);
        fields.put(ACCEPT_RANGES);
        fields.put(file.lastModifiedField());
        String rangeHeader = request.getHeader("Range");
        Optional<Span> span = rangeHeader != null && rangeStillApplies(request.getHeader("If-Range"), file.etag(), file.modified())
                ? range(rangeHeader, length)
                : Optional.empty();
        //noinspection OptionalAssignedToNull
        if (span == null) {
            fields.put(HttpHeader.CONTENT_RANGE, "bytes */" + length);
            response.setStatus(HttpStatus.RANGE_NOT_SATISFIABLE_416);
            response.setContentLength(0);
            return;
        }
        long start = 0;
        long count = length;
        if (span.isPresent()) {
            start = span.get().start();
            count = span.get().length();
            response.setStatus(HttpStatus.PARTIAL_CONTENT_206);
            fields.put(HttpHeader.CONTENT_RANGE, "bytes " + start + "-" + span.get().end() + "/" + length);
        }
        if (request.getMethod().equals("HEAD") || count == 0) {
            response.setContentLengthLong(count);
            return;
        }
        if (count >= ZERO_COPY_FROM && ZeroCopy.send(request, files, file, start, count)) {
            return;
        }
        response.setContentLengthLong(count);
        HttpOutput out = response.getHttpOutput();
        ByteBuffer all = file.bytes();
        if (all != null) {
            out.write(all.position((int) start).limit((int) (start + count)).slice()); // with the headers, in one write
            return;
        }
        long pos = start;
        long end = start + count;
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, count));
        while (pos < end) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), end - pos));
            while (chunk.hasRemaining()) {
                int n = file.channel().read(chunk, pos + chunk.position());
                if (n < 0) {
                    throw new IOException(file + " became shorter while it was sent");
                }
            }
            out.write(chunk.flip());
            pos += chunk.limit();
        }
    }
}
