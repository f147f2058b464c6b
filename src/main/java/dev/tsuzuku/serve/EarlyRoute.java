package dev.tsuzuku.serve;

import java.io.IOException;
import java.util.List;

/**
 * A hot path a {@link RouteModule} answers below Javalin's servlet, routing, session and
 * before/after handlers: the player's media, requested many times a second per viewer, where that
 * stack costs more CPU than sending the bytes (decisions 0035 and 0038). It sees every request
 * first, so it must decline quickly (a prefix test) what it does not answer. It decides the answer
 * only; two transports send it: Jetty's handler chain ({@link PlayerServer}) and, on a connection
 * whose requests so far were all its own, the selector's own loop ({@link FastConnection}).
 */
@FunctionalInterface
public interface EarlyRoute {
    /**
     * The answer to {@code request}, or null, having touched nothing, when Javalin's routes answer
     * it. The path is decoded and normalised (ambiguous ones never get here). It may run on a
     * selector thread, so it must not wait on anything slow (a lock held for I/O, the network).
     */
    EarlyAnswer answer(EarlyRequest request) throws IOException;

    /** The first of {@code routes}' answers to {@code request}, asked in order; null when none answers. */
    static EarlyAnswer first(List<EarlyRoute> routes, EarlyRequest request) throws IOException {
        for (EarlyRoute route : routes) {
            EarlyAnswer answer = route.answer(request);
            if (answer != null) {
                return answer;
            }
        }
        return null;
    }
}
