package cnnlab.dream;

import cnnlab.gallery.GalleryEntry;
import cnnlab.gallery.GalleryView;
import cnnlab.gallery.Kind;
import cnnlab.gallery.SaveToGallery;
import cnnlab.gallery.TestPictures;
import cnnlab.Lab;
import cnnlab.ui.UiQueue;
import cnnlab.ui.ViewTest;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.LectureFeatureNet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Save to gallery" on the Deep Dream page: off until there is a dream, a title is required, then it is listed. */
class DreamSaveToGalleryTest extends ViewTest {
    DreamSaveToGalleryTest() {
        super(DreamView.class);
    }

    @Test
    void aDreamIsSavedUnderItsTitleAndListedInTheGallery() throws Exception {
        DreamView view = _get(DreamView.class);
        DreamControls c = view.controls();
        FeatureNetwork net = Lab.current().dream().networks().require(LectureFeatureNet.ID);
        c.network.setValue(net);
        c.layer.setValue(net.layer("conv2"));
        c.size.setValue(64.0);
        c.octaves.setValue(1.0);
        c.steps.setValue(2.0);
        Button save = _get(SaveToGallery.class);
        assertFalse(save.isEnabled(), "nothing to save before a run");

        _click(_get(Button.class, spec -> spec.withId("run")));
        UiQueue.await("the dream", 60, () -> view.runPanel().statusText().startsWith("Done"));
        assertTrue(save.isEnabled());
        int before = Lab.current().gallery().count();

        _click(save);
        TextField title = _get(TextField.class, spec -> spec.withId("gallery-title"));
        _setValue(title, "  \t ");
        _click(_get(Button.class, spec -> spec.withId("gallery-save")));
        assertTrue(title.isInvalid());
        assertEquals("Give the picture a title", title.getErrorMessage());
        assertTrue(_get(Dialog.class).isOpened(), "the dialog stays open");
        assertEquals(before, Lab.current().gallery().count(), "nothing saved");

        String name = "My cat dreams <3 " + UUID.randomUUID().toString().substring(0, 8);
        _setValue(title, "  " + name + "\n");
        _setValue(_get(TextField.class, spec -> spec.withId("gallery-author")), "Bo");
        _click(_get(Button.class, spec -> spec.withId("gallery-save")));
        UiQueue.await("the save", 30, () -> !_find(Span.class, spec -> spec.withId("gallery-saved")).isEmpty());
        assertEquals("Saved to the lab gallery as '" + name + "'.", _get(Span.class, spec -> spec.withId("gallery-saved")).getText());
        assertTrue(_find(Dialog.class).stream().noneMatch(Dialog::isOpened));

        GalleryEntry e = Lab.current().gallery().list(0, 1).get(0);
        assertEquals(name, e.title());
        assertEquals("Bo", e.author());
        assertEquals(Kind.DREAM, e.kind());
        assertEquals("dream", e.link());
        assertTrue(e.details().contains("lecture") && e.details().contains("conv2") && e.details().contains("step 2 / 2"), e.details());
        BufferedImage img = TestPictures.decode(Lab.current().gallery().image(e.id()).orElseThrow());
        assertEquals(64, Math.max(img.getWidth(), img.getHeight()));

        UI.getCurrent().navigate(GalleryView.class);
        assertEquals(name, _find(H4.class).stream().map(H4::getText).filter(t -> t.startsWith("My cat dreams")).findFirst().orElseThrow());
        assertEquals(name, _find(H4.class).get(0).getText(), "the newest first");
    }
}
