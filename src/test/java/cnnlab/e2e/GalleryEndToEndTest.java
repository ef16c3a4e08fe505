package cnnlab.e2e;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A student saves a dream to the lab gallery in real Chromium, follows the notification's link and finds it there. */
class GalleryEndToEndTest extends BrowserTest {
    @Test
    void aSavedDreamAppearsInTheGalleryWithItsPicture() {
        PicturePage page = new PicturePage(browser).open(url, "dream");
        page.slide("size", 96);
        page.slide("octaves", 1);
        page.slide("steps", 3);
        page.click("run");
        page.waitFor("the dream", () -> page.text("status").startsWith("Done"));
        page.click("save-to-gallery");
        page.waitFor("the dialog", () -> page.hasField("gallery-title"));
        String title = "<i>Cat</i> dream " + UUID.randomUUID().toString().substring(0, 6);
        page.type("gallery-title", title);
        page.screenshot("gallery-save");
        page.click("gallery-save");
        page.waitFor("the notification", () -> page.text("gallery-saved").contains(title));
        assertEquals("Saved to the lab gallery as '" + title + "'.", page.text("gallery-saved"));

        page.click("gallery-open");
        GalleryPage gallery = new GalleryPage(browser).awaitCards();
        assertEquals(title, gallery.newestTitle(), "newest first, as text");
        gallery.waitFor("the picture to load", () -> gallery.newestPictureSide() > 0);
        assertEquals(96, gallery.newestPictureSide());
        assertEquals("200 image/png", gallery.downloadNewest());
        assertEquals(0, gallery.italicsInTitles(), "the title's markup is not rendered");
        gallery.fullPageScreenshot("gallery");
    }
}
