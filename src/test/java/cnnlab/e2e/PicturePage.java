package cnnlab.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.Duration;

/** The Deep Dream and Deep Style pages as a person uses them: pick or upload pictures, set sliders, run, stop. */
final class PicturePage extends Page {
    PicturePage(ChromeDriver d) {
        super(d, Duration.ofSeconds(90));
    }

    PicturePage open(String url, String route) {
        driver.get(url + route);
        waitFor("the page", () -> has("status") && driver.findElements(By.id("run")).size() == 1);
        return this;
    }

    String src(String id) {
        return (String) driver.executeScript("return document.getElementById(arguments[0]).src", id);
    }

    /** Sends a file to the upload of one picker ("source", "content", "style"). */
    void upload(String picker, Path file) {
        sendFile(picker + "-upload", file);
    }

    /** Moves a range slider and lets go of it (the 'change' event the server listens to). */
    void slide(String id, double value) {
        driver.executeScript("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}))", id, String.valueOf(value));
    }

    /** A Vaadin text field is there and ready to type in (its inner input exists). */
    boolean hasField(String fieldId) {
        return !driver.findElements(By.cssSelector("#" + fieldId + " input")).isEmpty();
    }

    /** Types into a Vaadin text field (its inner input). */
    void type(String fieldId, String text) {
        driver.findElement(By.cssSelector("#" + fieldId + " input")).sendKeys(text);
    }

    void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    @Override
    String state() {
        return "status: " + text("status") + ", notice: " + text("notice");
    }
}
