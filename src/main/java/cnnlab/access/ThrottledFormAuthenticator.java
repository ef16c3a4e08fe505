package cnnlab.access;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.authentication.FormAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Jetty's form login with a {@link LoginThrottle} in front of /j_security_check: a throttled attempt is refused before
 * any password is checked. A browser is sent back to the login page, which says how long to wait; a script gets 429
 * with Retry-After. The client address is the request's remote address (behind a proxy, the server resolves the real
 * one before the request gets here).
 */
final class ThrottledFormAuthenticator extends FormAuthenticator {
    static final String REFUSAL = "Too many failed logins for this account or from this computer: try again in %d s.";
    private final String loginPage;
    private final LoginThrottle throttle;

    ThrottledFormAuthenticator(String loginPage, String errorPage, LoginThrottle throttle) {
        super(loginPage, errorPage, false);
        this.loginPage = loginPage;
        this.throttle = throttle;
    }

    @Override
    public AuthenticationState validateRequest(Request request, Response response, Callback callback) throws ServerAuthException {
        if (!isJSecurityCheck(Request.getPathInContext(request))) return super.validateRequest(request, response, callback);
        Duration wait = throttle.attempt(getParameters(request).getValue(__J_USERNAME), Request.getRemoteAddr(request));
        if (wait.isZero()) return super.validateRequest(request, response, callback);   // login() below tells how it went
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        if (accept != null && accept.contains("text/html")) {   // a browser's form: back to the page, which says why
            String page = URIUtil.addPaths(request.getContext().getContextPath(), loginPage) + "?wait=" + seconds;
            Response.sendRedirect(request, response, callback, page, true);
        } else {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS_429);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
            Content.Sink.write(response, true, REFUSAL.formatted(seconds) + "\n", callback);
        }
        return AuthenticationState.SEND_FAILURE;
    }

    @Override
    public UserIdentity login(String username, Object password, Request request, Response response) {
        UserIdentity user = super.login(username, password, request, response);
        if (user != null) throttle.succeeded(username, Request.getRemoteAddr(request));
        else throttle.failed(username, Request.getRemoteAddr(request));
        return user;
    }
}
