package cnnlab.style;

import cnnlab.gallery.GalleryEntry;
import cnnlab.gallery.Kind;
import cnnlab.gallery.SaveToGallery;
import cnnlab.gallery.TestPictures;
import cnnlab.Lab;
import cnnlab.ui.UiQueue;
import cnnlab.ui.ViewTest;
import cnnlab.vision.RandomTextureNet;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Save to gallery" on the Deep Style page saves the picture of the run, named after the pictures it started from. */
class StyleSaveToGalleryTest extends ViewTest {
    StyleSaveToGalleryTest() {
        super(StyleView.class);
    }

    @Test
    void theStylisedPictureIsSavedWithThePicturesItCameFrom() throws Exception {
        StyleView view = _get(StyleView.class);
        StyleControls c = view.controls();
        c.network.setValue(Lab.current().style().networks().require(RandomTextureNet.ID));
        c.size.setValue(64.0);
        c.iterations.setValue(10.0);   // the slider's least
        Button save = _get(SaveToGallery.class);
        assertFalse(save.isEnabled());
        String pictures = view.content().value().label() + " in the style of " + view.style().value().label();
        _click(_get(Button.class, spec -> spec.withId("run")));
        UiQueue.await("the transfer", 90, () -> view.runPanel().statusText().startsWith("Done"));
        assertTrue(save.isEnabled());
        _click(save);
        _setValue(_get(TextField.class, spec -> spec.withId("gallery-title")), "Tübingen, starry");
        _click(_get(Button.class, spec -> spec.withId("gallery-save")));
        UiQueue.await("the save", 30, () -> !_find(Span.class, spec -> spec.withId("gallery-saved")).isEmpty());

        GalleryEntry e = Lab.current().gallery().list(0, 1).get(0);
        assertEquals("Tübingen, starry", e.title());
        assertEquals(Kind.STYLE, e.kind());
        assertEquals(pictures + " · " + RandomTextureNet.ID + " · iteration 10 / 10", e.details());
        StyleFrame last = view.runPanel().latest().orElseThrow();
        BufferedImage img = TestPictures.decode(Lab.current().gallery().image(e.id()).orElseThrow());
        assertEquals(last.picture().width(), img.getWidth());
        assertEquals(last.picture().height(), img.getHeight());
    }
}
