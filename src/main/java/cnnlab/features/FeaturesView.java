package cnnlab.features;

import cnnlab.digits.LastDrawing;
import cnnlab.gallery.Kind;
import cnnlab.gallery.SaveToGallery;
import cnnlab.Lab;
import cnnlab.ui.FeatureMapGrid;
import cnnlab.ui.Caption;
import cnnlab.ui.DownloadLink;
import cnnlab.ui.UiAccess;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * "What does the CNN learn?" (lecture section 1): gradient ascent on the input paints, live, the picture that
 * excites a filter, a neuron or a class. Thin over {@link FeaturesService}: the view reads the form, starts one
 * visualisation per tab (a new one replaces the old), and shows the frames the job streams back through push.
 */
@Route("features")
@PageTitle("What does the CNN learn? · CNN Lab")
@Menu(title = "What does it learn?", order = 2, icon = "vaadin:eye")
public class FeaturesView extends Div implements BeforeEnterObserver {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesView.class);

    private final FeaturesService service = Lab.current().features();
    private final AscentControls controls = new AscentControls();
    private final Button run = new Button("Run", VaadinIcon.PLAY.create(), e -> restart());
    private final Button stop = new Button("Stop", VaadinIcon.STOP.create(), e -> stop());
    private final Button resume = new Button("Resume", VaadinIcon.STEP_FORWARD.create(), e -> resume());
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Paragraph notice = new Paragraph();
    private final PictureBoard board = new PictureBoard(this::select);
    private final ObjectiveCurve curve = new ObjectiveCurve();
    private final FeatureMapGrid zoom = new FeatureMapGrid(1, 28, 28, 1, 6, FeatureMapGrid.Palette.GRAY);
    private final Paragraph zoomCaption = new Paragraph();
    private final Anchor gridPng = download("Grid as PNG", "grid-png", r -> Pictures.png(Pictures.grid(r.last().images(), 0,
            r.pictures(), columns(r), 4)), "features.png", "image/png");
    private final Anchor gif = download("Animation as GIF", "gif", r -> r.gif(0, r.pictures(), columns(r), 3), "features.gif", "image/gif");
    private final SaveToGallery save = new SaveToGallery(() -> currentRender().map(this::snapshot));
    private final Anchor picturePng = download("This picture as PNG", "picture-png",
            r -> Pictures.png(Pictures.single(r.last().images(), Math.min(this.selected, r.pictures() - 1), 10)), "picture.png", "image/png");

    /** This tab's visualisation (running, stopped or finished), or null. */
    private Visualisation visualisation;
    /** A finished render shown from the server's cache instead of a visualisation. */
    private Render fromCache;
    private AscentFrame shown;
    private int selected;
    /** Frames from the job wait here; at most one UI update is scheduled at a time, and it takes the newest. */
    private final AtomicReference<AscentFrame> pendingFrame = new AtomicReference<>();
    private final AtomicBoolean updateScheduled = new AtomicBoolean();
    private boolean autoRun;
    private Registration queuePoll;
    private String linkProblems;

    public FeaturesView() {
        addClassName("lab-page");
        H2 title = new H2("What does the CNN learn?");
        Paragraph lead = new Paragraph("Gradient ascent on the input: the trained weights stay fixed and the image x is "
                + "changed, step by step, to make one unit as large as possible, x* = arg max a^k. Each picture is one "
                + "filter's (or neuron's, or class's) favourite input. For a filter, a^k = Σ a^k_ij: the sum of its "
                + "feature map. Without constraints the network's favourite '8' looks like noise to us; the lecture's "
                + "L1 penalty (less ink) and smoothness make it more readable.");
        lead.addClassName("lab-lead");
        add(title, lead, body());
        notice.setId("notice");
        notice.addClassName("lab-notice");
        notice.setVisible(false);
        controls.onAllUnits(this::restart);
    }

    private FlexLayout body() {
        run.setId("run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stop.setId("stop");
        resume.setId("resume");
        Button lectureFilters = new Button("Lecture: 12 conv2 filters", e -> preset(AscentSettings.DEFAULT));
        Button lectureClasses = new Button("Lecture: classes without / with L1", e -> preset(AscentSettings.CLASSES_WITH_AND_WITHOUT_L1));
        lectureFilters.setId("preset-filters");
        lectureClasses.setId("preset-classes");
        lectureFilters.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        lectureClasses.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div presets = new Div(lectureFilters, lectureClasses);
        presets.addClassName("lab-presets");

        Div left = new Div(presets, controls);
        left.addClassNames("lab-card", "lab-controls-card");

        progress.setId("progress");
        status.setId("status");
        status.addClassName("lab-caption");
        HorizontalLayout buttons = new HorizontalLayout(run, stop, resume);
        Div runCard = new Div(buttons, progress, status, notice);
        runCard.addClassName("lab-run");

        zoom.setId("zoom");
        zoomCaption.setId("zoom-caption");
        zoomCaption.addClassName("lab-caption");
        curve.setId("curve");
        Div zoomCard = new Div(new H4("Selected picture"), zoom, zoomCaption, picturePng);
        zoomCard.addClassNames("lab-card", "lab-zoom");
        Div curveCard = new Div(new H4("Objective over the steps"), curve,
                Caption.of("One line per picture; the selected one in blue."));
        curveCard.addClassNames("lab-card", "lab-curve-card");
        FlexLayout detail = new FlexLayout(zoomCard, curveCard);
        detail.addClassName("lab-detail");
        detail.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        Div downloads = new Div(gridPng, gif, save);
        downloads.addClassName("lab-downloads");

        Div centre = new Div(runCard, board, downloads, detail);
        centre.addClassName("lab-centre");
        FlexLayout body = new FlexLayout(left, centre);
        body.addClassName("lab-features");
        updateButtons();
        return body;
    }

    // ------------------------------------------------------------------------------------------------ navigation

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AscentSettings.Parsed parsed = AscentSettings.fromQuery(event.getLocation().getQueryParameters().getParameters());
        controls.setDrawingAvailable(LastDrawing.of(event.getUI().getSession()) != null);
        controls.setSettings(parsed.settings());
        hideNotice();
        linkProblems = parsed.problems().isEmpty() ? null
                : "Some settings in the link were not understood and were reset: " + String.join("; ", parsed.problems()) + ".";
        if (isAttached()) runFromLink();   // a link followed while on this page: show its result
        else autoRun = true;
    }

    /** Runs the settings that came in the URL, then says what in the link was ignored. */
    private void runFromLink() {
        restart();
        if (linkProblems != null) showNotice(linkProblems);
        linkProblems = null;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (autoRun) {
            // the page opens on a result: the lecture's figure (cached after the first student) or the shared link's
            autoRun = false;
            runFromLink();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        // the tab closed or navigated away: free the slot at once
        if (visualisation != null) visualisation.stop();
        UI ui = detachEvent.getUI();
        ui.setPollInterval(-1);
    }

    // ------------------------------------------------------------------------------------------------ actions

    private void preset(AscentSettings settings) {
        controls.setSettings(settings);
        restart();
    }

    /** Starts the form's settings from scratch (the old run of this tab is stopped). */
    void restart() {
        AscentSettings settings;
        try {
            settings = controls.read();
        } catch (IllegalArgumentException e) {
            showNotice(e.getMessage().substring(0, 1).toUpperCase() + e.getMessage().substring(1) + ".");
            return;
        }
        hideNotice();
        if (visualisation != null) visualisation.stop();
        visualisation = null;
        fromCache = null;
        selected = Math.min(selected, settings.pictures() - 1);
        showInAddressBar(settings);
        Optional<Render> cached = service.cached(settings);
        if (cached.isPresent()) {
            fromCache = cached.get();
            show(fromCache.last());
            status.setText(status.getText() + " · made earlier on this server, shown from the cache");
            updateButtons();
            return;
        }
        float[] drawing = getUI().map(ui -> LastDrawing.of(ui.getSession())).orElse(null);
        try {
            visualisation = service.prepare(settings, drawing);
        } catch (IllegalArgumentException e) {
            showNotice(e.getMessage().substring(0, 1).toUpperCase() + e.getMessage().substring(1) + ".");
            return;
        }
        board.clear();
        shown = null;
        launch();
    }

    /**
     * Puts the settings in the URL (replacing, not adding, a history entry) so the address can be shared. Run after
     * the browser has handled the current response: on the first load its router records the requested address
     * after ours otherwise.
     */
    private void showInAddressBar(AscentSettings settings) {
        String url = new Location("features", QueryParameters.simple(settings.toQuery())).getPathWithQueryParameters();
        getUI().ifPresent(ui -> ui.getPage().executeJs("setTimeout(() => history.replaceState(history.state, '', $0), 0)", url));
    }

    private void stop() {
        if (visualisation != null) visualisation.stop();
    }

    private void resume() {
        if (visualisation != null && !visualisation.isActive() && !visualisation.isFinished()) launch();
    }

    /** Hands the visualisation to the server's job slots; frames come back through {@link #offer}. */
    private void launch() {
        UI ui = UI.getCurrent();
        Visualisation v = visualisation;
        try {
            v.start(frame -> offer(ui, v, frame)).whenComplete((ok, error) -> UiAccess.later(ui, () -> ended(v, error)));
        } catch (RejectedExecutionException e) {
            showNotice("The server is busy with other students' visualisations. Please try again in a moment.");
            updateButtons();
            return;
        }
        int position = v.queuePosition();
        status.setText(position > 0 ? waitingText(position) : "Starting…");
        // while waiting in the server's queue no frames come: poll once a second to show the place in the queue
        if (queuePoll != null) queuePoll.remove();
        queuePoll = null;
        ui.setPollInterval(position > 0 ? 1000 : -1);
        if (position > 0) queuePoll = ui.addPollListener(e -> {
            if (visualisation == v && v.queuePosition() > 0) status.setText(waitingText(v.queuePosition()));
        });
        updateButtons();
    }

    private static String waitingText(int position) {
        return "Waiting for a free slot on the server: number " + position + " in the queue…";
    }

    /** Called on the job's thread: keeps only the newest frame and schedules one UI update for it. */
    private void offer(UI ui, Visualisation from, AscentFrame frame) {
        pendingFrame.set(frame);
        if (updateScheduled.compareAndSet(false, true)) {
            UiAccess.later(ui, () -> {
                updateScheduled.set(false);
                AscentFrame f = pendingFrame.getAndSet(null);
                if (f != null && visualisation == from) {
                    ui.setPollInterval(-1);
                    show(f);
                }
            });
        }
    }

    private void ended(Visualisation v, Throwable error) {
        if (v != visualisation) return;   // an older run of this tab
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause != null && !(cause instanceof CancellationException)) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("visualisation {} failed [{}]", v.settings(), id, cause);
            showNotice("This visualisation failed (reference " + id + "). Please try again or change the settings.");
        }
        v.latest().ifPresent(this::show);
        updateButtons();
    }

    // ------------------------------------------------------------------------------------------------ display

    private void show(AscentFrame f) {
        shown = f;
        AscentSettings s = f.settings();
        selected = Math.max(0, Math.min(selected, f.pictures() - 1));
        board.show(f, selected);
        progress.setValue((double) f.step() / s.steps());
        String state = f.finished() ? "Done" : visualisation != null && !visualisation.isActive() ? "Stopped" : "Running";
        status.setText(String.format("%s: step %d / %d · %d pictures of %s", state, f.step(), s.steps(), f.pictures(),
                s.target().plural()));
        curve.show(f.curves(), s.steps(), selected);
        zoom.show(f.picture(selected), 1f);
        zoomCaption.setText(f.caption(selected));
        updateButtons();
    }

    private void select(int index) {
        if (shown == null || index < 0 || index >= shown.pictures()) return;
        selected = index;
        show(shown);
    }

    private void updateButtons() {
        boolean active = visualisation != null && visualisation.isActive();
        boolean resumable = visualisation != null && !active && !visualisation.isFinished() && visualisation.latest().isPresent();
        stop.setEnabled(active);
        resume.setEnabled(resumable);
        run.setText(shown == null ? "Run" : "Restart");
        boolean hasPictures = currentRender().isPresent();
        gridPng.setEnabled(hasPictures);
        gif.setEnabled(hasPictures);
        picturePng.setEnabled(hasPictures);
        save.setEnabled(hasPictures);
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }

    private void hideNotice() {
        notice.setVisible(false);
    }

    private Optional<Render> currentRender() {
        if (fromCache != null) return Optional.of(fromCache);
        return visualisation == null ? Optional.empty() : visualisation.render();
    }

    /** The board as the grid PNG, with the settings' link so the gallery can lead back to them. */
    private SaveToGallery.Snapshot snapshot(Render r) {
        AscentFrame f = r.last();
        AscentSettings s = f.settings();
        String details = String.format("%d pictures of %s · step %d / %d", f.pictures(), s.target().plural(), f.step(), s.steps());
        String link = new Location("features", QueryParameters.simple(s.toQuery())).getPathWithQueryParameters();
        return new SaveToGallery.Snapshot(Kind.FEATURES, details, link,
                () -> Pictures.png(Pictures.grid(f.images(), 0, r.pictures(), columns(r), 4)));
    }

    private static int columns(Render r) {
        AscentSettings s = r.last().settings();
        return s.compareL1() ? s.units().length : Math.min(12, r.pictures());
    }

    private Anchor download(String text, String id, Function<Render, byte[]> bytes, String fileName, String type) {
        return DownloadLink.of(text, id, () -> currentRender().map(bytes), fileName, type);
    }

    // --- package-private accessors for browserless tests
    AscentControls controls() {
        return controls;
    }

    PictureBoard board() {
        return board;
    }

    Optional<Visualisation> visualisation() {
        return Optional.ofNullable(visualisation);
    }

    String statusText() {
        return status.getText();
    }

    String noticeText() {
        return notice.isVisible() ? notice.getText() : "";
    }
}
