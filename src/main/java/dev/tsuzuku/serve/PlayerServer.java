package dev.tsuzuku.serve;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded server of {@code tsuzuku serve} (Javalin on Jetty): it registers the
 * {@link RouteModule}s it is given, in order, and listens on one port. Unknown paths are a plain
 * 404; a failure inside a handler is a short 500 (the trace goes to the log, never to the client).
 * The modules' {@link EarlyRoute}s (the player's media) are asked first, at Jetty's level.
 */
public final class PlayerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlayerServer.class);

    private final Javalin app;
    private final List<RouteModule> modules;
    private String host = "127.0.0.1";

    public PlayerServer(List<RouteModule> modules) {
        this.modules = List.copyOf(modules);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.generateEtags = false;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(2_000);
                List<EarlyRoute> early = this.modules.stream().flatMap(m -> m.early().stream()).toList();
                if (!early.isEmpty()) {
                    Early handler = new Early(early);
                    // inside Javalin's StatisticsHandler (a graceful stop waits for media too), ahead of its servlet context
                    if (server.getHandler() instanceof HandlerWrapper statistics && statistics.getHandler() == null) {
                        statistics.setHandler(handler);
                    } else {
                        server.insertHandler(handler);
                    }
                }
            });
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() == null) {
                ctx.contentType("text/plain; charset=utf-8").result("not found");
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain; charset=utf-8").result("server error");
        });
        for (RouteModule m : this.modules) {
            m.register(app);
        }
    }

    /**
     * Starts listening on {@code host}:{@code port} ({@code 0}: a free port) and returns the port.
     * A port in use is bad input naming the option.
     */
    public int start(String host, int port) {
        this.host = host;
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new BadInputException("--port", "cannot listen on " + host + ":" + port + " (" + t.getMessage() + ")",
                            "pick a free port with --port N, or --port 0 for any free one");
                }
            }
            throw new TsuzukuException("the server did not start: " + e.getMessage(), e);
        }
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /** {@code http://host:port}, without a trailing slash. */
    public String baseUrl() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + app.port();
    }

    /** The lines to print once the server is up: every module's. */
    public List<String> startupLines() {
        List<String> out = new ArrayList<>();
        for (RouteModule m : modules) {
            out.addAll(m.startupLines(baseUrl()));
        }
        return out;
    }

    @Override
    public void close() {
        app.stop();
        modules.forEach(RouteModule::close);
    }

    /**
     * The modules' {@link EarlyRoute}s, asked in order before Javalin's context; a failure is a
     * short 500 (logged), as in Javalin's routes.
     */
    private static final class Early extends HandlerWrapper {
        private final List<EarlyRoute> routes;

        Early(List<EarlyRoute> routes) {
            this.routes = List.copyOf(routes);
        }

        @Override
        public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            for (EarlyRoute route : routes) {
                boolean answered;
                try {
                    answered = route.handle(target, base);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("{} {} failed: {}", base.getMethod(), target, e.toString(), e);
                    if (!response.isCommitted()) {
                        response.reset();
                        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
                        response.setContentType("text/plain; charset=utf-8");
                        response.getOutputStream().write("server error".getBytes(StandardCharsets.UTF_8));
                    } else {
                        base.getHttpChannel().abort(e);
                    }
                    answered = true;
                }
                if (answered) {
                    base.setHandled(true);
                    return;
                }
            }
            super.handle(target, base, request, response);
        }
    }
}
