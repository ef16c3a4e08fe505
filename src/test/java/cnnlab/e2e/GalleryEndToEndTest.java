package cnnlab.e2e;

import org.openqa.selenium.By;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        page.waitFor("the dialog", () -> !browser.findElements(By.cssSelector("#gallery-title input")).isEmpty());
        String title = "<i>Cat</i> dream " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.cssSelector("#gallery-title input")).sendKeys(title);
        Screenshots.take(browser, "gallery-save");
        page.click("gallery-save");
        page.waitFor("the notification", () -> String.valueOf(page.text("gallery-saved")).contains(title));
        assertEquals("Saved to the lab gallery as '" + title + "'.", page.text("gallery-saved"));

        page.click("gallery-open");
        page.waitFor("the gallery page", () -> !browser.findElements(By.cssSelector(".lab-gallery-card")).isEmpty());
        assertEquals(title, browser.findElement(By.cssSelector(".lab-gallery-card .lab-gallery-title")).getText(), "newest first, as text");
        page.waitFor("the picture to load", () -> ((Number) browser.executeScript(
                "return document.querySelector('.lab-gallery-card img').naturalWidth")).intValue() > 0);
        assertEquals(96L, ((Number) browser.executeScript("const i = document.querySelector('.lab-gallery-card img');"
                + "return Math.max(i.naturalWidth, i.naturalHeight)")).longValue());
        Object download = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('.lab-gallery-card .lab-gallery-download').href)"
                + ".then(r => done(r.status + ' ' + r.headers.get('content-type'))).catch(e => done(String(e)))");
        assertEquals("200 image/png", download);
        assertTrue(browser.findElements(By.cssSelector(".lab-gallery-card i")).isEmpty(), "the title's markup is not rendered");
        Screenshots.fullPage(browser, "gallery");
    }
}
