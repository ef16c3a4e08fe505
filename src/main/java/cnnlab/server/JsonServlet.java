package cnnlab.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Base for the JSON API: bounded request bodies, JSON errors ({"error": "..."}) with the right status, and no
 * stack trace ever reaching a client (unexpected failures are logged with an id the client is given).
 */
abstract class JsonServlet extends HttpServlet {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Logger LOG = LoggerFactory.getLogger(JsonServlet.class);
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** An error meant for the client, with its HTTP status. */
    static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    interface Handler {
        Object handle(HttpServletRequest req) throws Exception;
    }

    void respond(HttpServletRequest req, HttpServletResponse resp, Handler handler) throws IOException {
        try {
            write(resp, 200, ApiClient.serving(req, () -> handler.handle(req)));
        } catch (ApiError e) {
            // an unread oversized body leaves the connection unusable: tell the client not to reuse it
            if (e.status == 413) resp.setHeader("Connection", "close");
            write(resp, e.status, Map.of("error", e.getMessage()));
        } catch (Exception | Error e) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("API request {} {} failed [{}]", req.getMethod(), req.getRequestURI(), id, e);
            write(resp, 500, Map.of("error", "internal error (reference " + id + ")"));
        }
    }

    /** Reads and parses the body, refusing anything over {@link #MAX_BODY_BYTES} or not JSON. */
    static JsonNode readJson(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY_BYTES) throw new ApiError(413, "request body too large (at most 64 KB)");
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException r && !(e instanceof HttpException)) throw r;   // a bug, not the client
            // the client's fault (a body cut short, a bad chunk size, too slow): one line, not a stack trace
            int status = e instanceof HttpException h && h.getCode() == 408 ? 408 : 400;
            LOG.info("API request {} {} from {}: unreadable body ({})", req.getMethod(), req.getRequestURI(), req.getRemoteAddr(), e.toString());
            throw new ApiError(status, status == 408 ? "the request body arrived too slowly" : "the request body was cut short or malformed");
        }
        if (body.length > MAX_BODY_BYTES) throw new ApiError(413, "request body too large (at most 64 KB)");
        if (body.length == 0) throw new ApiError(400, "empty request body: expected JSON");
        try {
            JsonNode node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            if (node == null || node.isMissingNode()) throw new ApiError(400, "expected a JSON object");
            return node;
        } catch (IOException e) {
            throw new ApiError(400, "malformed JSON");
        }
    }

    static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writeValue(resp.getOutputStream(), body);
    }

    /** Methods HttpServlet does not know (PATCH, PROPFIND, ...) would get its bare 501: a JSON 405 like any other. */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        switch (req.getMethod()) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE" -> super.service(req, resp);
            default -> notAllowed(req, resp);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notAllowed(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notAllowed(req, resp);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notAllowed(req, resp);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        notAllowed(req, resp);
    }

    private static void notAllowed(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        write(resp, 405, Map.of("error", req.getMethod() + " is not allowed here"));
    }
}
