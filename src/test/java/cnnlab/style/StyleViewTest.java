package cnnlab.style;

import cnnlab.ui.ViewTest;
import cnnlab.Lab;
import cnnlab.vision.ImageSourcePicker;
import cnnlab.ui.UiQueue;
import cnnlab.vision.BuiltInImage;
import cnnlab.vision.RandomTextureNet;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Deep Style page without a browser: built-in pairs with attributions, a small transfer, the losses shown. */
class StyleViewTest extends ViewTest {
    StyleViewTest() {
        super(StyleView.class);
    }

    @Test
    void theBuiltInPairIsShownWithItsAttributions() {
        StyleView view = _get(StyleView.class);
        assertTrue(view.content().value().attribution().contains("Andreas Praefcke, CC BY 3.0"));
        assertTrue(view.style().value().attribution().contains("van Gogh"));
        assertFalse(_get(Anchor.class, spec -> spec.withId("png")).isEnabled(), "nothing to download before a run");
    }

    @Test
    void aSmallTransferRunsAndShowsItsLosses() {
        StyleView view = _get(StyleView.class);
        StyleControls c = view.controls();
        c.network.setValue(Lab.current().style().networks().require(RandomTextureNet.ID));
        c.size.setValue(64.0);
        c.iterations.setValue(10.0);
        BuiltInImage wave = BuiltInImage.byId("great-wave").orElseThrow();
        view.style().choose(new ImageSourcePicker.Choice(wave.title(), wave.attribution(), wave.image()));
        Image picture = _get(Image.class, spec -> spec.withId("style-picture"));
        String before = picture.getSrc();
        _click(_get(Button.class, spec -> spec.withId("run")));
        UiQueue.await("the transfer to finish", 90, () -> view.runPanel().statusText().startsWith("Done"));
        assertEquals("Done: iteration 10 / 10", view.runPanel().statusText());
        assertNotEquals(before, picture.getSrc());
        assertTrue(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("losses")).getText().contains("style "));
        assertTrue(_get(Anchor.class, spec -> spec.withId("png")).isEnabled());
        StyleFrame last = view.runPanel().latest().orElseThrow();
        assertEquals(10, last.history().size());
        assertTrue(last.losses().total() < last.history().get(0).total() || last.history().size() == 1);
    }
}
