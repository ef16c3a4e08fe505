package cnnlab.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person at real headless Chromium: draws with the mouse, reads the verdict, clears, and a classmate draws too. */
class DigitsEndToEndTest extends BrowserTest {
    @Test
    void drawingAOneWithTheMouseReadsAsOneAndLightsUpTheLayers() {
        DigitsPage page = new DigitsPage(browser).open(url);
        assertEquals(-1, page.topClass(), "an empty pad shows no guess");
        page.drawOne();
        page.waitForVerdict("It's a 1");
        assertEquals(1, page.topClass());
        // a preview may have said "1" first: wait for the verdict on the drawing as it was at pen-up
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> page.lastSentAndShown()[0] == page.lastSentAndShown()[1]);
        assertTrue(page.lastSentAndShown()[0] > 1, "the pad sent previews while drawing, then the drawing at pen-up");
        assertEquals("It's a 1", page.verdict());
        assertTrue(page.inkOnPad() > 1000, "the stroke is drawn on the pad");
        assertTrue(page.litPixels("network-input") > 20, "the 28x28 input is shown");
        for (String layer : new String[]{"layer-conv1", "layer-pool1", "layer-conv2", "layer-pool2", "layer-dense", "layer-output"}) {
            assertTrue(page.litPixels(layer) > 0, layer + " shows activations");
        }
        page.clickFirstMap("layer-conv2");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> page.filterActivation().startsWith("a^0 = sum"));
        assertTrue(page.litPixels("filter-weights") > 0, "the filter's weights are drawn");
        // the hovered map's tooltip is built in the browser from a template and the server's numbers: same value
        java.util.regex.Matcher tip = java.util.regex.Pattern.compile("conv2 map 0 \\(filter 0\\): a = sum of a_ij = (\\d+\\.\\d\\d)")
                .matcher(page.mapTooltip("layer-conv2"));
        assertTrue(tip.matches(), "tooltip: " + page.mapTooltip("layer-conv2"));
        double panel = Double.parseDouble(page.filterActivation().replaceAll(".*= ", ""));
        assertEquals(panel, Double.parseDouble(tip.group(1)), 0.006, "tooltip and filter panel show the same a^0");
        page.screenshot("digits-one");

        page.clear();
        page.waitForVerdict("Draw a digit from 0 to 9 in the box");
        assertEquals(-1, page.topClass(), "clear empties the chart");
        assertEquals("–", page.probabilityText(1));
        assertEquals(0, page.inkOnPad());
        assertEquals(0, page.litPixels("layer-conv2"), "clear empties the layer pictures");
    }

    @Test
    void drawingAClosedLoopReadsAsZero() {
        DigitsPage page = new DigitsPage(browser).open(url);
        page.drawZero();
        page.waitForVerdict("It's a 0");
        assertEquals(0, page.topClass());
        assertTrue(page.pushUsesWebSocket(), "server push reaches the page over a WebSocket");
        page.clickFirstMap("layer-conv2");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> page.filterActivation().startsWith("a^0 = sum"));
        page.fullPageScreenshot("digits-zero");   // last: the README's screenshot
    }

    @Test
    void undoRemovesTheLastStroke() {
        DigitsPage page = new DigitsPage(browser).open(url);
        page.drawOne();
        page.waitForVerdict("It's a 1");
        page.stroke(new int[][]{{-60, -60}, {60, -60}});   // a bar across the top
        assertEquals(2, page.strokesOnPad());
        page.undo();
        page.waitForStrokes(1);   // only the last stroke goes
        page.waitForVerdict("It's a 1");
        page.undo();
        page.waitForStrokes(0);
        page.waitForVerdict("Draw a digit from 0 to 9 in the box");
    }

    @Test
    void twoStudentsDrawingAtTheSameTimeEachGetTheirOwnAnswer() throws Exception {
        ChromeDriver second = Browser.start();
        ExecutorService students = Executors.newFixedThreadPool(2);   // both draw at the same time
        try {
            DigitsPage alice = new DigitsPage(browser).open(url);
            DigitsPage bob = new DigitsPage(second).open(url);
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drawAgainAndAgain(alice, alice::drawOne, "It's a 1"), students);
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drawAgainAndAgain(bob, bob::drawZero, "It's a 0"), students);
            CompletableFuture.allOf(a, b).get(120, TimeUnit.SECONDS);
            assertEquals("It's a 1", alice.waitForVerdict("It's a 1"));
            assertEquals("It's a 0", bob.waitForVerdict("It's a 0"));
        } finally {
            students.shutdownNow();
            second.quit();
        }
    }

    /** Draws, reads the verdict and clears three times, then draws once more and leaves it. */
    private static void drawAgainAndAgain(DigitsPage page, Runnable draw, String verdict) {
        for (int i = 0; i < 3; i++) {
            draw.run();
            page.waitForVerdict(verdict);
            page.clear();
            page.waitForVerdict("Draw a digit from 0 to 9 in the box");
        }
        draw.run();
    }
}
