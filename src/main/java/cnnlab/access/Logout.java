package cnnlab.access;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;

/**
 * Ending a logged-in session as Vaadin advises: each of its open pages is sent to the login page, then the HTTP
 * session is invalidated, which ends the login and the Vaadin session with it. A page the redirect misses (its push
 * connection was down) gets the login page for its next request, which tells Vaadin's client to reload (login.html).
 */
public final class Logout {
    private static final Logger LOG = LoggerFactory.getLogger(Logout.class);

    private Logout() { }

    /** The "Log out" of the current page's user (holding its Vaadin session's lock). */
    public static void currentUser() {
        VaadinSession current = VaadinSession.getCurrent();
        if (current != null && current.getSession() instanceof WrappedHttpSession http) end(http.getHttpSession());
    }

    /** Ends a session from any thread. */
    static void end(HttpSession session) {
        Collection<VaadinSession> pages;
        try {
            pages = VaadinSession.getAllSessions(session);
        } catch (IllegalStateException alreadyEnded) {
            return;
        }
        for (VaadinSession vaadin : pages) {
            try {
                // pushed to the pages when the lock is released (push is automatic, over each page's WebSocket)
                vaadin.accessSynchronously(() -> vaadin.getUIs().forEach(ui -> ui.getPage().setLocation(AccessControl.LOGIN_PAGE)));
            } catch (RuntimeException e) {
                LOG.debug("could not send a page to the login page; it gets there on its next request", e);
            }
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // ended meanwhile (logged out, timed out)
        }
    }
}
