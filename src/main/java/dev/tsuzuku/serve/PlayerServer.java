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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded server of {@code tsuzuku serve} (Javalin on Jetty): it registers the
 * {@link RouteModule}s it is given, in order, and listens on one port. Unknown paths are a plain
 * 404; a failure inside a handler is a short 500 (the trace goes to the log, never to the client).
 * The modules' {@link EarlyRoute}s (the player's media) are asked first: on a connection that
 * has carried only their requests, by the selector itself ({@link FastConnection}); else at
 * Jetty's level, ahead of Javalin's servlet.
 */
public final class PlayerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlayerServer.class);

    private final Javalin app;
    private final List<RouteModule> modules;
    private final List<EarlyRoute> early;
    private String host = "127.0.0.1";

    public PlayerServer(List<RouteModule> modules) {
        this.modules = List.copyOf(modules);
        this.early = this.modules.stream().flatMap(m -> m.early().stream()).toList();
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.generateEtags = false;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(2_000);
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
        if (!early.isEmpty()) {
            app.events(events -> events.serverStarting(() -> fastConnections(app.jettyServer().server(), early)));
        }
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
     * Replaces Javalin's connector (not started yet) by one that opens every connection as a
     * {@link FastConnection} and has a selector per core: media is answered on the selector threads
     * (decision 0038), so one selector would cap it at one core.
     */
    private static void fastConnections(Server server, List<EarlyRoute> early) {
        Connector[] connectors = server.getConnectors();
        if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector javalins)) {
            return; // a connector of someone else's making: left as it is
        }
        HttpConnectionFactory http = javalins.getConnectionFactory(HttpConnectionFactory.class);
        if (http == null) {
            return;
        }
        ServerConnector connector = new ServerConnector(server, -1, Runtime.getRuntime().availableProcessors(),
                new FastConnectionFactory(early), new HttpConnectionFactory(http.getHttpConfiguration()));
        connector.setHost(javalins.getHost());
        connector.setPort(javalins.getPort());
        connector.setIdleTimeout(javalins.getIdleTimeout());
        server.setConnectors(new Connector[] {connector});
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
            EarlyAnswer answer;
            try {
                answer = EarlyRoute.first(routes, new EarlyRequest(base.getMethod(), target, base.getHttpFields()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} {} failed: {}", base.getMethod(), target, e.toString(), e);
                answer = EarlyAnswer.serverError();
            }
            if (answer != null) {
                try {
                    JettyAnswers.send(base, answer);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("{} {} failed: {}", base.getMethod(), target, e.toString(), e);
                    if (response.isCommitted()) {
                        base.getHttpChannel().abort(e);
                    } else {
                        response.reset();
                        JettyAnswers.send(base, EarlyAnswer.serverError());
                    }
                }
                base.setHandled(true);
                return;
            }
            super.handle(target, base, request, response);
        }
    }
}
