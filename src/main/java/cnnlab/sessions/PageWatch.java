package cnnlab.sessions;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.PushConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * Notices pages whose browser has gone and closes them, so their jobs (which stop when their page detaches) free the
 * server's slots. Vaadin itself only closes a silent page when its session sends another request, which a killed
 * browser never does. Two signs, checked every second under each session's lock:
 * <ul>
 *   <li>the page's push WebSocket, once connected, has been down for {@link #DISCONNECT_GRACE} (a killed or closed
 *   browser: the OS ends the connection at once; a reload or a network blip reconnects well within the grace), or
 *   was never seen connected within {@link #CONNECT_GRACE} of the page's first sweep (a browser killed in the second
 *   between loading a page and the watch's next look);</li>
 *   <li>no heartbeat for three heartbeat intervals (a cut network, where no connection end is ever seen).</li>
 * </ul>
 * It also keeps a snapshot of each session for the admin page, taken under the same lock.
 */
public final class PageWatch implements AutoCloseable {
    public static final Duration DISCONNECT_GRACE = Duration.ofSeconds(3);
    /** A page's push connection opens within a second or two of its load; one never seen open by then is gone. */
    public static final Duration CONNECT_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PageWatch.class);

    /** What the admin page shows of one session. */
    public record SessionSnapshot(String name, String user, Instant lastRequest, List<String> pages) { }

    private final Set<VaadinSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<VaadinSession, SessionSnapshot> snapshots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lab-page-watch");
        t.setDaemon(true);
        return t;
    });

    PageWatch() {
        timer.scheduleWithFixedDelay(this::sweepAll, 1, 1, TimeUnit.SECONDS);
    }

    void add(VaadinSession session) {
        sessions.add(session);
    }

    void remove(VaadinSession session) {
        sessions.remove(session);
        snapshots.remove(session);
    }

    /** Live sessions, most recently active first. */
    public List<SessionSnapshot> sessions() {
        List<SessionSnapshot> all = new ArrayList<>(snapshots.values());
        all.sort(Comparator.comparing(SessionSnapshot::lastRequest).reversed());
        return all;
    }

    /**
     * Looks at each session that no request holds right now; a busy one is looked at a second later. Not through
     * {@code session.access}: a queued task runs inside the request thread's unlock, while Vaadin iterates over the
     * session's UIs to push them, and removing a UI there answered that request 500 (ConcurrentModificationException).
     */
    private void sweepAll() {
        for (VaadinSession session : sessions) {
            Lock lock = session.getLockInstance();
            if (lock == null || !lock.tryLock()) continue;
            Map<Class<?>, CurrentInstance> outer = CurrentInstance.setCurrent(session);
            try {
                sweep(session, System.currentTimeMillis());
            } catch (RuntimeException e) {
                LOG.debug("could not look at a session", e);
            } finally {
                try {
                    session.unlock();   // pushes what the sweep changed, as access() would have
                } finally {
                    CurrentInstance.restoreInstances(outer);
                }
            }
        }
    }

    /** Holds the session's lock. */
    private void sweep(VaadinSession session, long now) {
        Pages pages = session.getAttribute(Pages.class);
        if (pages == null) {
            pages = new Pages();
            session.setAttribute(Pages.class, pages);
        }
        long heartbeatMillis = session.getConfiguration().getHeartbeatInterval() * 1000L;
        List<UI> uis = new ArrayList<>(session.getUIs());
        pages.keepOnly(uis);
        List<String> routes = new ArrayList<>();
        for (UI ui : uis) {
            if (ui.isClosing()) continue;
            PushConnection push = ui.getInternals().getPushConnection();
            String why = pages.gone(ui, push != null && push.isConnected(), now);
            if (why == null && heartbeatMillis > 0 && now - ui.getInternals().getLastHeartbeatTimestamp() > 3 * heartbeatMillis) {
                why = "no heartbeat for " + (now - ui.getInternals().getLastHeartbeatTimestamp()) / 1000 + " s";
            }
            if (why != null) {
                LOG.info("closing a page of {} ({}): {}", LabSessions.nameOf(session), route(ui), why);
                pages.forget(ui);
                ui.close();
                Map<Class<?>, CurrentInstance> outer = CurrentInstance.setCurrent(ui);   // removeUI works on the current UI
                try {
                    session.removeUI(ui);   // detaches it: its views stop their jobs
                } finally {
                    CurrentInstance.restoreInstances(outer);
                }
            } else {
                routes.add(route(ui));
            }
        }
        Object user = session.getAttribute(USER_ATTRIBUTE);
        snapshots.put(session, new SessionSnapshot(LabSessions.nameOf(session), user == null ? null : user.toString(),
                Instant.ofEpochMilli(session.getLastRequestTimestamp()), List.copyOf(routes)));
    }

    /** The session attribute naming its logged-in user (when the login is on). */
    public static final String USER_ATTRIBUTE = "cnnlab.user";

    private static String route(UI ui) {
        String path = ui.getInternals().getActiveViewLocation().getPath();
        return "/" + path;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Per session (kept in it, so it goes with it): which pages were seen connected, and since when they are not. */
    static final class Pages {
        private final Map<Object, Long> downSince = new HashMap<>();
        private final Map<Object, Long> firstSeen = new HashMap<>();
        private final Set<Object> seenConnected = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

        /**
         * Why {@code page} counts as gone, or null. The connection is sampled once a second, so a page killed before
         * any sample saw it connected is judged by its age instead: sampling alone would wait for three missed
         * heartbeats (minutes) to notice it.
         */
        String gone(Object page, boolean connected, long now) {
            long first = firstSeen.computeIfAbsent(page, k -> now);
            if (connected) {
                seenConnected.add(page);
                downSince.remove(page);
                return null;
            }
            if (!seenConnected.contains(page)) {   // not connected yet: just opened, or its browser died at once
                return now - first >= CONNECT_GRACE.toMillis() ? "its connection never opened in " + (now - first) / 1000 + " s" : null;
            }
            long since = downSince.computeIfAbsent(page, k -> now);
            return now - since >= DISCONNECT_GRACE.toMillis() ? "its connection has been down for " + (now - since) / 1000 + " s" : null;
        }

        void forget(Object page) {
            downSince.remove(page);
            firstSeen.remove(page);
            seenConnected.remove(page);
        }

        void keepOnly(List<?> live) {
            downSince.keySet().retainAll(live);
            firstSeen.keySet().retainAll(live);
            seenConnected.retainAll(live);
        }
    }
}
