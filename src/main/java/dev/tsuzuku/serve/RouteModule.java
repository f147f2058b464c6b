package dev.tsuzuku.serve;

import io.javalin.Javalin;
import java.util.List;
import java.util.Optional;

/**
 * A part of {@code tsuzuku serve} that adds its own routes to the one server: the player is one
 * ({@link PlayerRoutes}), the studio and its API, the feeds and the release calendar are others.
 * The composition root ({@code app/Serving}) builds each module with what it needs (the open
 * studios, the clock) and hands the list to {@link PlayerServer}, which registers them in order
 * before it starts. A module owns a path prefix ({@code /studio}, {@code /api/studio},
 * {@code /feeds}, …) and must not answer under another module's prefix.
 */
@FunctionalInterface
public interface RouteModule extends AutoCloseable {
    /** Adds this module's routes and before/after handlers; called once, before the server starts. */
    void register(Javalin app);

    /**
     * Lines printed under the addresses when the server is up (the studio's address and login, say);
     * {@code baseUrl} is {@code http://host:port} without a trailing slash.
     */
    default List<String> startupLines(String baseUrl) {
        return List.of();
    }

    /** The requests this module answers ahead of Javalin ({@link EarlyRoute}); most have none. */
    default Optional<EarlyRoute> early() {
        return Optional.empty();
    }

    /** Releases what the module holds (open files); called once the server has stopped. */
    @Override
    default void close() {}
}
