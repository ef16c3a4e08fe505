package cnnlab.server;

import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes a new connection at once when its address already holds {@code max} open ones, so one machine cannot take
 * the server's file descriptors and memory for itself. Counted by the TCP peer (the proxy's own connections carry
 * everyone: trusted proxies are exempt and do their own limiting, see docker/nginx/cnnlab.conf). The default leaves
 * room for a class behind one NAT address: a student's browser keeps a push connection and a few for requests.
 */
public final class ConnectionsPerAddress implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private final int max;
    private final TrustedProxies exempt;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    public ConnectionsPerAddress(int max, TrustedProxies exempt) {
        if (max < 1) throw new IllegalArgumentException("at least one connection per address");
        this.max = max;
        this.exempt = exempt;
    }

    @Override
    public void onOpened(Connection connection) {
        SocketAddress peer = connection.getEndPoint().getRemoteSocketAddress();
        if (!(peer instanceof InetSocketAddress a) || a.getAddress() == null || exempt.trusts(a.getAddress())) return;
        InetAddress address = a.getAddress();
        int now = open.merge(address, 1, Integer::sum);
        counted.put(connection, address);
        if (now > max) {
            if (refused.getAndIncrement() % 1000 == 0) LOG.warn("{} holds {} connections: closing the newest (limit {})", address.getHostAddress(), now - 1, max);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address == null) return;
        open.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections open now from {@code address} (tests). */
    int open(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    /** Connections closed for being over the limit, since start. */
    public int refused() {
        return refused.get();
    }
}
