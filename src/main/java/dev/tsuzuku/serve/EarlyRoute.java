package dev.tsuzuku.serve;

import java.io.IOException;
import org.eclipse.jetty.server.Request;

/**
 * A hot path a {@link RouteModule} answers at Jetty's level, ahead of Javalin's servlet, routing,
 * session and before/after handlers: the player's media, requested many times a second per viewer,
 * where that stack costs more CPU than sending the bytes (decision 0035). It sees every request
 * first, so it must decline quickly (a prefix test) what it does not answer.
 */
@FunctionalInterface
public interface EarlyRoute {
    /**
     * Answers the request and returns true, or returns false, having touched nothing, and Javalin's
     * routes answer it. {@code path} is the decoded, normalised path (Jetty has refused ambiguous ones).
     */
    boolean handle(String path, Request request) throws IOException;
}
