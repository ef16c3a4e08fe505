package cnnlab.access;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.authentication.SessionAuthentication;
import org.eclipse.jetty.util.security.Credential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP sessions logged in as each user. Jetty's reload of the users file only stops new logins; here a user the
 * reload drops, or whose password or roles it changes, has every open session ended at once ({@link Logout#end}).
 *
 * <p>Only this object's own map is read under its lock: Jetty calls the listener methods while holding a session's
 * lock (when it invalidates one), so touching a session under this lock could deadlock.
 */
final class OpenLogins implements HttpSessionAttributeListener, PropertyUserStore.UserListener {
    private static final String LOGIN = SessionAuthentication.AUTHENTICATED_ATTRIBUTE;
    private final LabLoginService users;
    private final Map<String, Map<HttpSession, UserIdentity>> byUser = new HashMap<>();

    OpenLogins(LabLoginService users) {
        this.users = users;
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent e) {
        if (LOGIN.equals(e.getName())) loggedIn(e.getSession(), e.getValue());
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent e) {   // the event holds the old value
        if (!LOGIN.equals(e.getName())) return;
        loggedOut(e.getSession(), e.getValue());
        loggedIn(e.getSession(), e.getSession().getAttribute(LOGIN));
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent e) {
        if (LOGIN.equals(e.getName())) loggedOut(e.getSession(), e.getValue());
    }

    private void loggedIn(HttpSession session, Object login) {
        if (!(login instanceof AuthenticationState.Succeeded succeeded)) return;
        UserIdentity who = succeeded.getUserIdentity();
        synchronized (this) {
            byUser.computeIfAbsent(who.getUserPrincipal().getName(), k -> new HashMap<>()).put(session, who);
        }
        // the file may have changed while this password was checked, after the reload's look at this user's sessions;
        // ended off this thread, which is still inside Jetty's login of the session
        if (!users.isCurrent(who)) CompletableFuture.runAsync(() -> Logout.end(session));
    }

    private void loggedOut(HttpSession session, Object login) {
        if (!(login instanceof AuthenticationState.Succeeded succeeded)) return;
        String name = succeeded.getUserIdentity().getUserPrincipal().getName();
        synchronized (this) {
            Map<HttpSession, UserIdentity> sessions = byUser.get(name);
            if (sessions != null && sessions.remove(session) != null && sessions.isEmpty()) byUser.remove(name);
        }
    }

    /** A user's line was (re)read: any session logged in with another password or other roles ends. */
    @Override
    public void update(String username, Credential credential, String[] roleArray) {
        endStale(username);
    }

    @Override
    public void remove(String username) {
        endStale(username);
    }

    private void endStale(String username) {
        List<HttpSession> stale = new ArrayList<>();
        synchronized (this) {
            byUser.getOrDefault(username, Map.of()).forEach((session, who) -> {
                if (!users.isCurrent(who)) stale.add(session);
            });
        }
        stale.forEach(Logout::end);
    }
}
