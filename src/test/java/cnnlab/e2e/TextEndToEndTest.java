package cnnlab.e2e;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person at headless Chromium on the text page: types sentences, watches the verdict flip, pastes markup. */
class TextEndToEndTest extends BrowserTest {
    @Test
    void typingFlipsTheVerdictAndHighlightsTheNgrams() {
        TextPage page = new TextPage(browser).open(url);
        page.type("a gorgeous , witty and deeply moving film");
        page.waitForReadingOf(8);
        assertTrue(page.verdict().startsWith("positive"), page.verdict());
        assertTrue(page.marked() > 0, "n-grams are highlighted");
        page.fullPageScreenshot("text");

        page.type("a dull , lifeless and predictable mess");
        page.waitForReadingOf(7);
        assertTrue(page.verdict().startsWith("negative"), page.verdict());
        assertTrue(page.marked() > 0);

        page.type("<script>window.injected = 1</script> <b>bold</b> claims");
        page.waitFor("the marked-up sentence's reading", () -> page.filters().contains("bold"));
        assertEquals(0L, page.renderedMarkup());
        assertEquals(Boolean.TRUE, browser.executeScript("return window.injected === undefined"));
    }
}
