package dev.tsuzuku.serve;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.DateParser;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The answer to a GET or HEAD for one media file: conditional requests (ETag and Last-Modified,
 * {@code If-None-Match}/{@code If-Modified-Since} → 304) and HTTP Range (RFC 7233, one byte range,
 * honoured only while {@code If-Range} still matches; several ranges get the whole file, as the RFC
 * allows). Bodies under {@link #ZERO_COPY_FROM} leave from memory with their headers in one write;
 * larger ones by {@code sendfile}, whichever transport sends the {@link EarlyAnswer}.
 */
final class MediaFile {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    /** Bodies from this size go out by sendfile ({@link ZeroCopy}); smaller ones leave with their headers in one write. */
    static final long ZERO_COPY_FROM = OpenFiles.IN_MEMORY;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

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
     * The answer to {@code request} (GET or HEAD) with {@code file}, of {@code contentType} and cache
     * policy {@code cacheControl}. The answer takes over the caller's use of {@code file}.
     */
    static EarlyAnswer answer(EarlyRequest request, OpenFiles files, OpenFiles.File file, HttpField contentType, HttpField cacheControl) {
        boolean head = request.method().equals("HEAD");
        List<HttpField> fields = new ArrayList<>(7);
        fields.add(cacheControl);
        fields.add(file.etagField());
        if (notModified(request.header("If-None-Match"), request.header("If-Modified-Since"), file.etag(), file.modified())) {
            file.release();
            return EarlyAnswer.of(HttpStatus.NOT_MODIFIED_304, fields, EMPTY, true);
        }
        long length = file.size();
        fields.add(contentType);
        fields.add(ACCEPT_RANGES);
        fields.add(file.lastModifiedField());
        String rangeHeader = request.header("Range");
        Optional<Span> span = rangeHeader != null && rangeStillApplies(request.header("If-Range"), file.etag(), file.modified())
                ? range(rangeHeader, length)
                : Optional.empty();
        //noinspection OptionalAssignedToNull
        if (span == null) {
            fields.add(new HttpField(HttpHeader.CONTENT_RANGE, "bytes */" + length));
            file.release();
            return EarlyAnswer.of(HttpStatus.RANGE_NOT_SATISFIABLE_416, fields, EMPTY, false);
        }
        if (span.isEmpty()) {
            return EarlyAnswer.ofFile(HttpStatus.OK_200, fields, files, file, 0, length, head);
        }
        Span s = span.get();
        fields.add(new HttpField(HttpHeader.CONTENT_RANGE, "bytes " + s.start() + "-" + s.end() + "/" + length));
        return EarlyAnswer.ofFile(HttpStatus.PARTIAL_CONTENT_206, fields, files, file, s.start(), s.length(), head);
    }
}
