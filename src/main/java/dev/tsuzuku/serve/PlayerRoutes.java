package dev.tsuzuku.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The viewer's side: the player app under {@code /watch/}, the catalogue of released episodes at
 * {@code /api/catalogue}, and their media under {@code /media/SERIES/EPISODE/EDITION/FILE}. A media
 * URL is answered only for a released episode of a served series, the current edition and a file
 * name on a fixed list: anything else is 404, so no URL reaches an unreleased episode or any other
 * file of the workspace.
 */
public final class PlayerRoutes implements RouteModule {
    /** Content-addressed media: the URL changes when the bytes do. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Playlists and the catalogue: a new release shows within seconds. */
    static final String SHORT = "public, max-age=5";
    static final String NO_CACHE = "no-cache";

    /** The HLS ladder's rungs, by height (see the hls produce step). */
    public static final List<String> RUNGS = List.of("1080", "720", "480");

    private static final Pattern MEDIA_FILE = Pattern.compile(
            "episode\\.mp4|episode\\.vtt|cover\\.jpg|thumb\\.jpg|hls/master\\.m3u8|hls/(1080|720|480)/(index\\.m3u8|init(_\\d)?\\.mp4|seg_\\d{1,6}\\.m4s)");
    private static final String MEDIA = "/media/";
    private static final int TAG_LENGTH = 16;
    private static final HttpField PLAYLIST = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type("index.m3u8"));
    private static final Map<String, HttpField> CONTENT_TYPES = Map.of(
            ".mp4", new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type("episode.mp4")),
            ".m4s", new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type("seg_00001.m4s")),
            ".vtt", new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type("episode.vtt")),
            ".jpg", new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type("cover.jpg")));
    private static final HttpField IMMUTABLE_CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, IMMUTABLE);
    private static final HttpField SHORT_CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, SHORT);
    private static final byte[] NOT_FOUND = "not found".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String ASSETS = "/dev/tsuzuku/serve/player/";
    private static final String HLS_JS = "/META-INF/resources/webjars/hls.js/1.4.12/";
    /** What /watch/NAME may answer, and from where in the jar. */
    private static final Map<String, String[]> PLAYER_FILES = Map.of(
            "", new String[] {ASSETS + "index.html", "text/html; charset=utf-8"},
            "player.js", new String[] {ASSETS + "player.js", "text/javascript; charset=utf-8"},
            "player.css", new String[] {ASSETS + "player.css", "text/css; charset=utf-8"},
            "hls.min.js", new String[] {HLS_JS + "dist/hls.min.js", "text/javascript; charset=utf-8"},
            "hls.js.LICENSE.txt", new String[] {HLS_JS + "LICENSE", "text/plain; charset=utf-8"});

    private final Library library;
    private final NextDrop nextDrop;
    private final Clock clock;
    private final Editions editions;
    private final OpenFiles files = new OpenFiles(OpenFiles.CAPACITY);
    /** The catalogue as last rendered and when: rendered at most once a second. */
    private volatile Object[] catalogue = {Long.MIN_VALUE, null};
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, byte[]> assets = new java.util.concurrent.ConcurrentHashMap<>();

    public PlayerRoutes(Library library, NextDrop nextDrop, Clock clock) {
        this.library = library;
        this.nextDrop = nextDrop;
        this.clock = clock;
        this.editions = new Editions(clock, library::recordedHash);
    }

    @Override
    public void register(Javalin app) {
        app.get("/", ctx -> ctx.redirect("/watch/"));
        app.get("/watch/", ctx -> asset(ctx, ""));
        app.get("/watch/{name}", ctx -> asset(ctx, ctx.pathParam("name")));
        app.get("/api/catalogue", this::catalogue);
    }

    @Override
    public Optional<EarlyRoute> early() {
        return Optional.of(this::media);
    }

    @Override
    public List<String> startupLines(String baseUrl) {
        return List.of("player: " + baseUrl + "/watch/");
    }

    private void asset(Context ctx, String name) throws IOException {
        String[] where = PLAYER_FILES.get(name);
        if (where == null) {
            throw new NotFoundResponse();
        }
        byte[] bytes = assets.get(name);
        if (bytes == null) {
            try (InputStream in = PlayerRoutes.class.getResourceAsStream(where[0])) {
                if (in == null) {
                    throw new IllegalStateException("the player's " + where[0] + " is missing from the jar");
                }
                bytes = in.readAllBytes();
            }
            assets.put(name, bytes);
        }
        ctx.header("Cache-Control", name.isEmpty() ? NO_CACHE : "public, max-age=300");
        ctx.contentType(where[1]).result(bytes);
    }

    /** The served series and their released episodes, with media URLs and the next drop. */
    private void catalogue(Context ctx) throws IOException {
        Object[] last = catalogue;
        long millis = clock.millis();
        long age = millis - (long) last[0];
        byte[] body = age >= 0 && age < 1_000 ? (byte[]) last[1] : null;
        if (body == null) {
            body = renderCatalogue();
            catalogue = new Object[] {millis, body};
        }
        ctx.header("Cache-Control", SHORT);
        ctx.contentType("application/json; charset=utf-8").result(body);
    }

    private byte[] renderCatalogue() throws IOException {
        Instant now = clock.instant();
        List<Object> series = new ArrayList<>();
        for (Library.Series s : library.series()) {
            List<Object> episodes = new ArrayList<>();
            for (Library.Episode e : library.released(s.id())) {
                if (!Files.isRegularFile(e.dir().resolve("episode.mp4"))) {
                    continue; // released but its files are gone: nothing to play
                }
                episodes.add(episode(s, e));
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", s.id());
            one.put("title", s.title());
            one.put("language", s.language());
            one.put("episodes", episodes);
            one.put("nextDrop", nextDrop.after(s.id(), now).map(Instant::toString).orElse(null));
            series.add(one);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", now.toString());
        body.put("series", series);
        return json.writeValueAsBytes(body);
    }

    private Map<String, Object> episode(Library.Series s, Library.Episode e) {
        Path dir = e.dir();
        String base = "/media/" + s.id() + "/" + e.number() + "/" + editions.tag(dir) + "/";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", e.number());
        m.put("title", e.title());
        JsonNode manifest = manifest(dir);
        m.put("seconds", manifest.path("durationSeconds").asDouble(0));
        m.put("hook", manifest.path("hook").path("text").asText(""));
        JsonNode firstShot = manifest.path("shots").path(0);
        m.put("coldOpenSeconds", firstShot.path("seconds").asDouble(0));
        m.put("mp4", base + "episode.mp4");
        m.put("hls", Files.isRegularFile(dir.resolve("hls/master.m3u8")) ? base + "hls/master.m3u8" : null);
        m.put("vtt", Files.isRegularFile(dir.resolve("episode.vtt")) ? base + "episode.vtt" : null);
        m.put("poster", Files.isRegularFile(dir.resolve("cover.jpg")) ? base + "cover.jpg" : null);
        m.put("thumb", Files.isRegularFile(dir.resolve("thumb.jpg")) ? base + "thumb.jpg" : null);
        return m;
    }

    private JsonNode manifest(Path dir) {
        try {
            return json.readTree(dir.resolve("manifest.json").toFile());
        } catch (IOException | RuntimeException e) {
            return json.createObjectNode();
        }
    }

    /**
     * {@code /media/SERIES/EPISODE/EDITION/FILE} (GET and HEAD), answered ahead of Javalin
     * ({@link EarlyRoute}): every answer, 404 included, is given here.
     */
    private EarlyAnswer media(EarlyRequest request) throws IOException {
        String path = request.path();
        if (!path.startsWith(MEDIA)) {
            return null;
        }
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return null; // Javalin has no such route: its 404
        }
        int series = MEDIA.length();
        int number = path.indexOf('/', series) + 1;
        int tag = number == 0 ? 0 : path.indexOf('/', number) + 1;
        int file = tag == 0 ? 0 : path.indexOf('/', tag) + 1;
        if (file == 0 || number == series + 1 || file - tag != TAG_LENGTH + 1 || !digits(path, number, tag - 1)
                || !lowerHex(path, tag, file - 1)) {
            return notFound(request);
        }
        String name = path.substring(file);
        if (!MEDIA_FILE.matcher(name).matches()) {
            return notFound(request);
        }
        Optional<Library.Episode> episode = library.released(path.substring(series, number - 1),
                Integer.parseInt(path, number, tag - 1, 10));
        if (episode.isEmpty()) {
            return notFound(request);
        }
        Path dir = episode.get().dir();
        if (!path.regionMatches(tag, editions.tag(dir), 0, TAG_LENGTH)) {
            return notFound(request);
        }
        OpenFiles.File opened;
        try {
            opened = files.open(dir.resolve(name));
        } catch (IOException e) {
            return notFound(request); // not made (no HLS ladder, no cover) or gone
        }
        boolean playlist = name.endsWith(".m3u8");
        return MediaFile.answer(request, files, opened, playlist ? PLAYLIST : CONTENT_TYPES.get(name.substring(name.lastIndexOf('.'))),
                playlist ? SHORT_CACHE : IMMUTABLE_CACHE);
    }

    /** 1–6 ASCII digits between {@code from} and {@code to}. */
    private static boolean digits(String s, int from, int to) {
        if (to <= from || to - from > 6) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static EarlyAnswer notFound(EarlyRequest request) {
        return EarlyAnswer.text(HttpStatus.NOT_FOUND_404, NOT_FOUND, request.method().equals("HEAD"));
    }

    @Override
    public void close() {
        files.close();
    }

    /** The media files kept open (what the tests look at). */
    OpenFiles openFiles() {
        return files;
    }

    static String type(String file) {
        if (file.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (file.endsWith(".m4s")) {
            return "video/iso.segment";
        }
        if (file.endsWith(".vtt")) {
            return "text/vtt; charset=utf-8";
        }
        if (file.endsWith(".jpg")) {
            return "image/jpeg";
        }
        return "video/mp4";
    }
}
