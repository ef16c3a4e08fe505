package cnnlab.sessions;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.locks.Lock;

/**
 * Wires the server's session rules into Vaadin when it starts (found through META-INF/services): every session is
 * watched by {@link PageWatch} so a page whose browser vanished has its jobs ended within seconds, and a page whose
 * session is gone (server restarted, idle too long) says so plainly and offers a fresh one.
 */
public final class LabSessions implements VaadinServiceInitListener {
    static final CustomizedSystemMessages MESSAGES = new CustomizedSystemMessages();

    static {
        MESSAGES.setSessionExpiredCaption("This page's session has ended");
        MESSAGES.setSessionExpiredMessage("The lab server was restarted, or the page sat idle too long. "
                + "Click here (or press Esc) to continue in a fresh session.");
        MESSAGES.setSessionExpiredNotificationEnabled(true);
        MESSAGES.setInternalErrorCaption("Something went wrong on the server");
        MESSAGES.setInternalErrorMessage("Click here (or press Esc) to reload the page.");
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        service.setSystemMessagesProvider(info -> MESSAGES);
        PageWatch watch = new PageWatch();
        service.getContext().setAttribute(PageWatch.class, watch);
        service.addSessionInitListener(e -> {
            java.security.Principal user = e.getRequest().getUserPrincipal();   // with the login on
            if (user != null) e.getSession().setAttribute(PageWatch.USER_ATTRIBUTE, user.getName());
            watch.add(e.getSession());
        });
        service.addSessionDestroyListener(e -> watch.remove(e.getSession()));
        service.addServiceDestroyListener(e -> watch.close());
    }

    /** The watch of the running Vaadin service, or null outside one. */
    public static PageWatch watch() {
        VaadinService service = VaadinService.getCurrent();
        return service == null ? null : service.getContext().getAttribute(PageWatch.class);
    }

    /**
     * Who owns work started on this thread: the current browser session's short name, or "api". The job pool asks on
     * every submission, also from threads that have the session but not its lock (an upload's stream): the lock is
     * then taken for the moment the name needs it.
     */
    public static String currentOwner() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) return "api";
        if (session.hasLock()) return nameOf(session);
        Lock lock = session.getLockInstance();
        lock.lock();
        try {
            return nameOf(session);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A short, stable name for a session that does not reveal its id (the admin page shows it; a session id is a
     * credential).
     */
    public static String nameOf(VaadinSession session) {   // holds the session's lock
        WrappedSession wrapped = session.getSession();
        String id = wrapped == null ? Integer.toHexString(System.identityHashCode(session)) : wrapped.getId();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            Object user = session.getAttribute(PageWatch.USER_ATTRIBUTE);
            return (user == null ? "" : user + ", ") + "session " + HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
