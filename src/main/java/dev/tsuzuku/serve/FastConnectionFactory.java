package dev.tsuzuku.serve;

import java.util.List;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Makes every new plain connection a {@link FastConnection} that hands on to the connector's
 * HTTP/1.1 factory; the connector's first factory, so it sees each connection first.
 */
final class FastConnectionFactory extends AbstractConnectionFactory {
    static final String PROTOCOL = "tsuzuku-media";

    private final List<EarlyRoute> routes;

    FastConnectionFactory(List<EarlyRoute> routes) {
        super(PROTOCOL);
        this.routes = List.copyOf(routes);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        ConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
        if (!(endPoint instanceof SocketChannelEndPoint socket)) {
            return http.newConnection(connector, endPoint);
        }
        return configure(new FastConnection(socket, connector, http, routes), connector, endPoint);
    }
}
