package cnnlab.access;

import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The lab's optional login, with Jetty's own security: a form login (login.html) against the users file, every path
 * but the health check and the login page itself closed to anyone not logged in as a student or admin. Vaadin's
 * requests (page loads, UIDL, the push WebSocket) all carry the logged-in session, so the whole app is covered; the
 * JSON API too (a script logs in through /j_security_check and keeps the cookie). Failed logins are throttled per
 * account and per client address ({@link LoginThrottle}).
 */
public final class AccessControl {
    public static final String LOGIN_PAGE = "/login.html";

    private AccessControl() { }

    /** Puts {@code app} behind the login; throws IllegalArgumentException if the users file is unusable. */
    public static void protect(WebAppContext app, Path usersFile) throws IOException {
        if (UsersFile.read(usersFile).isEmpty()) throw new IllegalArgumentException(usersFile + " has no users: add one with 'cnn-lab user add'");
        HashLoginService users = new LabLoginService(app.getResourceFactory().newResource(usersFile.toAbsolutePath()));
        users.setReloadInterval(5);   // users added while the server runs can log in within seconds
        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setLoginService(users);
        security.setAuthenticator(new ThrottledFormAuthenticator(LOGIN_PAGE, LOGIN_PAGE + "?error", new LoginThrottle()));
        security.addConstraintMapping(mapping("/*", Constraint.from(UsersFile.STUDENT, UsersFile.ADMIN)));
        for (String open : new String[]{"/health", LOGIN_PAGE, "/login.css", "/login.js"}) security.addConstraintMapping(mapping(open, Constraint.ALLOWED));
        app.setSecurityHandler(security);
    }

    private static ConstraintMapping mapping(String path, Constraint constraint) {
        ConstraintMapping m = new ConstraintMapping();
        m.setPathSpec(path);
        m.setConstraint(constraint);
        return m;
    }
}
