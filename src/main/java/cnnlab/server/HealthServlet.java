package cnnlab.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/** {@code GET /health}: 200 {"status":"ok"} while the server and its models are up. */
final class HealthServlet extends JsonServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        respond(req, resp, r -> {
            Lab.current();
            return Map.of("status", "ok");
        });
    }
}
