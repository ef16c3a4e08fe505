package cnnlab.server;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's per-client token bucket: on its own with a fake clock, and in front of a servlet over real HTTP. */
class ApiRateLimitTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aBurstIsGrantedThenCallsWaitForTokensToRefill() {
        ApiRateLimit limit = new ApiRateLimit(2, 4, nanos::get);
        for (int i = 0; i < 4; i++) assertEquals(0, limit.take("ann"), "call " + i + " of the burst");
        assertEquals(0.5, limit.take("ann"), 1e-9, "empty: one token comes back in half a second");
        assertEquals(0, limit.take("ben"), "another client has its own bucket");
        nanos.addAndGet(500_000_000L);
        assertEquals(0, limit.take("ann"));
        assertTrue(limit.take("ann") > 0);
        nanos.addAndGet(3_600_000_000_000L);   // an hour: the bucket is full again, never fuller than the burst
        for (int i = 0; i < 4; i++) assertEquals(0, limit.take("ann"));
        assertTrue(limit.take("ann") > 0);
    }

    @Test
    void theSessionsOfOneAddressShareABudgetOfFiveSessions() {
        ApiRateLimit limit = new ApiRateLimit(2, 4, nanos::get);
        int granted = 0;
        for (int s = 0; s < 25; s++) {
            for (int i = 0; i < 4; i++) if (limit.take("session " + s, "sessions from 10.0.0.1") == 0) granted++;
        }
        assertEquals(4 * ApiRateLimit.SESSIONS_PER_ADDRESS, granted, "25 fresh sessions get five sessions' burst, not 25");
        assertEquals(0, limit.take("session x", "sessions from 10.0.0.2"), "another address has its own");
        nanos.addAndGet(100_000_000L);   // a tenth of a second: the address's bucket refills five times as fast as a session's
        assertEquals(0, limit.take("session 99", "sessions from 10.0.0.1"));
    }

    @Test
    void idleClientsAreForgotten() {
        ApiRateLimit limit = new ApiRateLimit(10, 10, nanos::get);
        for (int i = 0; i < 1000; i++) limit.take("client " + i);
        nanos.addAndGet(600_000_000_000L);
        for (int i = 0; i < 1100; i++) limit.take("late");
        assertEquals(1, limit.clients(), "only the recent client keeps a bucket");
    }

    @Test
    void overHttpTheCallPastTheBurstGets429WithRetryAfterAndOtherSessionsAreNotAffected() throws Exception {
        Server server = limitedServer();
        try {
            String base = "http://127.0.0.1:" + port(server) + "/api/x";
            HttpClient student = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            assertEquals(200, get(student, base + "?login=1", null).statusCode(), "a browser session begins (the address's call)");
            HttpClient anonymous = HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) assertEquals(200, get(anonymous, base, null).statusCode());
            HttpResponse<String> refused = get(anonymous, base, null);
            assertEquals(429, refused.statusCode());
            assertEquals("application/json", refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonNode error = RestApiTest.JSON.readTree(refused.body());
            assertTrue(error.get("error").asText().startsWith("too many requests"), refused.body());
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertEquals(429, get(anonymous, base, "JSESSIONID=made-up").statusCode(), "a made-up cookie is not a session");

            // the session has its own budget, though its address has none left
            for (int i = 0; i < 3; i++) assertEquals(200, get(student, base, null).statusCode(), "session call " + i);
            assertEquals(429, get(student, base, null).statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void overHttpFreshSessionsDoNotBuyFreshBudgets() throws Exception {
        Server server = limitedServer();
        try {
            String base = "http://127.0.0.1:" + port(server) + "/";
            int answered = 0;
            for (int s = 0; s < 25; s++) {
                HttpClient script = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                assertEquals(200, get(script, base, null).statusCode(), "a new session from GET /");
                for (int i = 0; i < 3; i++) if (get(script, base + "api/x", null).statusCode() == 200) answered++;
            }
            assertEquals(3 * ApiRateLimit.SESSIONS_PER_ADDRESS, answered, "75 calls over 25 sessions: five sessions' worth answered");
        } finally {
            server.stop();
        }
    }

    /**
     * A server with 0.01 calls a second and bursts of 3 in front of /api/*, which starts a session when asked
     * ({@code ?login=1}); its page at / starts one for every first visit, as the app's does.
     */
    private static Server limitedServer() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SESSIONS);
        ctx.addFilter(new FilterHolder(new ApiRateLimit(0.01, 3)), "/api/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        ctx.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                if (req.getParameter("login") != null || !req.getRequestURI().startsWith("/api/")) req.getSession(true);
                resp.getWriter().write("ok");
            }
        }), "/");
        server.setHandler(ctx);
        server.start();
        return server;
    }

    private static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static HttpResponse<String> get(HttpClient client, String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) b.header("Cookie", cookie);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
