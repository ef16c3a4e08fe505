package cnnlab.server;

import cnnlab.Lab;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /health}: 200 {"status":"ok"} while the server and its models are up, plus {"node":"node1"} when the
 * instance has a name (CNNLAB_NODE), so an operator behind a proxy can tell which instance answered.
 */
final class HealthServlet extends JsonServlet {
    private final String node;

    HealthServlet(String node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        respond(req, resp, r -> {
            Lab.current();
            return node == null ? Map.of("status", "ok") : Map.of("status", "ok", "node", node);
        });
    }
}
