package dev.tsuzuku.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection that answers its {@link EarlyRoute}s' requests on the selector thread itself, the
 * way nginx's event loop does: it reads and parses (Jetty's {@link HttpParser}), asks the routes,
 * writes the status line and headers with the start of the body in one gathering write, and sends
 * the rest by {@code sendfile}; when the socket is full it waits for it through Jetty's selector,
 * never blocking a thread. Jetty's own connections hand every request to a pool thread, which
 * costs a thread wake-up and a second look at the socket per request; that is the gap between
 * Jetty and nginx on small media files (decision 0038).
 *
 * <p>It answers only plain requests: HTTP/1.1 GET or HEAD without a body, a path of letters,
 * digits and {@code ._/-} (no query), headers that fit its buffer. At the first request
 * that is anything else, or that no route answers, it hands the connection, with every byte of that
 * request and any after it, to Jetty's HTTP connection for good ({@link Connection.UpgradeFrom}),
 * so the player's page, the API and the studio see Jetty and Javalin as before.
 */
final class FastConnection extends AbstractConnection implements Connection.UpgradeFrom {
    private static final Logger LOG = LoggerFactory.getLogger(FastConnection.class);
    /** Answers sent on this path, and connections handed to Jetty (what the tests look at). */
    static final AtomicLong ANSWERED = new AtomicLong();

    static final AtomicLong HANDED_ON = new AtomicLong();

    /** A request whose line and headers do not fit is Jetty's (it answers 431). */
    private static final int REQUEST_BUFFER = 8 << 10;
    /** This much of a file body goes out with the headers (one packet, as nginx's tcp_nopush gives), the rest by sendfile; from the file's start, it is in memory ({@link OpenFiles.File#opening()}). */
    private static final int FIRST = OpenFiles.OPENING;

    private static final byte[] CRLF = {'\r', '\n'};

    private final List<EarlyRoute> routes;
    private final Connector connector;
    private final ConnectionFactory next;
    private final SocketChannelEndPoint endPoint;
    private final SocketChannel socket;
    private final ByteBuffer in = ByteBuffer.allocate(REQUEST_BUFFER).flip();
    /**
     * Per selector thread: where the status line and headers, and the start of a file body, are put
     * for the gathered write. Bytes the socket did not take are copied out before the thread moves
     * on, so a connection holds no buffer of its own but {@link #in}.
     */
    private static final ThreadLocal<ByteBuffer[]> OUT = ThreadLocal.withInitial(
            () -> new ByteBuffer[] {ByteBuffer.allocateDirect(2 << 10), ByteBuffer.allocateDirect(FIRST)});

    /** The status line and headers of the answer being sent. */
    private ByteBuffer head;
    private final Request request = new Request();
    private final HttpParser parser = new HttpParser(request, REQUEST_BUFFER);
    private final Callback readable = new Readable();
    /** Where the request being parsed starts in {@link #in}: handed on from there. */
    private int requestStart;
    /** True while {@link #onReadable} runs, so a response that completes inside it does not start another loop. */
    private boolean looping;

    private boolean completedInLoop;

    FastConnection(SocketChannelEndPoint endPoint, Connector connector, ConnectionFactory next, List<EarlyRoute> routes) {
        super(endPoint, connector.getExecutor());
        this.connector = connector;
        this.next = next;
        this.routes = routes;
        this.endPoint = endPoint;
        this.socket = endPoint.getChannel();
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().fillInterested(readable);
    }

    @Override
    public void onFillable() {
        onReadable();
    }

    /** The bytes not yet answered, from the start of the request being parsed, for Jetty's connection. */
    @Override
    public ByteBuffer onUpgradeFrom() {
        return in.hasRemaining() ? in : null;
    }

    /** Reads, parses and answers requests until the socket has no more or an answer waits for the socket. */
    private void onReadable() {
        looping = true;
        try {
            while (true) {
                if (in.hasRemaining()) {
                    parser.parseNext(in);
                    if (request.handOn) {
                        handOn();
                        return;
                    }
                    if (request.complete) {
                        completedInLoop = false;
                        answer();
                        if (!completedInLoop) {
                            return; // the answer waits for the socket; its completion reads on
                        }
                        if (!getEndPoint().isOpen()) {
                            return;
                        }
                        if (!in.hasRemaining()) {
                            awaitRequest();
                            return;
                        }
                        continue;
                    }
                }
                if (requestStart > 0) {
                    compact();
                }
                if (in.limit() == in.capacity()) {
                    handOn(); // a request this long is Jetty's to refuse
                    return;
                }
                int n = fill();
                if (n < 0) {
                    getEndPoint().close();
                    return;
                }
                if (n == 0) {
                    getEndPoint().fillInterested(readable);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("media connection failed", e);
            getEndPoint().close(e);
        } finally {
            looping = false;
        }
    }

    /**
     * Reads what the socket has after the buffered bytes. Not the endpoint's {@code fill}, which
     * moves an emptied buffer's position back to 0, losing a request the parser has already read
     * (needed when it is handed on); the endpoint is told the connection is not idle.
     */
    private int fill() throws IOException {
        int pos = in.position();
        in.position(in.limit()).limit(in.capacity());
        int n;
        try {
            n = socket.read(in);
        } finally {
            in.limit(in.position()).position(pos);
        }
        if (n > 0) {
            endPoint.notIdle();
        }
        return n;
    }

    /**
     * Waits for the next request without reading first: right after an answer the client has
     * rarely sent it yet, so a read would mostly find nothing (a wasted system call per request).
     */
    private void awaitRequest() {
        compact();
        getEndPoint().fillInterested(readable);
    }

    /** Moves the request being parsed to the start of the buffer. */
    private void compact() {
        int pos = in.position();
        in.position(requestStart);
        in.compact().flip();
        in.position(pos - requestStart);
        requestStart = 0;
    }

    /** Hands the connection to Jetty's HTTP connection with the request being parsed and what follows it. */
    private void handOn() {
        in.position(requestStart);
        HANDED_ON.incrementAndGet();
        getEndPoint().upgrade(next.newConnection(connector, getEndPoint()));
    }

    /** Answers the complete request, or hands the connection on when no route answers it. */
    private void answer() throws IOException {
        EarlyRequest early = new EarlyRequest(request.method, request.path, request.fields);
        EarlyAnswer answer = null;
        try {
            answer = SelectorThreads.answering(() -> EarlyRoute.first(routes, early));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {} failed: {}", request.method, request.path, e.toString(), e);
            answer = EarlyAnswer.serverError();
        }
        if (answer == null) {
            handOn();
            completedInLoop = false;
            return;
        }
        ANSWERED.incrementAndGet(); // before a byte goes out, so a client that has the answer sees it counted
        new Send(answer, request.close).iterate();
    }

    /** The next request starts where this one ended. */
    private void nextRequest(boolean close) {
        if (close) {
            getEndPoint().shutdownOutput();
            getEndPoint().close();
            completedInLoop = true;
            return;
        }
        parser.reset();
        request.reset();
        requestStart = in.position();
        if (looping) {
            completedInLoop = true;
        } else if (in.hasRemaining()) {
            onReadable(); // a pipelined request
        } else {
            awaitRequest();
        }
    }

    private void writeHead(EarlyAnswer answer, boolean close) {
        int size = 160;
        for (HttpField f : answer.fields()) {
            size += f.getName().length() + f.getValue().length() + 4;
        }
        ByteBuffer usual = OUT.get()[0];
        head = size <= usual.capacity() ? usual : ByteBuffer.allocate(size);
        head.clear();
        put("HTTP/1.1 " + answer.status() + " " + HttpStatus.getMessage(answer.status()));
        put(connector.getServer().getDateField()); // Jetty's, formatted once a second
        answer.fields().forEach(this::put);
        if (answer.status() != HttpStatus.NOT_MODIFIED_304) {
            put("Content-Length: " + answer.count());
        }
        if (close) {
            put("Connection: close");
        }
        head.put(CRLF).flip();
    }

    private void put(HttpField f) {
        if (f instanceof PreEncodedHttpField p) {
            p.putTo(head, HttpVersion.HTTP_1_1);
        } else {
            put(f.getName() + ": " + f.getValue());
        }
    }

    /** One header line (ASCII) and its CRLF. */
    private void put(String line) {
        for (int i = 0; i < line.length(); i++) {
            head.put((byte) line.charAt(i));
        }
        head.put(CRLF);
    }

    /**
     * Sends one answer: the headers and the start of the body in one write, then the rest of a file
     * by sendfile; when the socket is full, one byte is handed to Jetty's endpoint, which calls back
     * (on the selector, this being non-blocking) once the socket took it.
     */
    private final class Send extends IteratingCallback {
        private final EarlyAnswer answer;
        private final boolean close;
        private ByteBuffer[] pending;
        private OpenFiles.File file;
        private long pos;
        private long end;
        /** The start of the body is to be read into the thread's buffer before the first write. */
        private boolean readFirst;

        Send(EarlyAnswer answer, boolean close) {
            this.answer = answer;
            this.close = close;
            writeHead(answer, close);
            if (answer.bodiless()) {
                pending = new ByteBuffer[] {head};
                return;
            }
            ByteBuffer bytes = answer.bytes();
            if (bytes != null) {
                pending = new ByteBuffer[] {head, bytes};
                return;
            }
            file = answer.file();
            pos = answer.start();
            end = pos + answer.count();
            if (pos == 0) { // the file's opening is in memory: no read
                ByteBuffer opening = file.opening();
                opening.limit((int) Math.min(opening.limit(), end));
                pos = opening.remaining();
                pending = new ByteBuffer[] {head, opening};
            } else {
                pending = new ByteBuffer[] {head, OUT.get()[1]};
                readFirst = true;
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        @Override
        protected Action process() throws IOException {
            if (pending == null) {
                return sendFile();
            }
            if (readFirst) {
                readFirst = false;
                ByteBuffer first = pending[1];
                first.clear().limit((int) Math.min(FIRST, end - pos));
                readFully(first);
                first.flip();
                pos += first.remaining();
            }
            if (socket.write(pending) > 0) {
                endPoint.notIdle();
            }
            ByteBuffer[] left = pending;
            pending = null;
            boolean unsent = false;
            for (ByteBuffer b : left) {
                unsent |= b.hasRemaining();
            }
            if (unsent) {
                ByteBuffer[] threads = OUT.get();
                for (int i = 0; i < left.length; i++) {
                    if (left[i] == threads[0] || left[i] == threads[1]) {
                        left[i] = copy(left[i]); // the thread's buffers serve its next connection meanwhile
                    }
                }
                getEndPoint().write(this, left); // Jetty writes the rest when the socket takes it
                return Action.SCHEDULED;
            }
            return sendFile();
        }

        private static ByteBuffer copy(ByteBuffer b) {
            return ByteBuffer.allocate(b.remaining()).put(b).flip();
        }

        private Action sendFile() throws IOException {
            while (file != null && pos < end) {
                long sent;
                try {
                    sent = file.channel().transferTo(pos, end - pos, socket);
                } catch (ClosedChannelException e) {
                    reopen(e);
                    continue;
                }
                if (sent > 0) {
                    pos += sent;
                    endPoint.notIdle();
                    continue;
                }
                ByteBuffer one = ByteBuffer.allocate(1);
                readFully(one);
                one.flip();
                pos++;
                ZeroCopy.WAITS.incrementAndGet();
                getEndPoint().write(this, one);
                return Action.SCHEDULED;
            }
            return Action.SUCCEEDED;
        }

        private void readFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                int n;
                try {
                    n = file.channel().read(b, pos + b.position());
                } catch (ClosedChannelException e) {
                    reopen(e);
                    continue;
                }
                if (n < 0) {
                    throw new IOException(file + " became shorter while it was sent");
                }
            }
        }

        /** Another request's interrupt closed the shared channel: go on from the file opened again, if it is unchanged. */
        private void reopen(ClosedChannelException e) throws IOException {
            file = answer.files().reopenAfter(e, file, answer.file());
        }

        private void done() {
            if (file != null && file != answer.file()) {
                file.release();
            }
            answer.release();
        }

        @Override
        protected void onCompleteSuccess() {
            done();
            nextRequest(close);
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            done();
            LOG.debug("media answer failed", cause);
            getEndPoint().close(cause);
        }
    }

    /** What the parser saw of one request, and whether this connection may answer it. */
    private final class Request implements HttpParser.RequestHandler {
        String method;
        String path;
        final HttpFields.Mutable fields = HttpFields.build(12);
        boolean close;
        boolean complete;
        /** Not a request this connection answers: Jetty's. */
        boolean handOn;

        void reset() {
            method = null;
            path = null;
            fields.clear();
            close = false;
            complete = false;
            handOn = false;
        }

        @Override
        public void startRequest(String method, String uri, HttpVersion version) {
            this.method = method;
            this.path = uri;
            if (version != HttpVersion.HTTP_1_1 || !(method.equals("GET") || method.equals("HEAD")) || !plain(uri)) {
                handOn = true;
            }
        }

        /** A path this connection may take as it is: absolute, only {@code [A-Za-z0-9._/-]}, no dot segments or empty ones. */
        private boolean plain(String uri) {
            if (!uri.startsWith("/") || uri.contains("//") || uri.contains("/./") || uri.contains("/../") || uri.endsWith("/.") || uri.endsWith("/..")) {
                return false;
            }
            for (int i = 0; i < uri.length(); i++) {
                char c = uri.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '/' || c == '-')) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void parsedHeader(HttpField field) {
            HttpHeader h = field.getHeader();
            if (h == HttpHeader.CONTENT_LENGTH && field.getLongValue() != 0 || h == HttpHeader.TRANSFER_ENCODING || h == HttpHeader.EXPECT) {
                handOn = true; // a body, or a request for a 100 Continue: Jetty's
            } else if (h == HttpHeader.CONNECTION && field.contains(HttpHeaderValue.CLOSE.asString())) {
                close = true;
            }
            fields.add(field);
        }

        @Override
        public boolean headerComplete() {
            if (!fields.contains(HttpHeader.HOST)) {
                handOn = true; // HTTP/1.1 requires one; Jetty says 400
            }
            return handOn;
        }

        @Override
        public boolean content(ByteBuffer item) {
            return false;
        }

        @Override
        public boolean contentComplete() {
            return false;
        }

        @Override
        public boolean messageComplete() {
            complete = true;
            return true;
        }

        @Override
        public void earlyEOF() {
            handOn = true;
        }

        @Override
        public void badMessage(BadMessageException failure) {
            handOn = true; // Jetty parses it again and answers 400, 414 or 431 itself
        }
    }

    /** Called when the socket has bytes to read; the selector may run it on its own thread (it never blocks). */
    private final class Readable implements Callback {
        @Override
        public void succeeded() {
            onReadable();
        }

        @Override
        public void failed(Throwable x) {
            getEndPoint().close(x); // closed, or idle for longer than the timeout
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }
}
