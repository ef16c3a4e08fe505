package cnnlab.e2e;

import cnnlab.Lab;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person at real headless Chromium watching gradient ascent paint: frames arrive live, Stop stops, leaving frees. */
class FeaturesEndToEndTest extends BrowserTest {
    private static void waitForNoRunningJobs(FeaturesPage page) {
        page.waitUntil("no visualisation running on the server", () -> Lab.current().longJobs().running() == 0);
    }

    @Test
    void framesArriveLiveAndStopStopsThem() {
        FeaturesPage page = new FeaturesPage(browser);
        page.open(url, "steps=2000&seed=4242&units=0-11");
        // several different pictures reach the browser while it runs
        Set<String> frames = new LinkedHashSet<>();
        long end = System.currentTimeMillis() + 20_000;
        while (frames.size() < 5 && System.currentTimeMillis() < end) {
            String p = page.pictures();
            if (!p.isEmpty()) frames.add(p);
            sleep(20);
        }
        assertTrue(frames.size() >= 5, "at least 5 different frames arrived, got " + frames.size());
        int changes = page.framesDuring(3000);   // a measurement for the notes, not a timed assertion
        System.out.printf("frame rate seen in the browser: %.1f frames/s (12 conv2 filters)%n", changes / 3.0);
        assertTrue(page.status().startsWith("Running"), page.status());
        assertTrue(page.litPixels() > 1000, "the pictures are drawn on the canvas");
        assertTrue(page.currentUrl().contains("seed=4242") && page.currentUrl().contains("layer=conv2"),
                "the URL holds the settings: " + page.currentUrl());

        page.stop();
        page.waitUntil("stopped", () -> page.status().startsWith("Stopped"));
        double at = page.progress();
        String picture = page.pictures();
        sleep(1500);
        assertEquals(at, page.progress(), "the progress bar stays where it stopped");
        assertEquals(picture, page.pictures(), "no more frames after Stop");
        assertTrue(at > 0 && at < 1);
        assertTrue(page.enabled("resume"));
        assertFalse(page.enabled("stop"));

        page.resume();
        page.waitUntil("running on", () -> page.progress() > at);
        page.stop();
        page.waitUntil("stopped again", () -> page.status().startsWith("Stopped"));
        waitForNoRunningJobs(page);
    }

    @Test
    void theLecturesClassPicturesFinishAndAreReadAsTheirClasses() {
        FeaturesPage page = new FeaturesPage(browser);
        page.open(url, "layer=output&measure=logit&units=0-9&l1=0.05&compare=true&steps=200&seed=1");
        page.waitUntil("done", () -> page.status().startsWith("Done"));
        assertEquals(1.0, page.progress(), 1e-9);
        page.fullPageScreenshot("features-classes");
        String png = page.download("grid-png"), gif = page.download("gif"), one = page.download("picture-png");
        assertTrue(png.startsWith("89504e47:"), "the grid downloads as a PNG: " + png);
        assertTrue(one.startsWith("89504e47:"), "one picture downloads as a PNG: " + one);
        assertTrue(gif.startsWith("47494638:"), "the animation downloads as a GIF: " + gif);
        assertTrue(Integer.parseInt(gif.split(":")[1]) > Integer.parseInt(png.split(":")[1]), "the GIF holds many frames");
        page.open(url, "");
        page.waitUntil("the lecture's filters", () -> page.status().startsWith("Done"));
        page.fullPageScreenshot("features");   // the README's screenshot
    }

    @Test
    void aDrawingFromTheDigitsPageIsTheStartOfAscent() {
        DigitsPage digits = new DigitsPage(browser).open(url);
        digits.drawOne();
        digits.waitForVerdict("It's a 1");
        browser.findElement(org.openqa.selenium.By.id("morph")).click();
        FeaturesPage page = new FeaturesPage(browser);
        page.waitUntil("the features page runs from the drawing", () -> page.status().startsWith("Done"));
        assertTrue(page.status().contains("10 pictures of output classes"), page.status());
        assertTrue(page.currentUrl().contains("start=drawing"), page.currentUrl());
        Object notice = browser.executeScript("const n = document.getElementById('notice'); return n && n.offsetParent ? n.textContent : ''");
        assertEquals("", notice, "no complaint: the drawing was there");
    }

    @Test
    void closingTheTabCancelsItsJob() {
        FeaturesPage page = new FeaturesPage(browser);
        String home = browser.getWindowHandle();
        waitForNoRunningJobs(page);
        browser.switchTo().newWindow(WindowType.TAB);
        page.open(url, "steps=2000&seed=777&layer=dense&units=0-49");
        page.waitUntil("its job runs on the server", () -> Lab.current().longJobs().running() == 1);
        long closed = System.currentTimeMillis();
        browser.close();
        browser.switchTo().window(home);
        waitForNoRunningJobs(page);
        long freed = System.currentTimeMillis() - closed;
        System.out.println("job freed " + freed + " ms after its tab closed");
        assertTrue(freed < 5_000, "freed within a few seconds, took " + freed + " ms");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
