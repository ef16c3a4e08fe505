package cnnlab.server;

import cnnlab.Lab;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.HouseKeeper;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import cnnlab.access.AccessControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URL;
import java.util.EnumSet;
import java.util.Map;

/**
 * Embedded Jetty 12 serving the Vaadin UI and the JSON API. Vaadin deploys itself: Jetty's annotation scan of the
 * class path runs Vaadin's ServletContainerInitializers, which find the {@code @Route} views and the AppShell.
 */
public final class LabServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabServer.class);
    private final LabConfig config;
    private final HouseRules rules;
    /** This instance's name behind a proxy (env CNNLAB_NODE), or null for a single instance. */
    private final String node;
    private Server server;
    private ServerConnector connector;
    private boolean ownsLab;

    public LabServer(LabConfig config) {
        this(config, HouseRules.from(System.getenv()));
    }

    public LabServer(LabConfig config, HouseRules rules) {
        this(config, rules, NodeName.from(System.getenv()));
    }

    /** @param node this instance's name behind a proxy, or null for a single instance */
    public LabServer(LabConfig config, HouseRules rules, String node) {
        this.config = config;
        this.rules = rules;
        this.node = node == null ? null : NodeName.check(node);
    }

    /** Loads the models, then starts listening; returns the actual port (useful with port 0 in tests). */
    public int start() throws Exception {
        long t0 = System.nanoTime();
        ownsLab = !Lab.isRunning();   // tests run several servers over one set of loaded models
        Lab.start(config.models(), config.gallery());
        ConnectionRules limits = rules.connections();
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads());
        threads.setName("lab-http");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        http.setSendServerVersion(false);   // the version helps only those looking for its known bugs
        http.setMinRequestDataRate(limits.minBodyBytesPerSecond());
        if (rules.proxies().any()) http.addCustomizer(new ClientAddress(rules.proxies()));   // before any handler sees the request
        connector.addEventListener(new ConnectionsPerAddress(limits.connectionsPerAddress(), rules.proxies()));
        server.addConnector(connector);
        server.addBean(sessionIds(server), true);
        WebAppContext app = webApp();
        // one address runs at most this many requests at once; the rest wait without holding a thread (a body that
        // trickles in holds its thread while it is read)
        ThreadLimitHandler perAddress = new ThreadLimitHandler();
        perAddress.setThreadLimit(limits.threadsPerAddress());
        perAddress.setHandler(app);
        server.setHandler(new SecurityHeaders(perAddress));
        server.setErrorHandler(new ErrorPages());
        server.start();
        // after start: the web app's defaults (webdefault.xml: 30 minutes) are applied while it starts
        app.getSessionHandler().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, rules.idleTimeout().toSeconds()));
        LOG.info("CNN Lab {}listening on http://{}:{}/ (started in {} ms)", node == null ? "" : "node " + node + " ",
                config.host(), port(), (System.nanoTime() - t0) / 1_000_000);
        return port();
    }

    /**
     * Session ids, ending in ".<node>" behind a proxy (it routes a session back here by its cookie: docker/nginx), and
     * a house keeper that expires idle sessions soon after their timeout (Jetty's default looks every 10 minutes).
     */
    private DefaultSessionIdManager sessionIds(Server server) {
        DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
        if (node != null) ids.setWorkerName(node);
        HouseKeeper keeper = new HouseKeeper();
        try {
            keeper.setIntervalSec(Math.max(1, Math.min(60, rules.idleTimeout().toSeconds() / 2)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ids.setSessionHouseKeeper(keeper);
        return ids;
    }

    public int port() {
        return connector.getLocalPort();
    }

    private WebAppContext webApp() {
        WebAppContext ctx = new WebAppContext();
        ctx.setContextPath("/");
        // base resource: src/main/resources/webapp (a folder in development, a jar entry in the fat jar)
        URL marker = LabServer.class.getResource("/webapp/ROOT");
        if (marker == null) throw new IllegalStateException("webapp/ROOT missing from the class path");
        String s = marker.toString();
        // from the server's resource factory, not the context's: the context closes its own (and with it the fat jar's
        // zip file system) before it puts this base back while stopping
        ctx.setBaseResource(org.eclipse.jetty.util.resource.ResourceFactory.of(server).newResource(s.substring(0, s.length() - "ROOT".length())));
        // every jar and classes folder on the class path, but Karibu-Testing's (tests only): its mock "not found"
        // view would clash with the app's own, as it never meets the app in production
        ctx.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, "(?!.*karibu-testing).*\\.jar|.*/classes/.*");
        ctx.setConfigurationDiscovered(true);
        ctx.setThrowUnavailableOnStartupException(true);
        ctx.setInitParameter("productionMode", "true");
        // Idle pages: heartbeats say a page is open, but only a user's own requests count as activity; a session
        // idle for longer than the timeout is closed (Vaadin on its next heartbeat, Jetty's house keeper otherwise).
        ctx.setInitParameter("heartbeatInterval", Long.toString(rules.heartbeat().toSeconds()));
        ctx.setInitParameter("closeIdleSessions", "true");
        // the session id travels only in an HttpOnly, SameSite cookie: never in URLs (they leak into logs and referrers)
        ctx.getSessionHandler().setSessionTrackingModes(java.util.Set.of(jakarta.servlet.SessionTrackingMode.COOKIE));
        ctx.getSessionHandler().setHttpOnly(true);
        ctx.getSessionHandler().setSameSite(org.eclipse.jetty.http.HttpCookie.SameSite.LAX);
        ctx.setErrorHandler(new ErrorPages());
        ctx.setInitParameter("org.eclipse.jetty.servlet.Default.dirAllowed", "false");   // no directory listings
        filter(ctx, new InitRequestGuard(), "/*", DispatcherType.REQUEST);
        if (rules.users() != null) {
            try {
                AccessControl.protect(ctx, rules.users());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read the users file " + rules.users() + ": " + e.getMessage());
            }
        }
        filter(ctx, new ApiRateLimit(rules.apiPerSecond(), rules.apiBurst()), "/api/*", DispatcherType.REQUEST);
        ctx.addServlet(new ServletHolder("health", new HealthServlet(node)), "/health");
        ctx.addServlet(new ServletHolder("digits-api", new DigitsApiServlet()), "/api/digits/*");
        ctx.addServlet(new ServletHolder("speech-api", new SpeechApiServlet()), "/api/speech/*");
        ctx.addServlet(new ServletHolder("text-api", new TextApiServlet()), "/api/text/*");
        ctx.addServlet(new ServletHolder("api-not-found", new UnknownApiServlet()), "/api/*");
        return ctx;
    }

    private static void filter(WebAppContext ctx, Filter filter, String path, DispatcherType first, DispatcherType... rest) {
        ctx.addFilter(new FilterHolder(filter), path, EnumSet.of(first, rest));
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        if (server != null) server.stop();
        if (ownsLab) Lab.stopCurrent();
    }

    /** Any other /api path: a JSON 404 rather than the UI's HTML. */
    private static final class UnknownApiServlet extends JsonServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            write(resp, 404, Map.of("error", "unknown endpoint " + req.getRequestURI()));
        }
    }
}
