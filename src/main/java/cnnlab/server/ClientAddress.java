package cnnlab.server;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Who the client is behind our own reverse proxy. Exactly one source is believed: the X-Forwarded-For that the
 * proxy sets (docker/nginx/cnnlab.conf replaces whatever a client sent), and only on a connection from a trusted
 * proxy address. The RFC 7239 {@code Forwarded} header, X-Real-IP and the other X-Forwarded-* headers are never
 * read: nginx passes them through from the client untouched, and Jetty's ForwardedRequestCustomizer prefers
 * {@code Forwarded}, so "Forwarded: for=127.0.0.1" once opened the admin page and gave a fresh rate-limit bucket
 * per request. From an untrusted peer, every such header is ignored and the TCP peer is the client.
 */
public final class ClientAddress implements HttpConfiguration.Customizer {
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private final TrustedProxies proxies;

    public ClientAddress(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        if (!proxies.trusts(peer)) return request;
        InetAddress client = forwardedFor(request.getHeaders());
        boolean https = "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
        if (client == null && !https) return request;
        SocketAddress remote = client == null ? peer : new InetSocketAddress(client, ((InetSocketAddress) peer).getPort());
        HttpURI uri = https ? HttpURI.build(request.getHttpURI()).scheme("https").asImmutable() : request.getHttpURI();
        ConnectionMetaData meta = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }

            @Override
            public boolean isSecure() {
                return https || super.isSecure();
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return meta;
            }

            @Override
            public HttpURI getHttpURI() {
                return uri;
            }

            @Override
            public boolean isSecure() {
                return https || super.isSecure();
            }
        };
    }

    /**
     * The right-most address of the last X-Forwarded-For field: the one our proxy wrote (a proxy that appends
     * rather than replaces leaves the client's own claims to its left). Null when absent or not an IP literal.
     */
    static InetAddress forwardedFor(HttpFields headers) {
        String last = null;
        for (HttpField f : headers) {
            if (f.getName().equalsIgnoreCase("X-Forwarded-For")) last = f.getValue();
        }
        if (last == null) return null;
        String ip = last.substring(last.lastIndexOf(',') + 1).trim();
        if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.substring(1, ip.length() - 1);
        if (!IP.matcher(ip).matches()) return null;
        try {
            return InetAddress.getByName(ip);   // a literal: no name lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
