package cnnlab.dream;

import cnnlab.ui.ViewTest;
import cnnlab.sessions.LastDrawing;
import cnnlab.Lab;
import cnnlab.vision.ImageSourcePicker;
import cnnlab.ui.UiQueue;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.LectureFeatureNet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Deep Dream page without a browser: a small dream runs and streams, stops, refuses bad filters. */
class DreamViewTest extends ViewTest {
    DreamViewTest() {
        super(DreamView.class);
    }

    private static DreamView small(String network, String layer) {
        DreamView view = _get(DreamView.class);
        DreamControls c = view.controls();
        FeatureNetwork net = Lab.current().dream().networks().require(network);
        c.network.setValue(net);
        c.layer.setValue(net.layer(layer));
        c.size.setValue(64.0);
        c.octaves.setValue(2.0);
        c.steps.setValue(3.0);
        return view;
    }

    @Test
    void aDreamRunsShowsFramesAndEnds() {
        DreamView view = small(LectureFeatureNet.ID, "conv2");
        Image picture = _get(Image.class, spec -> spec.withId("dream-picture"));
        String before = picture.getSrc();
        assertTrue(before.startsWith("data:image/jpeg;base64,"), "the source picture is shown before any run");
        _click(_get(Button.class, spec -> spec.withId("run")));
        UiQueue.await("the dream to finish", 60, () -> view.runPanel().statusText().startsWith("Done"));
        assertEquals("Done: octave 2 / 2 · step 6 / 6", view.runPanel().statusText().replaceAll(" · objective.*", ""));
        assertNotEquals(before, picture.getSrc());
        assertTrue(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("gif")).isEnabled());
        assertFalse(((Dream) view.runPanel().current().orElseThrow().state()).film().isEmpty());
    }

    @Test
    void badFiltersGetAMessageAndNothingRuns() {
        DreamView view = small(LectureFeatureNet.ID, "conv1");
        view.controls().filters.setValue("7, 99");
        _click(_get(Button.class, spec -> spec.withId("run")));
        assertTrue(view.runPanel().noticeText().contains("does not exist"), view.runPanel().noticeText());
        assertTrue(view.runPanel().current().isEmpty());
    }

    @Test
    void stopKeepsTheDreamAndLeavingThePageStopsIt() {
        DreamView view = small(LectureFeatureNet.ID, "conv2");
        view.controls().steps.setValue(40.0);
        view.controls().size.setValue(256.0);
        _click(_get(Button.class, spec -> spec.withId("run")));
        UiQueue.await("frames", 60, () -> view.runPanel().statusText().startsWith("Running: octave"));
        _click(_get(Button.class, spec -> spec.withId("stop")));
        UiQueue.await("the stop", 30, () -> view.runPanel().statusText().startsWith("Stopped"));
        assertTrue(_get(Button.class, spec -> spec.withId("resume")).isEnabled());
        _click(_get(Button.class, spec -> spec.withId("resume")));
        UiQueue.await("running again", 30, () -> view.runPanel().current().orElseThrow().isActive());
        var run = view.runPanel().current().orElseThrow();
        UI.getCurrent().navigate("speech");
        UiQueue.await("leaving to stop the dream", 30, () -> !run.isActive());
        assertFalse(run.isFinished());
    }

    @Test
    void theDrawingFromTheDigitsPageCanBeDreamtOn() {
        float[] digit = new float[784];
        for (int y = 6; y < 22; y++) digit[y * 28 + 14] = 1f;   // a "1"
        LastDrawing.remember(VaadinSession.getCurrent(), digit);
        UI.getCurrent().navigate("speech");
        UI.getCurrent().navigate(DreamView.class);
        DreamView view = small(LectureFeatureNet.ID, "conv1");
        ImageSourcePicker source = view.source();
        _click(_get(Button.class, spec -> spec.withId("source-drawing")));
        BufferedImage img = source.value().image();
        assertEquals(28, img.getWidth());
        assertEquals(0xffffff, img.getRGB(14, 10) & 0xffffff);
        _click(_get(Button.class, spec -> spec.withId("run")));
        UiQueue.await("the dream to finish", 60, () -> view.runPanel().statusText().startsWith("Done"));
    }
}
