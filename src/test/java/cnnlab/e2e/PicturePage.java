package cnnlab.e2e;

import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

/** The Deep Dream and Deep Style pages as a person uses them: pick or upload pictures, set sliders, run, stop. */
final class PicturePage {
    private final ChromeDriver d;

    PicturePage(ChromeDriver d) {
        this.d = d;
    }

    PicturePage open(String url, String route) {
        d.get(url + route);
        waitFor("the page", () -> text("status") != null && d.findElements(org.openqa.selenium.By.id("run")).size() == 1);
        return this;
    }

    String text(String id) {
        Object t = d.executeScript("const e = document.getElementById(arguments[0]); return e ? e.textContent : null", id);
        return t == null ? null : t.toString();
    }

    String src(String id) {
        return (String) d.executeScript("return document.getElementById(arguments[0]).src", id);
    }

    /** Sends a file to the vaadin-upload of one picker, as choosing it in the file dialog does. */
    void upload(String picker, Path file) {
        WebElement input = (WebElement) d.executeScript("const u = document.getElementById(arguments[0]);"
                + "return u.querySelector('input[type=file]') || u.shadowRoot.querySelector('input[type=file]')", picker + "-upload");
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** Moves a range slider and lets go of it (the 'change' event the server listens to). */
    void slide(String id, double value) {
        d.executeScript("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}))", id, String.valueOf(value));
    }

    void click(String id) {
        d.findElement(org.openqa.selenium.By.id(id)).click();
    }

    void waitFor(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(d, Duration.ofSeconds(90)).withMessage(() -> what + " (status: " + text("status") + ", notice: " + text("notice") + ")")
                .until(x -> condition.getAsBoolean());
    }
}
