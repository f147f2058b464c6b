package dev.tsuzuku.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.serve.RouteModule;
import dev.tsuzuku.video.StandardWebhooks;
import dev.tsuzuku.workspace.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's studio on the embedded server: the JSON API under {@code /api} (documented in
 * {@code /api/openapi.json}), the dashboard pages under {@code /studio}, and the provider
 * callbacks under {@code /hooks}. Everything but the login, the API document, the studio's own
 * script and style and the (separately verified) callbacks needs a session; every state-changing
 * request also needs the session's CSRF token in {@value #CSRF_HEADER} and, when the browser
 * sends an Origin, this server's own (decision 0024).
 */
public final class StudioRoutes implements RouteModule {
    public static final String COOKIE = "tsuzuku_studio";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String OPENAPI_RESOURCE = "/dev/tsuzuku/studio/openapi.json";
    private static final Logger LOG = LoggerFactory.getLogger(StudioRoutes.class);
    private static final Set<HandlerType> CHANGING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final Set<String> PUBLIC = Set.of("/api/login", "/api/openapi.json", "/studio/login",
            "/studio/assets/studio.js", "/studio/assets/studio.css");
    private static final Set<String> MEDIA = Set.of("episode.mp4", "episode.vtt", "cover.jpg", "thumb.jpg");
    private static final String SESSION = "studio.session";

    private final Map<String, SeriesDesk> desks = new LinkedHashMap<>();
    private final StudioLogin login;
    private final Optional<String> newToken;
    private final Sessions sessions;
    private final CallbackAddresses callbacks;
    private final Optional<StandardWebhooks> klingWebhooks;
    private final TakeIntake intake;
    private final boolean secureCookie;
    private final ObjectMapper json = Json.mapper().copy()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Pages pages = new Pages();

    /**
     * @param klingWebhooks the Standard-Webhooks verifier for Kling's signing secret, when one is set:
     *                      then a Kling callback must carry a valid signature besides its signed address
     * @param secureCookie  mark the session cookie {@code Secure} (behind HTTPS)
     */
    public StudioRoutes(List<SeriesDesk> desks, StudioLogin.Opened login, Sessions sessions, TakeIntake intake,
            Optional<StandardWebhooks> klingWebhooks, boolean secureCookie) {
        for (SeriesDesk d : desks) {
            this.desks.putIfAbsent(d.id(), d); // the same series twice: the first folder serves it, as in the player
        }
        this.login = login.login();
        this.newToken = login.newToken();
        this.sessions = sessions;
        this.callbacks = new CallbackAddresses(login.login());
        this.intake = intake;
        this.klingWebhooks = klingWebhooks;
        this.secureCookie = secureCookie;
    }

    /** The addresses the take engine gives providers to call back. */
    public CallbackAddresses callbacks() {
        return callbacks;
    }

    /** The studio's address and, on first start, its login token: printed once, never stored in clear. */
    @Override
    public List<String> startupLines(String baseUrl) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("studio: " + baseUrl + "/studio");
        lines.add(newToken.map(t -> "studio login token (shown only now; or set " + StudioLogin.PASSWORD_ENV + "): " + t)
                .orElse("studio login: the password or token set before (" + StudioLogin.PASSWORD_ENV + " sets a new one)"));
        return lines;
    }

    /** Registers the studio's filters, API, pages and callbacks on {@code app}. */
    @Override
    public void register(Javalin app) {
        // only the studio's own paths: the player's public /api/catalogue shares the /api prefix
        for (String path : List.of("/api/login", "/api/logout", "/api/session", "/api/openapi.json", "/api/series", "/api/series/*",
                "/studio", "/studio/*")) {
            app.before(path, this::guard);
        }

        app.exception(BadInputException.class, (e, ctx) -> problem(ctx, 409, e.problems()));
        app.exception(SeriesDesk.Unavailable.class, (e, ctx) -> error(ctx, 501, e.getMessage(), null));
        app.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage(), null));
        app.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage(), null));

        app.post("/api/login", this::login);
        app.post("/api/logout", this::logout);
        app.get("/api/session", ctx -> send(ctx, 200, Map.of("csrfToken", session(ctx).csrf(),
                "created", session(ctx).created(), "expiresAt", session(ctx).created().plus(sessions.lifetime()))));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(resource(OPENAPI_RESOURCE)));
        app.get("/api/series", ctx -> send(ctx, 200, desks.values().stream().map(SeriesDesk::view).toList()));
        app.get("/api/series/{series}", ctx -> send(ctx, 200, desk(ctx).view()));
        app.get("/api/series/{series}/providers", ctx -> send(ctx, 200, desk(ctx).providers()));
        app.get("/api/series/{series}/episodes/{episode}", ctx -> send(ctx, 200, review(ctx)));
        app.post("/api/series/{series}/episodes/{episode}/approve",
                ctx -> send(ctx, 200, desk(ctx).approve(episode(ctx), "studio")));
        app.post("/api/series/{series}/episodes/{episode}/release",
                ctx -> send(ctx, 200, desk(ctx).release(episode(ctx), "studio")));
        app.post("/api/series/{series}/episodes/{episode}/shots/{shot}/regenerate", this::regenerate);
        app.get("/api/series/{series}/episodes/{episode}/regenerations",
                ctx -> send(ctx, 200, desk(ctx).regenerations(episode(ctx))));

        app.post("/hooks/{provider}/{take}/{signature}", this::callback);

        app.get("/studio", ctx -> ctx.html(pages.dashboard(desks.values().stream().map(SeriesDesk::view).toList(),
                session(ctx).csrf())));
        app.get("/studio/login", ctx -> ctx.html(pages.login()));
        app.get("/studio/series/{series}/episodes/{episode}", ctx -> {
            SeriesDesk desk = desk(ctx);
            ctx.html(pages.review(desk.view(), review(ctx), desk.providers(), session(ctx).csrf()));
        });
        app.get("/studio/media/{series}/{episode}/{file}", this::media);
        app.get("/studio/assets/studio.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .result(resource("/dev/tsuzuku/studio/studio.js")));
        app.get("/studio/assets/studio.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .result(resource("/dev/tsuzuku/studio/studio.css")));
    }

    // ---- the guard ------------------------------------------------------------------------------

    private void guard(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; media-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'");
        if (CHANGING.contains(ctx.method()) && !sameOrigin(ctx)) {
            refuse(ctx, 403, "cross-site request refused");
            return;
        }
        if (PUBLIC.contains(ctx.path())) {
            return;
        }
        Optional<Sessions.Session> s = sessions.touch(ctx.cookie(COOKIE));
        if (s.isEmpty()) {
            if (ctx.path().startsWith("/studio")) {
                ctx.status(401).html(pages.login());
                ctx.skipRemainingHandlers();
            } else {
                refuse(ctx, 401, "log in first: POST /api/login");
            }
            return;
        }
        if (CHANGING.contains(ctx.method()) && !s.get().csrfMatches(ctx.header(CSRF_HEADER))) {
            refuse(ctx, 403, "missing or wrong " + CSRF_HEADER + " header (GET /api/session gives the token)");
            return;
        }
        ctx.attribute(SESSION, s.get());
    }

    /** A browser's Origin, when sent, must be this server: no other site may post here. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true; // not a browser's cross-site request (those carry Origin on POST); the CSRF token still decides
        }
        String host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private void refuse(Context ctx, int status, String message) {
        error(ctx, status, message, null);
        ctx.skipRemainingHandlers();
    }

    private Sessions.Session session(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        if (s == null) {
            throw new IllegalStateException("no session on a guarded route");
        }
        return s;
    }

    // ---- handlers -------------------------------------------------------------------------------

    private void login(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            error(ctx, 415, "send the password as JSON: {\"password\": \"…\"}", null);
            return;
        }
        if (!sessions.loginOpen()) {
            error(ctx, 429, "too many failed logins; try again in a few minutes", null);
            return;
        }
        String password = body(ctx).path("password").asText(null);
        if (password == null || !login.check(password)) {
            sessions.loginFailed();
            LOG.warn("studio: a failed login from {}", ctx.ip());
            error(ctx, 401, "wrong password or token", null);
            return;
        }
        Sessions.Session s = sessions.start();
        ctx.header("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + sessions.lifetime().toSeconds() + (secureCookie ? "; Secure" : ""));
        send(ctx, 200, Map.of("csrfToken", s.csrf(), "expiresAt", s.created().plus(sessions.lifetime())));
    }

    private void logout(Context ctx) {
        sessions.end(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.status(204);
    }

    private SeriesDesk.EpisodeReview review(Context ctx) {
        int n = episode(ctx);
        return desk(ctx).review(n).orElseThrow(() -> new NotFound("no episode " + n + " in " + ctx.pathParam("series")));
    }

    private void regenerate(Context ctx) {
        SeriesDesk desk = desk(ctx);
        int shot = number(ctx.pathParam("shot"), "shot");
        String provider = body(ctx).path("provider").asText("");
        if (!desk.providers().contains(provider)) {
            throw new BadRequest("provider must be one of " + desk.providers() + ", was '" + provider + "'");
        }
        send(ctx, 202, desk.regenerate(episode(ctx), shot, provider));
    }

    private void callback(Context ctx) {
        String provider = ctx.pathParam("provider");
        String take = ctx.pathParam("take");
        if (!callbacks.verify(provider, take, ctx.pathParam("signature"))) {
            LOG.warn("studio: a {} callback with a wrong address signature was refused", provider.replaceAll("[^a-z]", ""));
            error(ctx, 401, "unknown callback address", null);
            return;
        }
        String body = ctx.body();
        if (provider.equals("kling") && klingWebhooks.isPresent() && !klingWebhooks.get().verify(
                ctx.header("webhook-id"), ctx.header("webhook-timestamp"), ctx.header("webhook-signature"), body)) {
            LOG.warn("studio: a kling callback with a wrong or stale webhook signature was refused");
            error(ctx, 401, "bad webhook signature", null);
            return;
        }
        intake.callback(provider, take, body);
        ctx.status(200).contentType("application/json").result("{}");
    }

    private void media(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        if (!MEDIA.contains(name)) {
            throw new NotFound("no such file");
        }
        Path file = desk(ctx).episodeFile(episode(ctx), name).orElseThrow(() -> new NotFound("not made yet"));
        String type = name.endsWith(".mp4") ? "video/mp4" : name.endsWith(".vtt") ? "text/vtt" : "image/jpeg";
        InputStream in = Files.newInputStream(file);
        ctx.writeSeekableStream(in, type, Files.size(file));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private SeriesDesk desk(Context ctx) {
        String id = ctx.pathParam("series");
        SeriesDesk d = desks.get(id);
        if (d == null) {
            throw new NotFound("no series '" + id + "' here");
        }
        return d;
    }

    private static int episode(Context ctx) {
        return number(ctx.pathParam("episode"), "episode");
    }

    private static int number(String text, String what) {
        if (!text.matches("[1-9][0-9]{0,5}")) {
            throw new BadRequest(what + " must be a number from 1, was '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode n = json.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not JSON");
        }
    }

    private void send(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private void error(Context ctx, int status, String message, String fix) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        if (fix != null) {
            body.put("fix", fix);
        }
        send(ctx, status, body);
    }

    private void problem(Context ctx, int status, List<Problem> problems) {
        Problem first = problems.get(0);
        error(ctx, status, problems.stream().map(Problem::message).reduce((a, b) -> a + "; " + b).orElse(""), first.fix());
    }

    static String resource(String name) {
        try (InputStream in = StudioRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answered with 404. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** Answered with 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
