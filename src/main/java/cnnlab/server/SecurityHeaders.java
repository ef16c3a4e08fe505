package cnnlab.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers every response carries, set at the server's outermost handler so that Jetty's own answers (a protected
 * path's 404, TRACE's 403) carry them too; {@link ErrorPages} sets them again on error pages, including those for
 * requests the HTTP parser refused before any handler ran. The Content-Security-Policy is as strict as Vaadin Flow
 * allows: its bootstrap needs inline scripts and {@code eval} (script-src 'unsafe-inline' 'unsafe-eval') and inline
 * styles; everything else comes from this server only (the app never loads anything from elsewhere), pictures also
 * from data:/blob: URLs (the canvases and PNG downloads), and no site may frame the app (clickjacking).
 */
public final class SecurityHeaders extends Handler.Wrapper {
    public static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    public SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        set(response.getHeaders());
        return super.handle(request, response, callback);
    }

    static void set(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");   // for browsers older than frame-ancestors
        headers.put("Referrer-Policy", "same-origin");
        headers.put("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");   // the speech page records
    }
}
