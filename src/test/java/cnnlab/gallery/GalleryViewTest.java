package cnnlab.gallery;

import cnnlab.Lab;
import cnnlab.ui.UiQueue;
import cnnlab.ui.ViewTest;
import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gallery page without a browser, and saving from the features page (its link keeps the settings). */
class GalleryViewTest extends ViewTest {
    @TempDir
    Path dir;

    GalleryViewTest() {
        super(GalleryView.class);
    }

    private static List<String> cardTitles(GalleryView view) {
        return _find(view, GalleryCard.class).stream().map(c -> _get(c, H4.class).getText()).toList();
    }

    @Test
    void savedPicturesAreCardsNewestFirstWithTitlesAsText() {
        GalleryService gallery = GalleryService.open(dir);
        gallery.save(new Submission("first", "", Kind.FEATURES, "2 pictures of conv2 filters", "features?units=0-1", TestPictures.png(1)), TestPictures.anyone());
        gallery.save(new Submission("<img src=x onerror=alert(1)> & co", "Ana", Kind.STYLE, "tubingen in the style of starry night",
                "style", TestPictures.png(2)), TestPictures.anyone());
        GalleryView view = new GalleryView(gallery);
        assertEquals(List.of("<img src=x onerror=alert(1)> & co", "first"), cardTitles(view));
        GalleryCard newest = _find(view, GalleryCard.class).get(0);
        assertTrue(_get(newest, H4.class).getElement().getChildren().allMatch(e -> e.isTextNode()), "the title is a text node, not markup");
        assertEquals("style", _get(newest, Anchor.class, spec -> spec.withText("Deep Style")).getHref());
        assertTrue(_find(newest, Paragraph.class).stream().anyMatch(p -> p.getText().endsWith(" · by Ana")));
        assertEquals("<img src=x onerror=alert(1)> & co", _get(newest, Image.class).getAlt().orElseThrow());
        assertFalse(_get(newest, Image.class).getSrc().isEmpty());
        assertEquals("Download PNG", _get(newest, Anchor.class, spec -> spec.withClasses("lab-gallery-download")).getText());
        GalleryCard older = _find(view, GalleryCard.class).get(1);
        assertEquals("features?units=0-1", _get(older, Anchor.class, spec -> spec.withText("What does it learn?")).getHref());
        assertEquals("2 pictures", _get(view, Span.class, spec -> spec.withId("gallery-count")).getText());
        assertTrue(_find(view, Paragraph.class, spec -> spec.withId("gallery-empty")).isEmpty(), "no empty-gallery text (it is hidden)");
        assertTrue(_find(view, Button.class, spec -> spec.withId("gallery-more")).isEmpty(), "no 'Show more' (it is hidden)");
    }

    @Test
    void anEmptyGallerySaysHowToFillIt() {
        GalleryView view = new GalleryView(GalleryService.open(dir));
        assertTrue(_get(view, Paragraph.class, spec -> spec.withId("gallery-empty")).isVisible());
        assertTrue(_get(view, Paragraph.class, spec -> spec.withId("gallery-empty")).getText().contains("Save to gallery"));
        assertEquals("0 pictures", _get(view, Span.class, spec -> spec.withId("gallery-count")).getText());
        assertTrue(_find(view, GalleryCard.class).isEmpty());
    }

    @Test
    void aLongGalleryShowsAPageAtATime() {
        GalleryService gallery = GalleryService.open(dir);
        int n = GalleryView.PAGE + 6;
        for (int i = 0; i < n; i++) gallery.save(TestPictures.submission("picture " + i, i), TestPictures.anyone());
        GalleryView view = new GalleryView(gallery);
        assertEquals(GalleryView.PAGE, _find(view, GalleryCard.class).size());
        assertEquals("picture " + (n - 1), cardTitles(view).get(0));
        Button more = _get(view, Button.class, spec -> spec.withId("gallery-more"));
        assertTrue(more.isVisible());
        _click(more);
        assertEquals(n, _find(view, GalleryCard.class).size());
        assertEquals("picture 0", cardTitles(view).get(n - 1));
        assertFalse(more.isVisible());
    }

    @Test
    void anAdminRemovesAPictureAfterConfirming() {
        GalleryService gallery = GalleryService.open(dir);
        GalleryEntry gone = gallery.save(TestPictures.submission("does not belong", 1), TestPictures.anyone());
        gallery.save(TestPictures.submission("stays", 2), TestPictures.anyone());
        GalleryView view = new GalleryView(gallery);   // Karibu's request comes from the server machine: an admin's
        UI.getCurrent().add(view);
        GalleryCard card = _find(view, GalleryCard.class).stream().filter(c -> gone.id().equals(c.getElement().getAttribute("data-id"))).findFirst().orElseThrow();
        _click(_get(card, Button.class, spec -> spec.withText("Remove")));
        Dialog confirm = _get(Dialog.class);
        assertTrue(confirm.isOpened());
        _click(_get(confirm, Button.class, spec -> spec.withText("Cancel")));
        assertEquals(2, gallery.count(), "cancel keeps it");
        assertTrue(_find(Dialog.class).isEmpty(), "a closed dialog leaves the page");
        _click(_get(card, Button.class, spec -> spec.withText("Remove")));
        _click(_get(Button.class, spec -> spec.withId("gallery-remove-confirm")));
        UiQueue.await("the removal", 10, () -> cardTitles(view).equals(List.of("stays")));
        assertEquals(1, gallery.count());
        assertTrue(gallery.entry(gone.id()).isEmpty());
        assertEquals("1 picture", _get(view, Span.class, spec -> spec.withId("gallery-count")).getText());
    }

    @Test
    void anAdminRemovesAllPicturesByOneStudentAfterConfirming() throws Exception {
        GalleryService gallery = GalleryService.open(dir);
        Saver flooder = Saver.session("flooder", "192.0.2.7");
        for (int i = 0; i < 3; i++) gallery.save(TestPictures.submission("flood " + i, i), flooder);
        gallery.save(TestPictures.submission("stays", 10), Saver.session("student", "192.0.2.8"));
        GalleryEntry last = gallery.save(TestPictures.submission("flood 3", 3), flooder);
        GalleryView view = new GalleryView(gallery);
        UI.getCurrent().add(view);
        GalleryCard card = _find(view, GalleryCard.class).stream().filter(c -> last.id().equals(c.getElement().getAttribute("data-id"))).findFirst().orElseThrow();
        _click(_get(card, Button.class, spec -> spec.withText("Remove all by this student")));
        Dialog confirm = _get(Dialog.class);
        assertEquals("The 4 pictures saved by " + Saver.describe(flooder.key()) + " go from the lab gallery for everyone. This cannot be undone.",
                _get(confirm, Paragraph.class).getText());
        _click(_get(confirm, Button.class, spec -> spec.withText("Cancel")));
        assertEquals(5, gallery.count(), "cancel keeps them");
        _click(_get(card, Button.class, spec -> spec.withText("Remove all by this student")));
        _click(_get(Button.class, spec -> spec.withId("gallery-remove-all-confirm")));
        UiQueue.await("the removal", 10, () -> cardTitles(view).equals(List.of("stays")));
        assertEquals(1, gallery.count());
        assertEquals("1 picture", _get(view, Span.class, spec -> spec.withId("gallery-count")).getText());
        try (var files = java.nio.file.Files.list(dir.resolve(GalleryService.PICTURES))) {
            assertEquals(1, files.count(), "their picture files are gone too");
        }
    }

    @Test
    void aStudentGetsNoAdminControls() {
        GalleryService gallery = GalleryService.open(dir);
        gallery.save(TestPictures.submission("a dream", 1), Saver.session("someone", "192.0.2.7"));
        String server = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr("192.0.2.8");   // a student's machine, login off
        try {
            GalleryView view = new GalleryView(gallery);
            assertEquals(1, _find(view, GalleryCard.class).size());
            assertTrue(_find(view, Button.class, spec -> spec.withText("Remove")).isEmpty());
            assertTrue(_find(view, Button.class, spec -> spec.withText("Remove all by this student")).isEmpty());
        } finally {
            FakeHttpEnvironment.INSTANCE.setRemoteAddr(server);
        }
    }

    @Test
    void theSideNavigationLeadsHere() {
        SideNavItem item = _find(SideNavItem.class).stream().filter(i -> "Lab gallery".equals(i.getLabel())).findFirst().orElseThrow();
        assertEquals("gallery", item.getPath());
    }

    @Test
    void aVisualisationIsSavedWithALinkToItsSettings() throws Exception {
        UI.getCurrent().navigate("features", QueryParameters.fromString("units=0-1&steps=3&seed=4242"));
        Button save = _get(SaveToGallery.class);
        Span status = _get(Span.class, spec -> spec.withId("status"));
        UiQueue.await("the visualisation", 60, () -> status.getText().startsWith("Done"));
        assertTrue(save.isEnabled());
        _click(save);
        String title = "Two filters " + UUID.randomUUID();
        _setValue(_get(TextField.class, spec -> spec.withId("gallery-title")), title);
        _click(_get(Button.class, spec -> spec.withId("gallery-save")));
        UiQueue.await("the save", 30, () -> !_find(Span.class, spec -> spec.withId("gallery-saved")).isEmpty());
        assertTrue(_find(Dialog.class).stream().noneMatch(Dialog::isOpened));

        GalleryEntry e = Lab.current().gallery().list(0, 1).get(0);
        assertEquals(title, e.title());
        assertEquals(Kind.FEATURES, e.kind());
        assertTrue(e.link().startsWith("features?") && e.link().contains("units=0-1") && e.link().contains("seed=4242"), e.link());
        assertEquals("2 pictures of conv2 filters · step 3 / 3", e.details());
        byte[] png = Lab.current().gallery().image(e.id()).orElseThrow();
        assertEquals(e.width(), TestPictures.decode(png).getWidth());
    }
}
