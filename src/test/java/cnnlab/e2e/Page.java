package cnnlab.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What every page object can do on a lab page: read an element's text, click as a person does, hand a file to an
 * upload, wait for what the page should show. The page objects add what a person does on one page, so the tests read
 * as steps ("play K10", "type a sentence") and a changed page is fixed in one place.
 */
abstract class Page {
    final ChromeDriver driver;
    private final Duration patience;

    Page(ChromeDriver driver, Duration patience) {
        this.driver = driver;
        this.patience = patience;
    }

    /** The element's text, even when scrolled out of view (WebElement.getText() answers "" then); "" when absent. */
    String text(String id) {
        Object t = driver.executeScript("const e = document.getElementById(arguments[0]); return e ? e.textContent : ''", id);
        return t == null ? "" : t.toString();
    }

    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Brings the button into view first, as a person scrolls to it, then clicks it. */
    void press(String id) {
        WebElement button = driver.findElement(By.id(id));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    /** Sends a file to a vaadin-upload, as choosing it in the file dialog does. */
    void sendFile(String uploadId, Path file) {
        WebElement input = (WebElement) driver.executeScript("const u = document.getElementById(arguments[0]);"
                + "return u.querySelector('input[type=file]') || u.shadowRoot.querySelector('input[type=file]')", uploadId);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** Pixels of the canvas in this element's shadow root brighter than {@code red} and {@code green}: it was drawn. */
    long litPixels(String id, int red, int green) {
        return ((Number) driver.executeScript("""
                const e = document.getElementById(arguments[0]);
                const c = e && e.shadowRoot && e.shadowRoot.querySelector('canvas');
                if (!c || !c.width) return 0;
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 0; i < px.length; i += 4) if (px[i] > arguments[1] && px[i + 1] > arguments[2]) n++;
                return n;""", id, red, green)).longValue();
    }

    /** Waits until the page shows what {@code condition} checks; on a timeout the message says what and {@link #state()}. */
    void waitFor(String what, BooleanSupplier condition) {
        new WebDriverWait(driver, patience).withMessage(() -> what + " (" + state() + ")").until(x -> condition.getAsBoolean());
    }

    /** What the page says about itself, for the message of a failed wait. */
    abstract String state();

    void screenshot(String name) {
        Screenshots.take(driver, name);
    }

    void fullPageScreenshot(String name) {
        Screenshots.fullPage(driver, name);
    }
}
