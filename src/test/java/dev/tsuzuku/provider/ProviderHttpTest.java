package dev.tsuzuku.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared HTTP plumbing: transport failures, Retry-After, redirects, downloads. */
class ProviderHttpTest {
    static final String KEY = "sk-live-0a1b2c3d4e5f6a7b8c9d";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private ProviderHttp http;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server.start();
        http = new ProviderHttp("test", Duration.ofSeconds(5), Duration.ofSeconds(10), Secrets.of(KEY), Stubs.CLOCK);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void retry_after_as_seconds_or_http_date() {
        assertThat(ProviderHttp.parseRetryAfter("120", Stubs.CLOCK)).contains(Duration.ofMinutes(2));
        assertThat(ProviderHttp.parseRetryAfter("Wed, 10 Jun 2026 08:01:00 GMT", Stubs.CLOCK))
                .contains(Duration.ofMinutes(1));
        assertThat(ProviderHttp.parseRetryAfter("Wed, 10 Jun 2026 07:00:00 GMT", Stubs.CLOCK)).contains(Duration.ZERO);
        assertThat(ProviderHttp.parseRetryAfter("soon", Stubs.CLOCK)).isEqualTo(Optional.empty());
        assertThat(ProviderHttp.parseRetryAfter("-5", Stubs.CLOCK)).isEmpty();
    }

    @Test
    void a_slow_answer_is_a_retryable_timeout() {
        // the stub holds its answer far past this client's 1 s request timeout; no assert on elapsed time
        server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(20_000).withBody("late")));
        ProviderHttp impatient = new ProviderHttp("test", Duration.ofSeconds(5), Duration.ofSeconds(1), Secrets.of(KEY),
                Stubs.CLOCK);

        ProviderException e = Stubs.failure(() -> impatient.send(impatient.request(URI.create(server.baseUrl() + "/slow"))
                .header("Authorization", "Bearer " + KEY).GET().build()), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void a_closed_port_is_a_retryable_unreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/v1/x?token=" + KEY);

        ProviderException e = Stubs.failure(() -> http.send(http.request(closed).GET().build()), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void authenticated_calls_do_not_follow_redirects() {
        server.stubFor(get("/api").willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
        server.stubFor(get("/elsewhere").willReturn(aResponse().withBody("x")));

        ProviderHttp.Response r = http.send(http.request(URI.create(server.baseUrl() + "/api"))
                .header("Authorization", "Bearer " + KEY).GET().build());

        assertThat(r.status()).isEqualTo(302);
        server.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void downloads_follow_the_cdn_redirect_and_land_atomically() throws IOException {
        server.stubFor(get("/signed").willReturn(aResponse().withStatus(302).withHeader("Location", "/blob")));
        server.stubFor(get("/blob").willReturn(aResponse().withBody(Stubs.mp4())));
        Path target = dir.resolve("clips/a.mp4");

        http.download(URI.create(server.baseUrl() + "/signed"), target);

        assertThat(Files.readAllBytes(target)).isEqualTo(Stubs.mp4());
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void a_failed_download_leaves_no_file_and_no_temporary() throws IOException {
        server.stubFor(get("/boom").willReturn(aResponse().withStatus(503)));
        Path target = dir.resolve("b.mp4");

        ProviderException e = Stubs.failure(() -> http.download(URI.create(server.baseUrl() + "/boom"), target), KEY);

        assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void an_empty_download_is_a_failed_generation() {
        server.stubFor(get("/empty").willReturn(aResponse().withStatus(200)));

        assertThat(Stubs.failure(() -> http.download(URI.create(server.baseUrl() + "/empty"), dir.resolve("e.mp4")), KEY)
                .kind()).isEqualTo(FailureKind.GENERATION_FAILED);
    }

    @Test
    void messages_name_the_host_and_path_but_never_a_signed_query() {
        server.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/tos/x.mp4"))
                .willReturn(aResponse().withStatus(404)));

        ProviderException e = Stubs.failure(() -> http.download(URI.create(server.baseUrl()
                + "/tos/x.mp4?X-Tos-Signature=deadbeefcafe"), dir.resolve("x.mp4")), KEY, "deadbeefcafe");

        assertThat(e.getMessage()).contains("/tos/x.mp4");
    }

    @Test
    void adapters_normalise_their_base_url_key_and_model_the_same_way() {
        assertThat(ProviderHttp.baseUrl(URI.create("http://127.0.0.1:8080/api/v3/"))).hasToString("http://127.0.0.1:8080/api/v3");
        assertThat(ProviderHttp.baseUrl(URI.create("http://127.0.0.1:8080/v1"))).hasToString("http://127.0.0.1:8080/v1");
        assertThat(ProviderHttp.credential("  sk-pasted\n")).isEqualTo("sk-pasted");
        assertThat(ProviderHttp.credential(null)).isEmpty();
        assertThat(ProviderHttp.modelOr(" ", "fallback")).isEqualTo("fallback");
        assertThat(ProviderHttp.modelOr(null, "fallback")).isEqualTo("fallback");
        assertThat(ProviderHttp.modelOr("kling-2.6", "fallback")).isEqualTo("kling-2.6");
    }
}
