package cnnlab.server;

import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.Writer;

/**
 * Jetty's error pages, for the server (requests its HTTP parser refused: a bad request line, headers too large, an
 * unknown HTTP version) and for the web app (a protected path, a servlet's sendError): the security headers, no stack
 * trace, and a body that says the status and nothing else. Jetty's own page names the servlet that answered and
 * Jetty's version; neither is a student's business. One kind serves both places: the servlet error handler answers
 * a request that never reached a servlet as Jetty's core one does.
 */
public final class ErrorPages extends ErrorPageErrorHandler {
    public ErrorPages() {
        setShowStacks(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.set(response.getHeaders());
        return super.handle(request, response, callback);
    }

    @Override
    protected void writeErrorHtmlBody(Request request, Writer writer, int code, String message, Throwable cause) throws IOException {
        writer.write("<h2>" + code + " " + HttpStatus.getMessage(code) + "</h2>\n");
    }
}
