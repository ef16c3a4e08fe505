package cnnlab.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;

/** Page object for "Text": type a sentence, read the verdict and the n-grams the filters mark. */
final class TextPage extends Page {
    TextPage(ChromeDriver driver) {
        super(driver, Duration.ofSeconds(30));
    }

    TextPage open(String url) {
        driver.get(url + "text");
        waitFor("the prompt", () -> verdict().startsWith("Type a sentence"));
        return this;
    }

    /** Replaces the sentence, key by key as a person types. */
    void type(String sentence) {
        WebElement area = driver.findElement(By.cssSelector("#sentence textarea"));
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        area.sendKeys(sentence);
    }

    /**
     * Waits for the reading of a whole sentence of {@code words} words: the field syncs while typing, so a reading of
     * its first letters may come first.
     */
    void waitForReadingOf(int words) {
        waitFor("the reading of " + words + " words", () -> detail().startsWith(words + " words"));
    }

    String verdict() {
        return text("text-verdict");
    }

    String detail() {
        return text("text-detail");
    }

    String filters() {
        return text("text-filters");
    }

    /** Words the filters mark as positive or negative evidence. */
    long marked() {
        return ((Number) driver.executeScript("return document.querySelectorAll('#text-filters .text-mark-positive, "
                + "#text-filters .text-mark-negative').length")).longValue();
    }

    /** Elements among the filters' n-grams that came from markup typed into the sentence (there must be none). */
    long renderedMarkup() {
        return ((Number) driver.executeScript("return document.querySelectorAll('#text-filters script, #text-filters b').length")).longValue();
    }

    @Override
    String state() {
        return "verdict: " + verdict() + " / detail: " + detail();
    }
}
