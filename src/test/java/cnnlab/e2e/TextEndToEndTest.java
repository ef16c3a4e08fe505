package cnnlab.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person at headless Chromium on the text page: types sentences, watches the verdict flip, pastes markup. */
class TextEndToEndTest extends BrowserTest {
    private static String text(ChromeDriver d, String id) {
        Object t = d.executeScript("const e = document.getElementById(arguments[0]); return e ? e.textContent : ''", id);
        return t == null ? "" : t.toString();
    }

    private static void type(ChromeDriver d, String sentence) {
        WebElement area = d.findElement(By.cssSelector("#sentence textarea"));
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        area.sendKeys(sentence);
    }

    private static long marked(ChromeDriver d) {
        return ((Number) d.executeScript("return document.querySelectorAll('#text-filters .text-mark-positive, "
                + "#text-filters .text-mark-negative').length")).longValue();
    }

    @Test
    void typingFlipsTheVerdictAndHighlightsTheNgrams() {
        browser.get(url + "text");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(x -> text(browser, "text-verdict").startsWith("Type a sentence"));
        type(browser, "a gorgeous , witty and deeply moving film");
        // the field syncs while typing, so wait for the reading of the whole sentence (8 words), not of its first letters
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> text(browser, "text-detail").startsWith("8 words"));
        assertTrue(text(browser, "text-verdict").startsWith("positive"), text(browser, "text-verdict"));
        assertTrue(marked(browser) > 0, "n-grams are highlighted");
        Screenshots.fullPage(browser, "text");

        type(browser, "a dull , lifeless and predictable mess");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> text(browser, "text-detail").startsWith("7 words"));
        assertTrue(text(browser, "text-verdict").startsWith("negative"), text(browser, "text-verdict"));
        assertTrue(marked(browser) > 0);

        type(browser, "<script>window.injected = 1</script> <b>bold</b> claims");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> text(browser, "text-filters").contains("bold"));
        assertEquals(0L, ((Number) browser.executeScript("return document.querySelectorAll('#text-filters script, #text-filters b').length")).longValue());
        assertEquals(Boolean.TRUE, browser.executeScript("return window.injected === undefined"));
    }
}
