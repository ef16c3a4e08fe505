package cnnlab.digits;

import cnnlab.sessions.LastDrawing;
import cnnlab.ui.ViewTest;
import cnnlab.nn.LectureCnn;
import cnnlab.Lab;
import cnnlab.ui.FeatureMapGrid;
import cnnlab.ui.UiQueue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.VaadinSession;
import elemental.json.Json;
import elemental.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digits page without a browser (Karibu-Testing): pad events in, verdict, chart and layers out. */
class DigitsViewTest extends ViewTest {
    DigitsViewTest() {
        super(DigitsView.class);
    }

    /** A "1" and a "0" as the pad would send them. */
    static final String ONE = drawing("[[140,40,140,90,140,140,140,190,140,240]]");
    static final String ZERO = drawing("[[140,40,95,60,75,110,80,180,110,230,150,240,190,215,205,160,200,90,180,55,140,40]]");
    static final String EMPTY = drawing("[]");

    static String drawing(String strokes) {
        return "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":" + strokes + "}";
    }

    static void draw(String json) {
        JsonObject data = Json.createObject();
        data.put("event.detail.drawing", json);
        _fireDomEvent(_get(DrawPad.class), "drawing-changed", data);
    }

    /** As the pad sends it: numbered, mid-stroke (live) or with the pen up (settled). */
    static void draw(String json, boolean settled, int seq) {
        JsonObject data = Json.createObject();
        data.put("event.detail.drawing", json);
        data.put("event.detail.settled", settled);
        data.put("event.detail.seq", seq);
        _fireDomEvent(_get(DrawPad.class), "drawing-changed", data);
    }

    /** Runs pushed UI updates until the condition holds (results arrive from the inference thread). */
    static void await(BooleanSupplier condition) {
        UiQueue.await("the view", 10, condition);
    }

        static DigitsView view() {
        return _get(DigitsView.class);
    }

    @Test
    void anEmptyPadShowsAPromptNotAGuess() {
        assertEquals(DigitsView.PROMPT, view().verdictText());
        assertNull(view().chart().shownProbabilities());
        assertFalse(view().networkInput().isShowing());
    }

    @Test
    void aVerticalStrokeReadsAsOneAndEveryLayerLightsUp() {
        draw(ONE);
        await(() -> view().chart().shownProbabilities() != null);
        assertEquals("It's a 1", view().verdictText());
        float[] p = view().chart().shownProbabilities();
        for (int c = 0; c < 10; c++) assertTrue(p[1] >= p[c]);
        assertTrue(view().networkInput().isShowing());
        assertEquals(6, view().layers().size());
        for (LayerPanel layer : view().layers()) assertTrue(layer.grid().isShowing(), "layer " + layer.layer());
    }

    @Test
    void aLoopReadsAsZero() {
        draw(ZERO);
        await(() -> view().chart().shownProbabilities() != null);
        assertEquals("It's a 0", view().verdictText());
    }

    @Test
    void clearingThePadEmptiesTheChartAndTheLayers() {
        draw(ONE);
        await(() -> view().chart().shownProbabilities() != null);
        assertTrue(_get(Anchor.class, spec -> spec.withId("morph")).isVisible(), "offers the drawing to the features page");
        assertEquals(784, LastDrawing.of(VaadinSession.getCurrent()).length, "the drawing is remembered for other pages");
        draw(EMPTY);
        await(() -> view().chart().shownProbabilities() == null);
        assertEquals(DigitsView.PROMPT, view().verdictText());
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(Anchor.class, spec -> spec.withId("morph"));   // hidden again
        assertNull(LastDrawing.of(VaadinSession.getCurrent()), "a cleared pad is no drawing to start from");
        for (LayerPanel layer : view().layers()) assertFalse(layer.grid().isShowing());
    }

    @Test
    void aMalformedPayloadGivesAMessageAndTheViewKeepsWorking() {
        draw(ONE);
        await(() -> "It's a 1".equals(view().verdictText()));
        draw("{\"width\":280,\"strokes\":\"<script>alert(1)</script>\"}");
        await(() -> view().verdictText().startsWith("Hmm"));
        // issue 21: the last reading's probabilities stayed beside the message, as if they were this drawing's
        assertNull(view().chart().shownProbabilities(), "the previous drawing's probabilities are gone");
        draw(ONE);
        await(() -> "It's a 1".equals(view().verdictText()));
    }

    @Test
    void aForgedMapIndexIsIgnored() {
        draw(ONE);
        await(() -> view().chart().shownProbabilities() != null);
        JsonObject click = Json.createObject();
        click.put("event.detail.index", 5000);
        _fireDomEvent(view().layers().get(2).grid(), "map-click", click);
        assertFalse(view().detail().hasSelection());
    }

    @Test
    void clickingAConv2MapShowsItsFilterAndTotalActivation() {
        draw(ONE);
        await(() -> view().chart().shownProbabilities() != null);
        LayerPanel conv2 = view().layers().get(2);
        JsonObject click = Json.createObject();
        click.put("event.detail.index", 7);
        _fireDomEvent(conv2.grid(), "map-click", click);
        assertTrue(view().detail().hasSelection());
        float[] weights = _get(FeatureMapGrid.class, s -> s.withId("filter-weights")).shownValues();
        assertArrayEquals(Lab.current().digits().filters(LectureCnn.CONV2).filter(7), weights, "filter 7's 25 slices of 3x3");
        String text = _get(com.vaadin.flow.component.html.Span.class, s -> s.withId("filter-activation")).getText();
        assertTrue(text.startsWith("a^7 = sum"), text);
        float[] conv2Values = conv2.grid().shownValues();
        double sum = 0;
        for (int i = 7 * 121; i < 8 * 121; i++) sum += conv2Values[i];
        assertTrue(text.endsWith(String.format(java.util.Locale.ROOT, "%.3f", sum)), text + " vs " + sum);
    }

    /** The tooltips' numbers are each map's total activation (summed here from the map shown), sent at pen-up only. */
    @Test
    void tooltipsCarryEachMapsTotalForADrawingAtRestAndPreviewsLeaveThemAlone() {
        draw(ONE, true, 1);
        await(() -> view().readingsInFlight() == 0 && view().chart().shownProbabilities() != null);
        LayerPanel conv2 = view().layers().get(2);
        String[] numbers = labelValues(conv2).split(" ");
        assertEquals(50, numbers.length);
        float[] maps = conv2.grid().shownValues();
        for (int k = 0; k < 50; k++) {
            double total = 0;
            for (int i = 0; i < 121; i++) total += maps[k * 121 + i];
            assertEquals(total, Double.parseDouble(numbers[k]), 0.006, "conv2 map " + k);
        }
        String atRest = labelValues(conv2);
        draw(ZERO, false, 2);
        await(() -> view().readingsInFlight() == 0 && "It's a 0".equals(view().verdictText()));
        assertEquals(atRest, labelValues(conv2), "a preview mid-stroke leaves the tooltips alone");
    }

    private static String labelValues(LayerPanel panel) {
        return panel.grid().getElement().getProperty("labelValues", "");
    }

    @Test
    void aLatePreviewNeverHidesTheSettledVerdictAndTheVerdictSaysWhichDrawingItIsFor() {
        draw(ZERO, false, 1);   // mid-stroke preview, then the pen comes up on a different drawing
        draw(ONE, true, 2);
        await(() -> view().readingsInFlight() == 0);
        assertEquals("It's a 1", view().verdictText());
        assertEquals("2", _get(com.vaadin.flow.component.html.H3.class, spec -> spec.withId("verdict")).getElement().getAttribute("data-drawing"));
    }

    @Test
    void oddPadFieldsAreReadSafely() {
        JsonObject data = Json.createObject();
        data.put("event.detail.drawing", Json.create(5));
        data.put("event.detail.settled", "yes");
        data.put("event.detail.seq", -3);
        DrawPad.Sketch sketch = DrawPad.sketch(data);
        assertEquals(new DrawPad.Sketch("", false, 0), sketch);
        data.put("event.detail.seq", 1e300);
        assertEquals(0, DrawPad.sketch(data).seq());
    }

    @Test
    void aBusyServerAsksThePadForFewerPreviewsAndAQuietOneForMoreAgain() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.CompletableFuture<Integer>> blockers = new java.util.ArrayList<>();
        try {
            while (Lab.current().jobs().welcomesPreviews()) {   // other students' work keeps the runner busy
                blockers.add(Lab.current().jobs().submit(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return java.util.concurrent.CompletableFuture.completedFuture(0);
                }));
            }
            draw(ONE, false, 1);
            assertEquals(DrawPad.BUSY_PREVIEW_MS, _get(DrawPad.class).getElement().getProperty("throttleMs", -1));
        } finally {
            release.countDown();
        }
        for (var b : blockers) b.get(10, java.util.concurrent.TimeUnit.SECONDS);
        UiQueue.await("the runner to empty", 10, () -> Lab.current().jobs().welcomesPreviews());
        draw(ONE, true, 2);
        assertEquals(DrawPad.PREVIEW_MS, _get(DrawPad.class).getElement().getProperty("throttleMs", -1));
        await(() -> view().readingsInFlight() == 0);
    }
}
