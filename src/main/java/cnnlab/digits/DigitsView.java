package cnnlab.digits;

import cnnlab.nn.LectureCnn;
import cnnlab.Lab;
import cnnlab.sessions.LastDrawing;
import cnnlab.ui.Failure;
import cnnlab.ui.FeatureMapGrid;
import cnnlab.ui.NewestReading;
import cnnlab.ui.ProbabilityChart;
import cnnlab.ui.Texts;
import cnnlab.ui.UiAccess;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * "Draw a digit": the lecture's CNN reads what you draw, live, and every layer lights up.
 * Thin over {@link DigitsService}: the view hands the pad's drawings to it and shows results.
 * A drawing at rest (pen up) goes first in the server's queue; mid-stroke previews are skipped when the server is
 * busy, so a fast stroke never builds a queue and a crowded class still gets its verdicts quickly.
 */
@Route("")
@RouteAlias("digits")
@PageTitle("Draw a digit · CNN Lab")
@Menu(title = "Draw a digit", order = 1, icon = "vaadin:pencil")
public class DigitsView extends Div {
    public static final String PROMPT = "Draw a digit from 0 to 9 in the box";
    private static final Logger LOG = LoggerFactory.getLogger(DigitsView.class);

    private final Lab lab = Lab.current();
    private final DrawPad pad = new DrawPad();
    private final FeatureMapGrid seen = new FeatureMapGrid(1, 28, 28, 1, 5, FeatureMapGrid.Palette.GRAY);
    private final H3 verdict = new H3(PROMPT);
    private final Paragraph confidence = new Paragraph();
    private final ProbabilityChart chart = new ProbabilityChart(LectureCnn.CLASSES);
    private final List<LayerPanel> layers = new ArrayList<>();
    private final FilterDetail detail = new FilterDetail(lab.digits());
    private final Anchor morph = new Anchor("features?layer=output&measure=logit&units=0-9&start=drawing&steps=150&step=0.05&opt=adam",
            "What would make it look like each other digit? →");

    // Drawings at rest (verdicts) and mid-stroke (previews) are two newest readings, so that a verdict never waits
    // behind a preview; a verdict cancels the previews before it. Each drawing is numbered on arrival and a reading is
    // shown only if nothing newer has been shown, so a late preview never hides a verdict.
    private final NewestReading<Optional<DigitReading>> verdicts = NewestReading.on(this), previews = NewestReading.on(this);
    private long arrivals, shown;
    private DigitReading current;

    public DigitsView() {
        addClassName("lab-page");
        H2 title = new H2("Draw a digit");
        Paragraph lead = new Paragraph("The lecture's CNN (conv 25 filters 3x3, max-pool, conv 50 filters 3x3, max-pool, "
                + "dense 100, 10 outputs) reads your drawing as you draw. Below, every layer lights up: bright maps are "
                + "filters that found their pattern. Click a map to see the filter behind it.");
        lead.addClassName("lab-lead");
        add(title, lead, topRow(), layerSection());
        pad.addDrawingListener(this::onDrawing);
    }

    private HorizontalLayout topRow() {
        pad.setId("pad");
        Button undo = new Button("Undo stroke", VaadinIcon.ARROW_BACKWARD.create(), e -> pad.undo());
        undo.setId("undo");
        undo.addClickShortcut(Key.KEY_Z, KeyModifier.CONTROL);
        Button clear = new Button("Clear", VaadinIcon.ERASER.create(), e -> pad.clear());
        clear.setId("clear");
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div padCard = card(pad, new HorizontalLayout(undo, clear),
                caption("Mouse, pen or finger. Draw large: the dashed box is the size MNIST digits have."));

        seen.setId("network-input");
        Div seenCard = card(seen, caption("What the network sees: your drawing cropped, scaled to 20x20 and centred "
                + "by its centre of mass in 28x28, like MNIST."));

        verdict.setId("verdict");
        verdict.addClassNames("lab-verdict", "lab-prompt");
        confidence.setId("confidence");
        confidence.addClassName("lab-caption");
        chart.setId("probabilities");

        // the features page starts gradient ascent from this drawing: "what would make my 3 look more like an 8?"
        morph.setId("morph");
        morph.addClassName("lab-caption");
        morph.setVisible(false);
        Div verdictCard = card(verdict, confidence, chart, morph);
        verdictCard.setWidth("300px");

        HorizontalLayout row = new HorizontalLayout(padCard, seenCard, verdictCard);
        row.setWrap(true);
        row.setPadding(false);
        return row;
    }

    private Div layerSection() {
        int[][] layout = {{10, 2}, {10, 3}, {10, 4}, {10, 6}, {20, 12}, {10, 24}};   // columns, screen px per pixel
        FlexLayout strip = new FlexLayout();
        strip.addClassName("layer-strip");
        for (int l = 0; l < LectureCnn.LAYERS.size(); l++) {
            LayerPanel panel = new LayerPanel(l, layout[l][0], layout[l][1]);
            int layer = l;
            panel.onMapClick(k -> select(layer, k));
            layers.add(panel);
            strip.add(panel);
        }
        strip.add(detail);
        H3 heading = new H3("Layer by layer");
        return new Div(heading, strip);
    }

    private void select(int layer, int index) {
        if (index < 0 || index >= LectureCnn.LAYERS.get(layer).maps()) return;   // the index comes from the browser
        layers.forEach(p -> p.select(p.layer() == layer ? index : -1));
        detail.select(layer, index, current == null ? null : current.activations());
    }

    private void onDrawing(DrawPad.Sketch sketch) {
        long number = ++arrivals;
        pad.setPreviewInterval(lab.jobs().welcomesPreviews() ? DrawPad.PREVIEW_MS : DrawPad.BUSY_PREVIEW_MS);
        if (sketch.settled()) previews.cancel();   // older than this drawing: a preview still queued is skipped
        read(sketch, number);
    }

    /** Parses and reads {@code sketch} off the UI thread, then shows it unless something newer was shown; on the UI thread. */
    private void read(DrawPad.Sketch sketch, long number) {
        UI ui = UI.getCurrent();
        (sketch.settled() ? verdicts : previews).request(
                () -> lab.digits().submit(lab.jobs(), sketch.json(), !sketch.settled()).orTimeout(10, TimeUnit.SECONDS),
                reading -> {
                    if (number <= shown) return;   // older than what is shown
                    shown = number;
                    show(reading.orElse(null), sketch.settled());
                    verdict.getElement().setAttribute("data-drawing", Long.toString(sketch.seq()));
                },
                error -> {
                    if (number <= shown || !sketch.settled() && Failure.busy(error)) return;   // old, or a preview the busy server skipped
                    showFailure(error);
                    if (sketch.settled() && Failure.refused(error)) retryLater(ui, sketch, number);
                });
    }

    /** The server was full: try the same settled drawing again shortly, unless the user has drawn something newer. */
    private void retryLater(UI ui, DrawPad.Sketch sketch, long number) {
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> UiAccess.later(ui, () -> {
            if (number == arrivals && isAttached()) read(sketch, number);
        }));
    }

    /** Shows a reading; the maps' tooltips only for a drawing at rest (mid-stroke the mouse is on the pad, not on a map). */
    private void show(DigitReading reading, boolean settled) {
        current = reading;
        getUI().ifPresent(ui -> LastDrawing.remember(ui.getSession(), reading == null ? null : reading.networkInput().pixels()));
        morph.setVisible(reading != null);
        verdict.setClassName("lab-prompt", reading == null);
        if (reading == null) {
            Texts.set(verdict, PROMPT);
            Texts.set(confidence, "");
            clearResult();
            return;
        }
        float[] p = reading.probabilities();
        int label = reading.label();
        Texts.set(verdict, "It's a " + label);
        Texts.set(confidence, String.format(Locale.ROOT, "%.1f%% sure%s", 100 * p[label],
                p[label] < 0.6 ? " — it is torn; try a clearer stroke" : ""));
        chart.show(p);
        seen.show(reading.networkInput().pixels(), 1f);
        layers.forEach(panel -> panel.show(reading.activations(), settled));
        detail.update(reading.activations());
    }

    private void showFailure(Throwable error) {
        if (error instanceof IllegalArgumentException) {
            showProblem("That drawing could not be read (" + error.getMessage() + "). Clear the pad and try again.");
        } else if (Failure.refused(error)) {
            showProblem("The server is busy right now; trying again in a moment…");
        } else if (Failure.busy(error)) {
            showProblem("The server is taking too long; your next stroke will try again.");
        } else {
            showProblem("Something went wrong reading your drawing (reference " + Failure.logged(LOG, "reading a drawing", error)
                    + "). Please try again.");
        }
    }

    /** The drawing was not read: say why, and take the last reading off the page so it does not pass for this one's. */
    private void showProblem(String message) {
        current = null;
        morph.setVisible(false);
        clearResult();
        Texts.set(verdict, "Hmm…");
        verdict.addClassName("lab-prompt");
        Texts.set(confidence, message);
    }

    private void clearResult() {
        chart.clear();
        seen.clear();
        layers.forEach(LayerPanel::clear);
        detail.update(null);
    }

    // --- package-private accessors for browserless tests
    ProbabilityChart chart() {
        return chart;
    }

    int readingsInFlight() {
        return (verdicts.idle() ? 0 : 1) + (previews.idle() ? 0 : 1);
    }

    String verdictText() {
        return verdict.getText();
    }

    List<LayerPanel> layers() {
        return layers;
    }

    FilterDetail detail() {
        return detail;
    }

    FeatureMapGrid networkInput() {
        return seen;
    }

    private static Div card(com.vaadin.flow.component.Component... children) {
        Div d = new Div(children);
        d.addClassName("lab-card");
        return d;
    }

    private static Paragraph caption(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("lab-caption");
        p.setMaxWidth("280px");
        return p;
    }
}
