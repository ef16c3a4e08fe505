package cnnlab.features;

import cnnlab.Lab;
import cnnlab.sessions.LastDrawing;
import cnnlab.jobs.LiveRun;
import cnnlab.nn.ShippedModel;
import cnnlab.ui.LabMockServlet;
import cnnlab.ui.UiQueue;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The features page without a browser (Karibu-Testing): the form, the run buttons, the URL, what a run shows. */
class FeaturesViewTest {
    static Routes routes;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("cnnlab");
        Lab.start(ShippedModel.MODELS);
    }

    @BeforeEach
    void setUp() {
        LabMockServlet.setup(routes);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static FeaturesView open(String location) {
        int q = location.indexOf('?');
        if (q < 0) UI.getCurrent().navigate(location);
        else UI.getCurrent().navigate(location.substring(0, q), QueryParameters.fromString(location.substring(q + 1)));
        return _get(FeaturesView.class);
    }

    static void await(String what, BooleanSupplier condition) {
        UiQueue.await(what, 60, condition);
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @Test
    void thePageOpensOnTheLecturesTwelveConv2Filters() {
        FeaturesView view = open("features");
        AscentControls c = view.controls();
        assertEquals(Target.CONV2, c.target.getValue());
        assertEquals(Measure.SUM, c.measure.getValue());
        assertEquals("0-11", c.units.getValue());
        await("the first frame", () -> view.statusText().contains("step"));
        assertTrue(view.statusText().contains("12 pictures of conv2 filters"), view.statusText());
        assertEquals(1, view.board().grids().size());
        await("the end", () -> view.statusText().startsWith("Done"));
        assertTrue(view.board().grids().get(0).isShowing());
        assertFalse(button("stop").isEnabled());
        assertEquals("Restart", button("run").getText());
    }

    @Test
    void choosingALayerOffersItsUnitsAndMeasures() {
        FeaturesView view = open("features?steps=1");
        AscentControls c = view.controls();
        _setValue(c.target, Target.DENSE);
        assertEquals(Measure.VALUE, c.measure.getValue());
        assertEquals("0-11", c.units.getValue());
        _click(_get(Button.class, spec -> spec.withId("all-units")));
        assertEquals("0-99", c.units.getValue());
        await("one click paints all 100 neurons", () -> view.statusText().contains("100 pictures of dense neurons"));
        _setValue(c.target, Target.OUTPUT);
        assertEquals(Measure.LOGIT, c.measure.getValue());
        assertEquals("0-9", c.units.getValue());
        assertEquals("All 10", _get(Button.class, spec -> spec.withId("all-units")).getText());
    }

    @Test
    void wrongUnitsGetAMessageAndNothingRuns() {
        FeaturesView view = open("features?steps=1&seed=501");
        await("the first run", () -> view.statusText().startsWith("Done"));
        _setValue(view.controls().units, "3, banana");
        _click(button("run"));
        assertTrue(view.noticeText().contains("'banana' is not a unit number"), view.noticeText());
        _setValue(view.controls().units, "0-60");
        _click(button("run"));
        assertTrue(view.noticeText().contains("0-49"), view.noticeText());
    }

    @Test
    void theUrlCarriesTheSettingsAndBadPartsAreReported() {
        FeaturesView view = open("features?layer=output&measure=log-probability&units=3,8&seed=77&steps=5&l1=0.02&opt=normalised&step=0.2");
        AscentControls c = view.controls();
        assertEquals(Target.OUTPUT, c.target.getValue());
        assertEquals(Measure.LOG_PROBABILITY, c.measure.getValue());
        assertEquals("3,8", c.units.getValue());
        assertEquals(0.02, c.l1.getValue(), 1e-9);
        assertEquals(Optimiser.NORMALISED, c.optimiser.getValue());
        await("the run", () -> view.statusText().startsWith("Done: step 5 / 5"));
        assertEquals(2 * 784, view.board().grids().get(0).shownValues().length);

        UI.getCurrent().navigate("digits");
        FeaturesView bad = open("features?layer=pool9&steps=-4");
        assertTrue(bad.noticeText().contains("unknown layer 'pool9'"), bad.noticeText());
        assertTrue(bad.noticeText().contains("steps must be"), bad.noticeText());
        assertEquals(Target.CONV2, bad.controls().target.getValue());
    }

    @Test
    void stopResumeAndLeavingThePage() {
        FeaturesView view = open("features?steps=2000&seed=9001&units=0-3");
        await("the run starts", () -> view.statusText().startsWith("Running"));
        LiveRun<?, AscentFrame> v = view.visualisation().orElseThrow();
        _click(button("stop"));
        await("it stops", () -> !v.isActive() && view.statusText().startsWith("Stopped"));
        int stoppedAt = v.latest().orElseThrow().step();
        assertTrue(stoppedAt < 2000);
        assertTrue(button("resume").isEnabled());
        _click(button("resume"));
        await("it runs on from where it stopped", () -> v.isActive() && v.latest().orElseThrow().step() > stoppedAt);
        assertFalse(button("resume").isEnabled());

        UI.getCurrent().navigate("digits");   // leaving the page stops the job
        await("the job ends", () -> !v.isActive());
        assertFalse(v.isFinished());
    }

    @Test
    void theLecturesClassComparisonShowsTwoRows() {
        FeaturesView view = open("features?steps=1");
        await("the first run", () -> view.statusText().startsWith("Done"));
        _click(button("preset-classes"));
        assertTrue(view.controls().compare.getValue());
        assertEquals("0-9", view.controls().units.getValue());
        await("the comparison", () -> view.statusText().contains("20 pictures of output classes"));
        assertEquals(2, view.board().grids().size());
    }

    @Test
    void myDrawingIsOfferedOnlyAfterDrawingOne() {
        FeaturesView view = open("features?steps=1");
        assertFalse(view.controls().start.getItemEnabledProvider().test(Start.DRAWING));
        float[] three = new float[784];
        for (int y = 6; y < 22; y++) three[y * 28 + 14] = 1f;
        LastDrawing.remember(VaadinSession.getCurrent(), three);
        FeaturesView again = open("features?steps=3&layer=output&units=8&start=drawing");
        assertTrue(again.controls().start.getItemEnabledProvider().test(Start.DRAWING));
        assertEquals(Start.DRAWING, again.controls().start.getValue());
        await("the run from the drawing", () -> again.statusText().startsWith("Done: step 3 / 3"));
    }
}
