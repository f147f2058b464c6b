package dev.tsuzuku.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: what the media tests use to control
 * which requests share a connection, to pipeline them, or to read through a tiny receive buffer.
 */
final class RawHttp implements AutoCloseable {
    /** One response: the status line and headers (lower case, status line as sent) and the body. */
    record Response(String head, byte[] body) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        /** The header's value, or null. */
        String header(String name) {
            Matcher m = Pattern.compile("\r\n" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + ": ([^\r]*)").matcher(head);
            return m.find() ? m.group(1) : null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket = new Socket();
    private final OutputStream out;
    private final InputStream in;

    RawHttp(int port) throws IOException {
        this(port, 0);
    }

    /** {@code receiveBuffer} > 0: that small a socket receive buffer, so the sender finds the socket full. */
    RawHttp(int port, int receiveBuffer) throws IOException {
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout(20_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** A GET or HEAD request's bytes, with the given header lines ({@code "Range: bytes=0-9"}). */
    static byte[] request(String method, String path, String... headers) {
        StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    RawHttp write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends one request and reads its response. */
    Response exchange(String method, String path, String... headers) throws IOException {
        write(request(method, path, headers));
        return read(method.equals("HEAD"));
    }

    /** Reads one response (with a Content-Length, or none for a HEAD or 304). */
    Response read(boolean head) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed inside the headers: " + bytes);
            }
            bytes.write(b);
        }
        String text = bytes.toString(StandardCharsets.US_ASCII);
        String lower = text.substring(0, 12) + text.substring(12).toLowerCase(Locale.ROOT);
        Response r = new Response(lower, new byte[0]);
        if (head || r.status() == 304) {
            return r;
        }
        String length = r.header("content-length");
        assertThat(length).as("a Content-Length in " + text).isNotNull();
        return new Response(lower, in.readNBytes(Integer.parseInt(length)));
    }

    /** True when the server closed the connection (the next read sees its end). */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
