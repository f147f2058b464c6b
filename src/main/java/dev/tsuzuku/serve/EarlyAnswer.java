package dev.tsuzuku.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * An {@link EarlyRoute}'s answer, for either transport to send: the status, the header fields (no
 * Content-Length: the transport writes it from {@code count}) and the body, which is either bytes
 * in memory or {@code count} bytes of an open file from {@code start} (sent by {@code sendfile}
 * when large). A HEAD answer has the length of the body it does not send. The transport calls
 * {@link #release()} once, after the last byte went out or the connection failed.
 */
public final class EarlyAnswer {
    private static final HttpField TEXT = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    private static final byte[] SERVER_ERROR = "server error".getBytes(StandardCharsets.UTF_8);

    private final int status;
    private final List<HttpField> fields;
    private final ByteBuffer bytes;
    private final OpenFiles files;
    private final OpenFiles.File file;
    private final long start;
    private final long count;
    private final boolean head;

    private EarlyAnswer(int status, List<HttpField> fields, ByteBuffer bytes, OpenFiles files, OpenFiles.File file, long start, long count,
            boolean head) {
        this.status = status;
        this.fields = List.copyOf(fields);
        this.bytes = bytes;
        this.files = files;
        this.file = file;
        this.start = start;
        this.count = count;
        this.head = head;
    }

    /** A short plain-text answer ({@code 404 not found}, {@code 500 server error}): the reason stays in the log. */
    static EarlyAnswer text(int status, byte[] body, boolean head) {
        return of(status, List.of(TEXT), ByteBuffer.wrap(body), head);
    }

    /** What a route that failed answers, on either transport (the failure is logged, never sent). */
    static EarlyAnswer serverError() {
        return text(HttpStatus.INTERNAL_SERVER_ERROR_500, SERVER_ERROR, false);
    }

    /** A body from memory ({@code body} from its position to its limit); with {@code head}, only its length is sent. */
    static EarlyAnswer of(int status, List<HttpField> fields, ByteBuffer body, boolean head) {
        return new EarlyAnswer(status, fields, body.slice(), null, null, 0, body.remaining(), head);
    }

    /**
     * {@code count} bytes of {@code file} from {@code start}; the answer takes over the caller's use
     * of {@code file} (released with the answer).
     */
    static EarlyAnswer ofFile(int status, List<HttpField> fields, OpenFiles files, OpenFiles.File file, long start, long count, boolean head) {
        ByteBuffer all = file.bytes();
        ByteBuffer inMemory = all == null ? null : all.position((int) start).limit((int) (start + count)).slice();
        return new EarlyAnswer(status, fields, inMemory, files, file, start, count, head);
    }

    int status() {
        return status;
    }

    List<HttpField> fields() {
        return fields;
    }

    /** The body's length (what Content-Length says, also for HEAD). */
    long count() {
        return count;
    }

    /** True when no body bytes are to be sent (HEAD, or an empty body). */
    boolean bodiless() {
        return head || count == 0;
    }

    /** The body in memory (a fresh view at position 0), or null when it is to be read from {@link #file()}. */
    ByteBuffer bytes() {
        return bytes == null ? null : bytes.duplicate();
    }

    OpenFiles files() {
        return files;
    }

    OpenFiles.File file() {
        return file;
    }

    long start() {
        return start;
    }

    /** Ends the answer's use of its file, if it has one. */
    void release() {
        if (file != null) {
            file.release();
        }
    }
}
