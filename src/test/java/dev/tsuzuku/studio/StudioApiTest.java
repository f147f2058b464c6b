package dev.tsuzuku.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tsuzuku.video.StandardWebhooks;
import dev.tsuzuku.workspace.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's API over real HTTP on a free port: login, sessions, CSRF, the actions and the callbacks. */
class StudioApiTest {
    @TempDir
    Path dir;

    private StudioFixture f;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        f = new StudioFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    record Login(String cookie, String csrf) {}

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path, Login login) {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri(path)).GET();
        return login == null ? b : b.header("Cookie", login.cookie());
    }

    private HttpRequest.Builder post(String path, Login login, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (login != null) {
            b.header("Cookie", login.cookie()).header(StudioRoutes.CSRF_HEADER, login.csrf());
        }
        return b;
    }

    private Login login() throws Exception {
        HttpResponse<String> r = send(post("/api/login", null, "{\"password\":\"" + StudioFixture.PASSWORD + "\"}"));
        assertThat(r.statusCode()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").startsWith(StudioRoutes.COOKIE + "=");
        return new Login(setCookie.substring(0, setCookie.indexOf(';')), json(r).get("csrfToken").asText());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.parse(Path.of("response"), r.body(), JsonNode.class, "");
    }

    private String status(int episode) {
        return f.desk.view().episodes().get(episode - 1).status();
    }

    @Test
    void without_a_session_every_api_route_and_page_is_401_and_nothing_changes() throws Exception {
        assertThat(send(get("/api/series", null)).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/series/tales/episodes/1", null)).statusCode()).isEqualTo(401);
        HttpResponse<String> approve = send(post("/api/series/tales/episodes/1/approve", null, "{}"));
        assertThat(approve.statusCode()).isEqualTo(401);
        assertThat(json(approve).get("error").asText()).contains("log in");
        HttpResponse<String> page = send(get("/studio", null));
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("id=\"login\"").doesNotContain("The Turtle");
        assertThat(send(get("/studio/media/tales/1/episode.mp4", null)).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/series/tales", null)).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/series/tales/providers", null)).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/session", null)).statusCode()).isEqualTo(401);
        assertThat(send(post("/api/series/tales/episodes/1/release", null, "{}")).statusCode()).isEqualTo(401);
        assertThat(send(post("/api/series/tales/episodes/1/shots/1/regenerate", null, "{\"provider\":\"animatic\"}")).statusCode())
                .isEqualTo(401);
        assertThat(send(post("/api/logout", null, "{}")).statusCode()).isEqualTo(401);
        // a made-up cookie is no session
        assertThat(send(get("/api/series", new Login(StudioRoutes.COOKIE + "=guessed", "x"))).statusCode()).isEqualTo(401);
        assertThat(status(1)).isEqualTo("produced");
    }

    @Test
    void a_wrong_password_is_401_and_the_right_one_gives_a_session_that_reads_the_state_database() throws Exception {
        assertThat(send(post("/api/login", null, "{\"password\":\"wrong horse battery staple\"}")).statusCode()).isEqualTo(401);
        assertThat(send(post("/api/login", null, "{}")).statusCode()).isEqualTo(401);
        Login login = login();
        HttpResponse<String> series = send(get("/api/series", login));
        assertThat(series.statusCode()).isEqualTo(200);
        JsonNode tales = json(series).get(0);
        assertThat(tales.get("id").asText()).isEqualTo("tales");
        assertThat(tales.get("episodes")).extracting(e -> e.get("status").asText()).containsExactly("produced", "produced", "planned");
        assertThat(tales.get("episodes").get(0).get("stages")).extracting(s -> s.get("name").asText() + "=" + s.get("done").asBoolean())
                .containsExactly("plan=true", "write=true", "board=true", "produce=true", "approve=false", "release=false");
        JsonNode review = json(send(get("/api/series/tales/episodes/1", login)));
        assertThat(review.get("hook").asText()).isEqualTo("Why would a turtle weep <for> a fisherman?");
        assertThat(review.get("script").asText()).contains("Who hurt you, little one?");
        assertThat(review.get("animatic").asBoolean()).isTrue();
        assertThat(review.get("shots")).extracting(x -> x.get("index").asInt() + " " + x.get("kind").asText() + " " + x.get("seconds").asDouble())
                .containsExactly("1 cold_open 3.0", "2 hook 2.0");
        assertThat(review.get("episode").get("cost").get("estimated").isNull()).isTrue();
        assertThat(send(get("/api/series/nope", login)).statusCode()).isEqualTo(404);
        assertThat(send(get("/api/series/tales/episodes/9", login)).statusCode()).isEqualTo(404);
        assertThat(send(get("/api/series/tales/episodes/x", login)).statusCode()).isEqualTo(400);
    }

    @Test
    void login_takes_json_only_and_locks_after_repeated_failures() throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(f.uri("/api/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + StudioFixture.PASSWORD)));
        assertThat(form.statusCode()).isEqualTo(415);
        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            assertThat(send(post("/api/login", null, "{\"password\":\"guess " + i + "\"}")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = send(post("/api/login", null, "{\"password\":\"" + StudioFixture.PASSWORD + "\"}"));
        assertThat(locked.statusCode()).isEqualTo(429);
        f.clock.advance(Sessions.LOCKOUT.plusSeconds(1));
        login();
    }

    @Test
    void a_state_change_without_the_csrf_token_or_from_another_origin_is_403_and_changes_nothing() throws Exception {
        Login login = login();
        HttpRequest.Builder noToken = HttpRequest.newBuilder(f.uri("/api/series/tales/episodes/1/approve"))
                .header("Content-Type", "application/json").header("Cookie", login.cookie()).POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(send(noToken).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(f.uri("/api/series/tales/episodes/1/approve"))
                .header("Content-Type", "application/json").header("Cookie", login.cookie())
                .header(StudioRoutes.CSRF_HEADER, login.csrf() + "x").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(json(wrong).get("error").asText()).contains(StudioRoutes.CSRF_HEADER);
        HttpResponse<String> foreign = send(post("/api/series/tales/episodes/1/approve", login, "{}").header("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(status(1)).isEqualTo("produced");
        // the token of another session does not do either
        Login other = login();
        assertThat(send(post("/api/series/tales/episodes/1/approve", new Login(login.cookie(), other.csrf()), "{}")).statusCode()).isEqualTo(403);
        assertThat(status(1)).isEqualTo("produced");

        HttpResponse<String> ok = send(post("/api/series/tales/episodes/1/approve", login, "{}").header("Origin", f.origin()));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("status").asText()).isEqualTo("approved");
        assertThat(json(ok).get("approvedBy").asText()).isEqualTo("studio");
        assertThat(json(ok).get("approvedAt").asText()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(status(1)).isEqualTo("approved");
    }

    @Test
    void approve_then_release_through_the_api_moves_the_episode_in_the_state_database_and_a_refusal_is_409() throws Exception {
        Login login = login();
        HttpResponse<String> early = send(post("/api/series/tales/episodes/2/release", login, "{}"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).get("fix").asText()).isNotBlank();
        assertThat(send(post("/api/series/tales/episodes/3/approve", login, "{}")).statusCode()).isEqualTo(409);
        assertThat(send(post("/api/series/tales/episodes/2/approve", login, "{}")).statusCode()).isEqualTo(200);
        HttpResponse<String> outOfOrder = send(post("/api/series/tales/episodes/2/release", login, "{}"));
        assertThat(outOfOrder.statusCode()).as("episode 1 is not out yet").isEqualTo(409);
        assertThat(json(outOfOrder).get("error").asText()).contains("1");
        assertThat(status(2)).isEqualTo("approved");
        assertThat(send(post("/api/series/tales/episodes/1/approve", login, "{}")).statusCode()).isEqualTo(200);
        assertThat(send(post("/api/series/tales/episodes/1/release", login, "{}")).statusCode()).isEqualTo(200);
        HttpResponse<String> released = send(post("/api/series/tales/episodes/2/release", login, "{}"));
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(json(released).get("status").asText()).isEqualTo("released");
        assertThat(status(1)).isEqualTo("released");
        assertThat(status(2)).isEqualTo("released");
        JsonNode calendar = json(send(get("/api/series/tales", login))).get("calendar");
        assertThat(calendar).extracting(d -> d.get("episode").asInt() + " " + d.get("released").asBoolean()).containsExactly(
                "1 true", "2 true", "3 false");

        assertThat(json(send(get("/api/series/tales/providers", login)))).extracting(JsonNode::asText).containsExactly("animatic");
        HttpResponse<String> unknown = send(post("/api/series/tales/episodes/1/shots/1/regenerate", login, "{\"provider\":\"kling\"}"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        HttpResponse<String> regenerate = send(post("/api/series/tales/episodes/1/shots/1/regenerate", login, "{\"provider\":\"animatic\"}"));
        assertThat(regenerate.statusCode()).isEqualTo(501);
        assertThat(json(regenerate).get("error").asText()).contains("take engine");
    }

    @Test
    void a_session_expires_when_idle_and_at_the_end_of_its_lifetime_and_ends_at_logout() throws Exception {
        Login login = login();
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(send(get("/api/session", login)).statusCode()).isEqualTo(200);
        f.clock.advance(Duration.ofMinutes(29)); // 29 minutes since the last request: still alive
        assertThat(send(get("/api/series", login)).statusCode()).isEqualTo(200);
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(send(get("/api/series", login)).statusCode()).isEqualTo(401);

        Login busy = login();
        for (int i = 0; i < 20; i++) { // a request every 25 minutes keeps it alive, but not past 8 hours
            f.clock.advance(Duration.ofMinutes(25));
            assertThat(send(get("/api/series", busy)).statusCode()).isEqualTo(i < 19 ? 200 : 401);
        }

        Login leaving = login();
        assertThat(send(post("/api/logout", leaving, "{}")).statusCode()).isEqualTo(204);
        assertThat(send(get("/api/series", leaving)).statusCode()).isEqualTo(401);
    }

    @Test
    void media_behind_the_login_is_served_with_ranges_and_nothing_else_of_the_workspace_is() throws Exception {
        Login login = login();
        HttpResponse<String> range = send(get("/studio/media/tales/1/episode.mp4", login).header("Range", "bytes=4-7"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("ftyp");
        assertThat(send(get("/studio/media/tales/1/script.json", login)).statusCode()).isEqualTo(404);
        assertThat(send(get("/studio/media/tales/1/..%2F..%2Fseries.yaml", login)).statusCode()).isEqualTo(404);
        assertThat(send(get("/studio/media/tales/3/episode.mp4", login)).statusCode()).isEqualTo(404);
    }

    @Test
    void provider_callbacks_reach_the_take_engine_only_when_their_address_and_signature_verify() throws Exception {
        CallbackAddresses addresses = f.studio.callbacks();
        String seedance = addresses.path("seedance", "take-7");
        String body = "{\"id\":\"cgt-1\",\"status\":\"succeeded\"}";
        assertThat(send(post(seedance, null, body)).statusCode()).isEqualTo(200);
        assertThat(send(post("/hooks/seedance/take-8/" + seedance.substring(seedance.lastIndexOf('/') + 1), null, body)).statusCode())
                .isEqualTo(401);
        assertThat(send(post("/hooks/seedance/take-7/AAAA", null, body)).statusCode()).isEqualTo(401);
        assertThat(send(post(seedance.replace("/seedance/", "/runway/"), null, body)).statusCode()).isEqualTo(401);

        String kling = addresses.path("kling", "take-9");
        String klingBody = "{\"id\":\"1234567890\",\"status\":\"succeeded\"}";
        assertThat(send(post(kling, null, klingBody)).statusCode()).as("no webhook signature").isEqualTo(401);
        StandardWebhooks signer = new StandardWebhooks(StudioFixture.KLING_SECRET, f.clock);
        long now = f.clock.instant().getEpochSecond();
        HttpRequest.Builder signed = post(kling, null, klingBody).header("webhook-id", "msg-1")
                .header("webhook-timestamp", Long.toString(now)).header("webhook-signature", signer.sign("msg-1", now, klingBody));
        assertThat(send(signed).statusCode()).isEqualTo(200);
        HttpRequest.Builder tampered = post(kling, null, klingBody.replace("succeeded", "failed")).header("webhook-id", "msg-1")
                .header("webhook-timestamp", Long.toString(now)).header("webhook-signature", signer.sign("msg-1", now, klingBody));
        assertThat(send(tampered).statusCode()).isEqualTo(401);
        long stale = now - 600;
        assertThat(send(post(kling, null, klingBody).header("webhook-id", "msg-2").header("webhook-timestamp", Long.toString(stale))
                .header("webhook-signature", signer.sign("msg-2", stale, klingBody))).statusCode()).isEqualTo(401);

        assertThat(f.callbacks).containsExactly("seedance take-7 " + body, "kling take-9 " + klingBody);
    }

    @Test
    void the_openapi_document_is_public_and_everything_else_under_api_is_not() throws Exception {
        HttpResponse<String> doc = send(get("/api/openapi.json", null));
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(json(doc).get("openapi").asText()).startsWith("3.");
        Map<String, String> headers = Map.of("Cache-Control", "no-store", "X-Frame-Options", "DENY");
        HttpResponse<String> page = send(get("/studio/login", null));
        headers.forEach((k, v) -> assertThat(page.headers().firstValue(k)).hasValue(v));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
    }
}
