package cnnlab.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Headers every response carries. The Content-Security-Policy is as strict as Vaadin Flow allows: its bootstrap
 * needs inline scripts and {@code eval} (script-src 'unsafe-inline' 'unsafe-eval') and inline styles; everything else
 * comes from this server only (the app never loads anything from elsewhere), pictures also from data:/blob: URLs
 * (the canvases and PNG downloads), and no site may frame the app (clickjacking).
 */
public final class SecurityHeaders implements Filter {
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

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Content-Security-Policy", CSP);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "DENY");   // for browsers older than frame-ancestors
            http.setHeader("Referrer-Policy", "same-origin");
            http.setHeader("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");   // the speech page records
        }
        chain.doFilter(request, response);
    }
}
