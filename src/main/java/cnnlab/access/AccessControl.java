package cnnlab.access;

import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.util.resource.Resource;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The lab's optional login, with Jetty's own security: a form login (login.html) against the users file, every path
 * but the health check and the login page itself closed to anyone not logged in as a student or admin. Vaadin's
 * requests (page loads, UIDL, the push WebSocket) all carry the logged-in session, so the whole app is covered; the
 * JSON API too (a script logs in through /j_security_check and keeps the cookie). Failed logins are throttled per
 * account and per client address ({@link LoginThrottle}); a user removed from the file, or given another password or
 * roles, is logged out within seconds ({@link OpenLogins}).
 */
public final class AccessControl {
    public static final String LOGIN_PAGE = "/login.html";

    private AccessControl() { }

    /** Puts {@code app} behind the login; throws IllegalArgumentException if the users file is unusable. */
    public static void protect(WebAppContext app, Path usersFile) throws IOException {
        if (UsersFile.read(usersFile).isEmpty()) throw new IllegalArgumentException(usersFile + " has no users: add one with 'cnn-lab user add'");
        Resource file = app.getResourceFactory().newResource(usersFile.toAbsolutePath());
        LabLoginService users = new LabLoginService(file);
        OpenLogins logins = new OpenLogins(users);
        PropertyUserStore store = new PropertyUserStore();
        store.setConfig(file);
        // users added can log in, and users removed or changed are logged out, within 2-4 s: the reload comes once the
        // file has been seen unchanged for one more look (a look is one stat of the file)
        store.setReloadInterval(2);
        store.registerUserListener(logins);
        users.setUserStore(store);
        app.getSessionHandler().addEventListener(logins);
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
