package cnnlab.features;

import cnnlab.sessions.LastDrawing;
import cnnlab.gallery.Kind;
import cnnlab.gallery.SaveToGallery;
import cnnlab.Lab;
import cnnlab.jobs.LiveRun;
import cnnlab.ui.FeatureMapGrid;
import cnnlab.ui.Caption;
import cnnlab.ui.DownloadLink;
import cnnlab.ui.RunPanel;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import java.util.Optional;
import java.util.function.Function;

/**
 * "What does the CNN learn?" (lecture section 1): gradient ascent on the input paints, live, the picture that
 * excites a filter, a neuron or a class. Thin over {@link FeaturesService}: the view reads the form and shows the
 * frames; its {@link RunPanel} runs one visualisation per tab (a new one replaces the old), as on the Deep Dream and
 * Deep Style pages.
 */
@Route("features")
@PageTitle("What does the CNN learn? · CNN Lab")
@Menu(title = "What does it learn?", order = 2, icon = "vaadin:eye")
public class FeaturesView extends Div implements BeforeEnterObserver, RunPanel.Page<AscentFrame> {
    private final FeaturesService service = Lab.current().features();
    private final AscentControls controls = new AscentControls();
    private final RunPanel<AscentFrame> runPanel = new RunPanel<>(this);
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

    /** A finished render shown from the server's cache instead of a run. */
    private Render fromCache;
    private AscentFrame shown;
    private int selected;
    private boolean autoRun;
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
        runPanel.onChange(this::updateDownloads);
        controls.onAllUnits(runPanel::restart);
    }

    private FlexLayout body() {
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
        return RunPanel.besideControls(left, runPanel, board, downloads, detail);
    }

    // ------------------------------------------------------------------------------------------------ navigation

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AscentSettings.Parsed parsed = AscentSettings.fromQuery(event.getLocation().getQueryParameters().getParameters());
        controls.setDrawingAvailable(LastDrawing.of(event.getUI().getSession()) != null);
        controls.setSettings(parsed.settings());
        runPanel.hideNotice();
        linkProblems = parsed.problems().isEmpty() ? null
                : "Some settings in the link were not understood and were reset: " + String.join("; ", parsed.problems()) + ".";
        if (isAttached()) runFromLink();   // a link followed while on this page: show its result
        else autoRun = true;
    }

    /** Runs the settings that came in the URL, then says what in the link was ignored. */
    private void runFromLink() {
        runPanel.restart();
        if (linkProblems != null) runPanel.showNotice(linkProblems);
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

    // ------------------------------------------------------------------------------------------------ runs

    private void preset(AscentSettings settings) {
        controls.setSettings(settings);
        runPanel.restart();
    }

    /**
     * The form's settings as a new visualisation, started from scratch. A render the server made earlier for the same
     * settings is shown at once instead of running again.
     */
    @Override
    public Optional<LiveRun<?, AscentFrame>> prepare() {
        AscentSettings settings;
        try {
            settings = controls.read();
        } catch (IllegalArgumentException e) {
            runPanel.showProblem(e.getMessage());
            return Optional.empty();
        }
        selected = Math.min(selected, settings.pictures() - 1);
        showInAddressBar(settings);
        Optional<Render> cached = service.cached(settings);
        if (cached.isPresent()) {
            fromCache = cached.get();
            runPanel.showMadeEarlier(fromCache.last(), "made earlier on this server, shown from the cache");
            return Optional.empty();
        }
        float[] drawing = getUI().map(ui -> LastDrawing.of(ui.getSession())).orElse(null);
        LiveRun<Ascent, AscentFrame> run;
        try {
            run = service.prepare(settings, drawing);
        } catch (IllegalArgumentException e) {
            runPanel.showProblem(e.getMessage());
            return Optional.empty();
        }
        fromCache = null;
        board.clear();
        shown = null;
        return Optional.of(run);
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

    // ------------------------------------------------------------------------------------------------ display

    @Override
    public void show(AscentFrame f) {
        shown = f;
        selected = Math.max(0, Math.min(selected, f.pictures() - 1));
        board.show(f, selected);
        curve.show(f.curves(), f.settings().steps(), selected);
        zoom.show(f.picture(selected), 1f);
        zoomCaption.setText(f.caption(selected));
    }

    @Override
    public String describe(AscentFrame f) {
        AscentSettings s = f.settings();
        return String.format("step %d / %d · %d pictures of %s", f.step(), s.steps(), f.pictures(), s.target().plural());
    }

    @Override
    public double progress(AscentFrame f) {
        return (double) f.step() / f.settings().steps();
    }

    private void select(int index) {
        if (shown == null || index < 0 || index >= shown.pictures()) return;
        selected = index;
        show(shown);
    }

    private void updateDownloads() {
        boolean hasPictures = currentRender().isPresent();
        gridPng.setEnabled(hasPictures);
        gif.setEnabled(hasPictures);
        picturePng.setEnabled(hasPictures);
        save.setEnabled(hasPictures);
    }

    private Optional<Render> currentRender() {
        if (fromCache != null) return Optional.of(fromCache);
        return runPanel.current().flatMap(Render::of);
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

    /** This tab's visualisation (running, stopped or finished); empty before one or while showing the cache's. */
    Optional<LiveRun<?, AscentFrame>> visualisation() {
        return runPanel.current();
    }

    String statusText() {
        return runPanel.statusText();
    }

    String noticeText() {
        return runPanel.noticeText();
    }
}
