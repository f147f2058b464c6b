package dev.tsuzuku.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Sends a file's bytes with the kernel's {@code sendfile} ({@link FileChannel#transferTo} onto
 * the connection's socket), as nginx does: the page cache goes to the socket without being copied
 * through this process. Jetty 11 has no such path, so this one works beside it: Jetty writes the
 * status line and headers (the Content-Length is put in the header fields directly, so Jetty does
 * not expect to write the body itself), then the body goes straight onto the socket. When the
 * socket's buffer is full, one byte is written through Jetty's own endpoint, which waits for the
 * socket to take it (Jetty's selector, no polling), and {@code sendfile} resumes. A failure after
 * the headers went out aborts the connection: the client sees a short body, never wrong bytes.
 * The file's channel is shared with other requests ({@link OpenFiles}); when another thread's
 * interrupt closed it meanwhile, the rest is sent from the file opened again, if it is unchanged.
 */
final class ZeroCopy {
    /** Bodies sent this way (counted as they start), and the times a full socket was waited for (what the tests look at). */
    static final AtomicLong BODIES = new AtomicLong();

    static final AtomicLong WAITS = new AtomicLong();

    private ZeroCopy() {}

    /**
     * Sends {@code count} bytes of {@code file} from {@code start} as the body of the response
     * (status and headers already set); false when the connection is not a plain socket (then the
     * caller sends the bytes itself). The Content-Length must not be set yet.
     */
    static boolean send(Request request, OpenFiles files, OpenFiles.File file, long start, long count) throws IOException {
        HttpChannel http = request.getHttpChannel();
        if (!(http.getEndPoint() instanceof SocketChannelEndPoint endPoint)) {
            return false;
        }
        Response response = request.getResponse();
        if (response.isCommitted()) {
            return false;
        }
        response.getHttpFields().put(HttpHeader.CONTENT_LENGTH, Long.toString(count));
        BODIES.incrementAndGet(); // before a byte goes out, so a client that has the body sees it counted
        http.sendResponse(null, BufferUtil.EMPTY_BUFFER, false); // the headers, alone; Jetty counts no body of its own
        long idleMillis = Math.max(1_000, http.getIdleTimeout());
        OpenFiles.File current = file;
        try {
            SocketChannel socket = endPoint.getChannel();
            long pos = start;
            long end = start + count;
            while (pos < end) {
                long sent;
                try {
                    sent = current.channel().transferTo(pos, end - pos, socket);
                } catch (ClosedChannelException e) {
                    current = files.reopenAfter(e, current, file); // another request's interrupt closed the shared channel
                    continue;
                }
                if (sent > 0) {
                    pos += sent;
                    continue;
                }
                ByteBuffer one = ByteBuffer.allocate(1);
                if (current.channel().read(one, pos) != 1) {
                    throw new IOException(current + " became shorter while it was sent");
                }
                one.flip();
                WAITS.incrementAndGet();
                awaitWritten(endPoint, one, idleMillis);
                pos++;
            }
        } catch (IOException e) {
            http.abort(e);
        } finally {
            if (current != file) {
                current.release();
            }
        }
        return true;
    }

    /** Writes {@code bytes} through Jetty's endpoint and waits until the socket has taken them. */
    private static void awaitWritten(EndPoint endPoint, ByteBuffer bytes, long idleMillis) throws IOException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        endPoint.write(Callback.from(() -> done.complete(null), done::completeExceptionally), bytes);
        try {
            done.get(idleMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the client took nothing for " + idleMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }
}
