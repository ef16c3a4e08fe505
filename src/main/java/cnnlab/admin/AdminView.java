package cnnlab.admin;

import cnnlab.gallery.GalleryService;
import cnnlab.gallery.GalleryUnavailable;
import cnnlab.gallery.RemoveAllDialog;
import cnnlab.gallery.SaveQuota;
import cnnlab.gallery.Saver;
import cnnlab.jobs.LongJobs;
import cnnlab.Lab;
import cnnlab.sessions.LabSessions;
import cnnlab.sessions.PageWatch;
import cnnlab.sessions.PageWatch.SessionSnapshot;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The lab's admin page (/admin, not in the menu): the live sessions, the queue of heavy jobs with a Cancel for each,
 * the server's memory, and the students with the most pictures in the lab gallery with a "Remove all" for each,
 * refreshed every two seconds. Anyone not allowed by {@link AdminAccess} sees only a note.
 */
@Route("admin")
@PageTitle("Admin · CNN Lab")
public class AdminView extends VerticalLayout implements BeforeEnterObserver {
    static final int REFRESH_MS = 2000, TOP_SAVERS = 10;
    private final Paragraph summary = new Paragraph();
    private final Grid<SessionSnapshot> sessions = new Grid<>();
    private final Grid<LongJobs.Ticket> jobs = new Grid<>();
    /** What the jobs grid shows now: it is only re-filled when this changes, so a Cancel button stays put under the pointer. */
    private List<List<Object>> jobRows = List.of();
    private final Paragraph gallerySummary = new Paragraph();
    private final Grid<GalleryService.SaverTotal> savers = new Grid<>();
    /** As {@link #jobRows}: the savers grid is re-filled only when its rows change. */
    private List<GalleryService.SaverTotal> saverRows = List.of();
    private boolean allowed;

    public AdminView() {
        summary.setId("summary");
        sessions.setId("sessions");
        sessions.addColumn(SessionSnapshot::name).setHeader("Session").setAutoWidth(true);
        sessions.addColumn(s -> s.user() == null ? "—" : s.user()).setHeader("User").setAutoWidth(true);
        sessions.addColumn(s -> ago(s.lastRequest())).setHeader("Last active").setAutoWidth(true);
        sessions.addColumn(s -> String.join(", ", s.pages())).setHeader("Open pages");
        sessions.setAllRowsVisible(true);
        jobs.setId("jobs");
        jobs.addColumn(LongJobs.Ticket::what).setHeader("Job").setKey("job").setAutoWidth(true);
        jobs.addColumn(LongJobs.Ticket::owner).setHeader("Session").setKey("owner").setAutoWidth(true);
        jobs.addColumn(AdminView::state).setHeader("State").setKey("state").setAutoWidth(true);
        jobs.addComponentColumn(t -> {
            Button cancel = new Button("Cancel", e -> {
                t.cancel();
                refresh();
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return cancel;
        }).setHeader("").setKey("cancel");
        jobs.setAllRowsVisible(true);
        gallerySummary.setId("gallery-summary");
        savers.setId("gallery-savers");
        savers.addColumn(t -> Saver.describe(t.saver())).setHeader("Saved by").setKey("saver").setAutoWidth(true);
        savers.addColumn(GalleryService.SaverTotal::pictures).setHeader("Pictures").setKey("pictures").setAutoWidth(true);
        savers.addColumn(t -> String.format("%.1f MB", t.bytes() / 1048576.0)).setHeader("Size").setKey("size").setAutoWidth(true);
        savers.addColumn(t -> DAY_TIME.format(t.lastSaved())).setHeader("Last saved").setKey("last").setAutoWidth(true);
        savers.addComponentColumn(t -> {
            Button removeAll = new Button("Remove all", e -> new RemoveAllDialog(Lab.current().gallery(), t.saver(), n -> refresh()).open());
            removeAll.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return removeAll;
        }).setHeader("").setKey("remove");
        savers.setAllRowsVisible(true);
        add(new H2("Lab server"), summary, new H3("Heavy jobs"), jobs, new H3("Sessions"), sessions,
                new H3("Lab gallery"), gallerySummary, savers);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        allowed = AdminAccess.allows(VaadinRequest.getCurrent());
        if (!allowed) {
            removeAll();
            Paragraph no = new Paragraph("This page is for the lab's admins. Log in with an admin account, or open it on the server machine.");
            no.setId("not-allowed");
            add(new H2("Lab server"), no);
        }
    }

    @Override
    protected void onAttach(AttachEvent e) {
        if (!allowed) return;
        refresh();
        e.getUI().setPollInterval(REFRESH_MS);
        e.getUI().addPollListener(p -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent e) {
        e.getUI().setPollInterval(-1);
    }

    void refresh() {
        PageWatch watch = LabSessions.watch();
        List<SessionSnapshot> live = watch == null ? List.of() : watch.sessions();
        LongJobs queue = Lab.current().longJobs();
        List<LongJobs.Ticket> tickets = queue.tickets();
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20, maxMb = rt.maxMemory() >> 20;
        summary.setText(String.format("%s · %d running, %d waiting · heap %d MB used of %d MB",
                live.size() == 1 ? "1 session" : live.size() + " sessions", queue.running(), queue.waiting(), usedMb, maxMb));
        sessions.setItems(live);
        List<List<Object>> rows = tickets.stream().map(t -> List.<Object>of(t, state(t))).toList();   // a ticket equals only itself
        if (!rows.equals(jobRows)) {
            jobRows = rows;
            jobs.setItems(tickets);
        }
        refreshGallery(Lab.current().gallery());
    }

    private void refreshGallery(GalleryService gallery) {
        List<GalleryService.SaverTotal> top;
        try {
            SaveQuota q = gallery.quota();
            gallerySummary.setText(String.format("%d of %d pictures · each student may save %d an hour and keep %d; "
                            + "with the login off, %d an hour from one address · most pictures by:",
                    gallery.count(), gallery.limits().maxEntries(), q.perHour(), q.perStudent(), q.perAddressHour()));
            top = gallery.topSavers(TOP_SAVERS);
        } catch (GalleryUnavailable e) {
            gallerySummary.setText("The gallery cannot be read just now: " + e.getMessage());
            top = List.of();
        }
        if (!top.equals(saverRows)) {
            saverRows = top;
            savers.setItems(top);
        }
    }

    /** A job's state as it stays until the job moves on (no ticking clock: see {@link #jobRows}). */
    static String state(LongJobs.Ticket t) {
        Instant started = t.startedAt();
        if (started != null) return "running since " + SINCE.format(started);
        return "waiting, " + ordinal(t.position()) + " in the queue";
    }

    private static final java.time.format.DateTimeFormatter SINCE =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
    private static final java.time.format.DateTimeFormatter DAY_TIME =
            java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.ENGLISH).withZone(java.time.ZoneId.systemDefault());

    static String ago(Instant t) {
        long s = Math.max(0, Duration.between(t, Instant.now()).toSeconds());
        return s < 60 ? s + " s ago" : s < 3600 ? s / 60 + " min ago" : s / 3600 + " h ago";
    }

    private static String ordinal(int n) {
        int mod100 = n % 100, mod10 = n % 10;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : mod10 == 1 ? "st" : mod10 == 2 ? "nd" : mod10 == 3 ? "rd" : "th";
        return n + suffix;
    }
}
