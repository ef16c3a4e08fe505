package cnnlab.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

/**
 * Embedded Jetty 12 serving the Vaadin UI and the JSON API. Vaadin deploys itself: Jetty's annotation scan of the
 * class path runs Vaadin's ServletContainerInitializers, which find the {@code @Route} views and the AppShell.
 */
public final class LabServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabServer.class);
    private final LabConfig config;
    /** This instance's name behind a proxy (env CNNLAB_NODE), or null for a single instance. */
    private final String node;
    private Server server;
    private ServerConnector connector;

    public LabServer(LabConfig config) {
        this(config, NodeName.from(System.getenv()));
    }

    public LabServer(LabConfig config, String node) {
        this.config = config;
        this.node = node == null ? null : NodeName.check(node);
    }

    /** Loads the models, then starts listening; returns the actual port (useful with port 0 in tests). */
    public int start() throws Exception {
        long t0 = System.nanoTime();
        Lab.start(config.models());
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        if (node != null) {
            // session ids end in ".<node>": the proxy routes a session back here by its cookie (docker/nginx)
            DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
            ids.setWorkerName(node);
            server.addBean(ids, true);
        }
        server.setHandler(webApp());
        ErrorHandler quiet = new ErrorHandler();
        quiet.setShowStacks(false);
        server.setErrorHandler(quiet);
        server.start();
        LOG.info("CNN Lab {}listening on http://{}:{}/ (started in {} ms)", node == null ? "" : "node " + node + " ",
                config.host(), port(), (System.nanoTime() - t0) / 1_000_000);
        return port();
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
        ctx.setBaseResource(ctx.getResourceFactory().newResource(s.substring(0, s.length() - "ROOT".length())));
        ctx.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, ".*\\.jar|.*/classes/.*");
        ctx.setConfigurationDiscovered(true);
        ctx.setThrowUnavailableOnStartupException(true);
        ctx.setInitParameter("productionMode", "true");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.setShowStacks(false);
        ctx.setErrorHandler(errors);
        ctx.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new SecurityHeaders()), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST,
                jakarta.servlet.DispatcherType.ERROR));
        ctx.setInitParameter("org.eclipse.jetty.servlet.Default.dirAllowed", "false");   // no directory listings
        ctx.addServlet(new ServletHolder("health", new HealthServlet(node)), "/health");
        ctx.addServlet(new ServletHolder("digits-api", new DigitsApiServlet()), "/api/digits/*");
        ctx.addServlet(new ServletHolder("speech-api", new SpeechApiServlet()), "/api/speech/*");
        ctx.addServlet(new ServletHolder("text-api", new TextApiServlet()), "/api/text/*");
        ctx.addServlet(new ServletHolder("api-not-found", new UnknownApiServlet()), "/api/*");
        return ctx;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        if (server != null) server.stop();
        Lab.stopCurrent();
    }

    /** Any other /api path: a JSON 404 rather than the UI's HTML. */
    private static final class UnknownApiServlet extends JsonServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            write(resp, 404, Map.of("error", "unknown endpoint " + req.getRequestURI()));
        }
    }
}
