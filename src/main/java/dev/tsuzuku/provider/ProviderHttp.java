package dev.tsuzuku.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The JDK HTTP client as every provider adapter uses it: one connect timeout, one request
 * timeout, no redirects on authenticated calls (a redirect must not carry our key to another
 * host), transport failures classified as {@link FailureKind#TIMEOUT} or
 * {@link FailureKind#UNREACHABLE}, and every message passed through {@link Secrets}.
 * Calls return as soon as the vendor answers; nothing here sleeps or retries: the job engine
 * owns backoff.
 */
public final class ProviderHttp {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** Biggest body we keep in memory for an API answer (images come back base64 in JSON). */
    private static final long MAX_DOWNLOAD_BYTES = 1L << 30;
    private static final int DETAIL_CHARS = 300;

    private final String provider;
    private final HttpClient api;
    private final HttpClient downloads;
    private final Duration requestTimeout;
    private final Secrets secrets;
    private final Clock clock;

    public ProviderHttp(String provider, Duration connectTimeout, Duration requestTimeout, Secrets secrets, Clock clock) {
        this.provider = provider;
        this.requestTimeout = requestTimeout;
        this.secrets = secrets;
        this.clock = clock;
        this.api = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // output URLs are pre-signed CDN links that may redirect; no credential is ever sent on them
        this.downloads = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public String provider() {
        return provider;
    }

    public Secrets secrets() {
        return secrets;
    }

    public Clock clock() {
        return clock;
    }

    /** A request builder for {@code uri} with this adapter's request timeout. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    /** A vendor base URL without its trailing slash, so paths can be appended as {@code base + "/path"}. */
    public static URI baseUrl(URI uri) {
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** A credential as sent: stripped of the whitespace a pasted key carries, never null. */
    public static String credential(String key) {
        return key == null ? "" : key.strip();
    }

    /** The model asked for, or the adapter's default when none is given. */
    public static String modelOr(String model, String fallback) {
        return model == null || model.isBlank() ? fallback : model;
    }

    public static HttpRequest.BodyPublisher jsonBody(JsonNode body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Sends the request and returns whatever status came back; only transport failures throw. */
    public Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = api.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (HttpConnectTimeoutException e) {
            throw transport(FailureKind.TIMEOUT, "no connection to " + where(request.uri()) + " within the timeout", e);
        } catch (HttpTimeoutException e) {
            throw transport(FailureKind.TIMEOUT, "no answer from " + where(request.uri()) + " within "
                    + request.timeout().map(Duration::toString).orElse("the timeout"), e);
        } catch (ConnectException e) {
            throw transport(FailureKind.UNREACHABLE, "cannot connect to " + where(request.uri()), e);
        } catch (IOException e) {
            throw transport(FailureKind.UNREACHABLE, "connection to " + where(request.uri()) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transport(FailureKind.UNREACHABLE, "interrupted while calling " + where(request.uri()), e);
        }
    }

    /**
     * Streams an output file (a pre-signed URL, sent without any credential) to {@code target},
     * through a temporary sibling moved into place at the end, so a crash never leaves half a
     * clip under the final name. 403/404/410 mean the signed link has expired.
     */
    public Path download(URI url, Path target) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
            HttpResponse<InputStream> r = downloads.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    FailureKind kind = switch (r.statusCode()) {
                        case 403, 404, 410 -> FailureKind.EXPIRED;
                        case 429 -> FailureKind.RATE_LIMITED;
                        default -> r.statusCode() >= 500 ? FailureKind.SERVER_ERROR : FailureKind.INVALID_REQUEST;
                    };
                    throw failure(kind, r.statusCode(), "", "download of " + where(url) + " failed", null, null);
                }
                long n = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                if (n == 0 || n > MAX_DOWNLOAD_BYTES) {
                    throw failure(FailureKind.GENERATION_FAILED, 200, "", "download of " + where(url)
                            + " gave " + n + " bytes", null, null);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (HttpTimeoutException e) {
            throw transport(FailureKind.TIMEOUT, "download of " + where(url) + " timed out", e);
        } catch (IOException e) {
            throw transport(FailureKind.UNREACHABLE, "download of " + where(url) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transport(FailureKind.UNREACHABLE, "interrupted while downloading " + where(url), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the next download replaces it
            }
        }
    }

    /** Fetches a small file (a reference image given by URL) into memory, without credentials. */
    public byte[] fetch(URI url) {
        try {
            HttpResponse<byte[]> r = downloads.send(HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw failure(r.statusCode() == 403 || r.statusCode() == 404 || r.statusCode() == 410
                        ? FailureKind.EXPIRED : r.statusCode() >= 500 ? FailureKind.SERVER_ERROR : FailureKind.INVALID_REQUEST,
                        r.statusCode(), "", "fetch of " + where(url) + " failed", null, null);
            }
            return r.body();
        } catch (HttpTimeoutException e) {
            throw transport(FailureKind.TIMEOUT, "fetch of " + where(url) + " timed out", e);
        } catch (IOException e) {
            throw transport(FailureKind.UNREACHABLE, "fetch of " + where(url) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transport(FailureKind.UNREACHABLE, "interrupted while fetching " + where(url), e);
        }
    }

    /** A classified failure with a redacted message. */
    public ProviderException failure(FailureKind kind, int status, String code, String message, Duration retryAfter,
            Throwable cause) {
        return new ProviderException(provider,
                new ProviderFailure(kind, status, secrets.redact(code), secrets.redact(clip(message))), retryAfter,
                cause == null ? null : new RedactedCause(cause, secrets));
    }

    private ProviderException transport(FailureKind kind, String message, Throwable cause) {
        return failure(kind, 0, "", message, null, cause);
    }

    /** Scheme, host, port and path: never the query, which may hold a signature. */
    public static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= DETAIL_CHARS ? one : one.substring(0, DETAIL_CHARS) + "…";
    }

    /** An HTTP answer, body in memory. */
    public final class Response {
        private final int status;
        private final HttpHeaders headers;
        private final byte[] body;

        Response(int status, HttpHeaders headers, byte[] body) {
            this.status = status;
            this.headers = headers;
            this.body = body == null ? new byte[0] : body;
        }

        public int status() {
            return status;
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public byte[] bytes() {
            return body;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The body as JSON, or a missing node when it is not JSON (an HTML error page, say). */
        public JsonNode json() {
            try {
                JsonNode n = JSON.readTree(body);
                return n == null ? MissingNode.getInstance() : n;
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        /** The body as JSON; a body that is not JSON is a server fault. */
        public JsonNode requireJson() {
            JsonNode n = json();
            if (!n.isObject() && !n.isArray()) {
                throw failure(FailureKind.SERVER_ERROR, status, "", "answer is not JSON: " + text(), null, null);
            }
            return n;
        }

        /** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); absent or unreadable → empty. */
        public Optional<Duration> retryAfter() {
            return headers.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, clock));
        }
    }

    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** Keeps the cause's type and stack for TSUZUKU_DEBUG, with its message scrubbed. */
    static final class RedactedCause extends Exception {
        RedactedCause(Throwable cause, Secrets secrets) {
            super(cause.getClass().getName() + ": " + secrets.redact(String.valueOf(cause.getMessage())));
            setStackTrace(cause.getStackTrace());
        }
    }
}
