package cnnlab.server;

import cnnlab.nn.ShippedModel;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who the client is behind a proxy: only the X-Forwarded-For that a trusted proxy sets, never RFC 7239's Forwarded
 * (nginx passes it through from the client, and Jetty's own customizer preferred it: "Forwarded: for=127.0.0.1"
 * opened the admin page), and nothing at all from a peer that is not a trusted proxy.
 */
class ClientAddressTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What an echo servlet behind {@link ClientAddress} sees as the client's address and scheme. */
    private static String seen(TrustedProxies proxies, Map<String, String> headers) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().addCustomizer(new ClientAddress(proxies));
        server.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler();
        ctx.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                resp.getWriter().write(req.getRemoteAddr() + (req.isSecure() ? " https" : ""));
            }
        }), "/*");
        server.setHandler(ctx);
        server.start();
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/")).GET();
            headers.forEach(b::header);
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        } finally {
            server.stop();
        }
    }

    @Test
    void fromATrustedProxyOnlyItsXForwardedForCounts() throws Exception {
        TrustedProxies loopback = TrustedProxies.parse("true");
        assertEquals("192.0.2.7", seen(loopback, Map.of("X-Forwarded-For", "192.0.2.7")));
        assertEquals("192.0.2.7", seen(loopback, Map.of("X-Forwarded-For", "192.0.2.7", "Forwarded", "for=127.0.0.1")),
                "RFC 7239 Forwarded is the client's own claim: never read");
        assertEquals("127.0.0.1", seen(loopback, Map.of("Forwarded", "for=10.1.1.1")), "Forwarded alone: the peer");
        assertEquals("127.0.0.1", seen(loopback, Map.of("X-Real-IP", "10.1.1.1", "X-Forwarded-Host", "evil.example")));
        assertEquals("192.0.2.7", seen(loopback, Map.of("X-Forwarded-For", "127.0.0.1, 192.0.2.7")),
                "the right-most address is the one the proxy wrote");
        assertEquals("127.0.0.1", seen(loopback, Map.of("X-Forwarded-For", "<script>")), "not an address: the peer");
        assertEquals("127.0.0.1", seen(loopback, Map.of("X-Forwarded-For", "localhost")), "names are not looked up");
        assertEquals("192.0.2.7 https", seen(loopback, Map.of("X-Forwarded-For", "192.0.2.7", "X-Forwarded-Proto", "https")));
    }

    @Test
    void fromAnyOtherPeerNoHeaderCounts() throws Exception {
        TrustedProxies elsewhere = TrustedProxies.parse("10.0.0.0/8");
        assertEquals("127.0.0.1", seen(elsewhere, Map.of("X-Forwarded-For", "192.0.2.7", "X-Forwarded-Proto", "https")));
        assertEquals("127.0.0.1", seen(elsewhere, Map.of("Forwarded", "for=192.0.2.7;proto=https")));
    }

    @Test
    void aForwardedHeaderDoesNotOpenTheAdminPageBehindAProxy() throws Exception {
        LabServer lab = new LabServer(new LabConfig("127.0.0.1", 0, ShippedModel.MODELS),
                HouseRules.DEFAULT.withProxies(TrustedProxies.parse("true")));
        try {
            String base = "http://127.0.0.1:" + lab.start() + "/";
            assertTrue(AdminProbe.opens(base, Map.of()), "a browser on the server machine itself, through no proxy");
            assertFalse(AdminProbe.opens(base, Map.of("X-Forwarded-For", "192.0.2.7")), "a student's machine, as the proxy says");
            assertFalse(AdminProbe.opens(base, Map.of("X-Forwarded-For", "192.0.2.7", "Forwarded", "for=127.0.0.1")),
                    "the student claims to be the server machine");
            assertFalse(AdminProbe.opens(base, Map.of("X-Forwarded-For", "192.0.2.7", "Forwarded", "for=\"[::1]\"")));
        } finally {
            lab.close();
        }
    }
}
