package dev.tsuzuku.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpOutput;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Sends an {@link EarlyAnswer} through Jetty's handler chain (a connection that also carried
 * other requests, see {@link FastConnection}): small bodies with their headers in one write,
 * large ones by {@code sendfile} ({@link ZeroCopy}), and when the connection is not a plain socket,
 * in chunks read from the file, which is opened again if its shared channel was closed meanwhile.
 */
final class JettyAnswers {
    /** Read at most this much at a time when a body cannot go by sendfile. */
    private static final int CHUNK = 64 << 10;

    private JettyAnswers() {}

    /** Sends {@code answer} as the response to {@code request}, and releases it. */
    static void send(Request request, EarlyAnswer answer) throws IOException {
        try {
            Response response = request.getResponse();
            response.setStatus(answer.status());
            HttpFields.Mutable fields = response.getHttpFields();
            for (HttpField f : answer.fields()) {
                fields.put(f);
            }
            if (answer.status() == HttpStatus.NOT_MODIFIED_304) {
                return;
            }
            if (answer.bodiless()) {
                response.setContentLengthLong(answer.count());
                return;
            }
            ByteBuffer bytes = answer.bytes();
            if (bytes != null) {
                response.setContentLengthLong(answer.count());
                response.getHttpOutput().write(bytes); // with the headers, in one write
                return;
            }
            if (ZeroCopy.send(request, answer.files(), answer.file(), answer.start(), answer.count())) {
                return;
            }
            response.setContentLengthLong(answer.count());
            copy(response.getHttpOutput(), answer);
        } finally {
            answer.release();
        }
    }

    private static void copy(HttpOutput out, EarlyAnswer answer) throws IOException {
        OpenFiles.File file = answer.file();
        long pos = answer.start();
        long end = pos + answer.count();
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, answer.count()));
        try {
            while (pos < end) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), end - pos));
                try {
                    while (chunk.hasRemaining()) {
                        if (file.channel().read(chunk, pos + chunk.position()) < 0) {
                            throw new IOException(file + " became shorter while it was sent");
                        }
                    }
                } catch (ClosedChannelException e) {
                    file = answer.files().reopenAfter(e, file, answer.file()); // another request's interrupt closed the shared channel
                    continue;
                }
                out.write(chunk.flip());
                pos += chunk.limit();
            }
        } finally {
            if (file != answer.file()) {
                file.release();
            }
        }
    }
}
