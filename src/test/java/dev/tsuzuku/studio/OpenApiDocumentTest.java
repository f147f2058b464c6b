package dev.tsuzuku.studio;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's OpenAPI document is valid OpenAPI 3 and documents exactly the API routes the server registers. */
class OpenApiDocumentTest {
    @TempDir
    Path dir;

    @Test
    void the_document_parses_without_messages_and_matches_the_registered_api_routes() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(StudioRoutes.resource(StudioRoutes.OPENAPI_RESOURCE), null, options);
        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.");

        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            documented.add(method.name() + " " + path);
            assertThat(op.getOperationId()).as(method + " " + path).isNotBlank();
            assertThat(op.getResponses()).as(method + " " + path).isNotEmpty();
        }));

        Set<String> registered = new TreeSet<>();
        try (StudioFixture f = new StudioFixture(dir, true)) {
            for (String route : f.routes) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1);
                boolean filter = method.equals("BEFORE") || method.equals("AFTER") || method.startsWith("BEFORE_") || method.startsWith("AFTER_");
                if (!filter && (path.startsWith("/api/") || path.startsWith("/hooks/"))) {
                    registered.add(route.toUpperCase(Locale.ROOT).substring(0, route.indexOf(' ')) + " " + path);
                }
            }
        }
        assertThat(registered).isNotEmpty().isEqualTo(documented);
    }

    @Test
    void every_registered_studio_route_but_the_public_ones_is_401_without_a_session() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        Set<String> checked = new TreeSet<>();
        try (StudioFixture f = new StudioFixture(dir, true)) {
            for (String route : f.routes) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1);
                if (!(method.equals("GET") || method.equals("POST")) || path.startsWith("/hooks/")
                        || Set.of("/api/login", "/api/openapi.json", "/studio/login", "/studio/assets/studio.js",
                                "/studio/assets/studio.css").contains(path)) {
                    continue;
                }
                String concrete = path.replace("{series}", "tales").replace("{episode}", "1").replace("{shot}", "1")
                        .replace("{file}", "episode.mp4");
                java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(f.uri(concrete))
                        .header("Content-Type", "application/json");
                b = method.equals("GET") ? b.GET() : b.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"provider\":\"animatic\"}"));
                int status = http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).as(method + " " + concrete).isEqualTo(401);
                checked.add(method + " " + path);
            }
            assertThat(f.desk.view().episodes()).extracting(SeriesDesk.EpisodeView::status).containsExactly("produced", "produced", "planned");
        }
        assertThat(checked).contains("GET /studio", "POST /api/series/{series}/episodes/{episode}/approve",
                "GET /studio/media/{series}/{episode}/{file}").hasSizeGreaterThan(10);
    }

    @Test
    void every_state_changing_operation_but_login_and_callbacks_requires_the_csrf_header() {
        SwaggerParseResult result = new OpenAPIParser().readContents(StudioRoutes.resource(StudioRoutes.OPENAPI_RESOURCE), null, new ParseOptions());
        result.getOpenAPI().getPaths().forEach((path, item) -> {
            if (item.getPost() != null && !path.equals("/api/login") && !path.startsWith("/hooks/")) {
                assertThat(item.getPost().getSecurity()).as(path).anySatisfy(req -> assertThat(req).containsKey("csrf"));
                assertThat(item.getPost().getResponses()).as(path).containsKeys("401", "403");
            }
        });
    }
}
