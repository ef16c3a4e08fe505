package cnnlab.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.Duration;

/** Page object for "Speech": pick a clip, upload a WAV, record; read the status, the verdict and the drawn plots. */
final class SpeechPage extends Page {
    SpeechPage(ChromeDriver driver) {
        super(driver, Duration.ofSeconds(40));   // a recording takes a few seconds before its reading
    }

    SpeechPage open(String url) {
        driver.get(url + "speech");
        waitFor("the prompt", () -> status().startsWith("Pick a clip"));
        return this;
    }

    void uploadWav(Path file) {
        sendFile("upload", file);
    }

    void pickClip(int digit) {
        driver.findElement(By.id("clip-" + digit)).click();
    }

    /** Presses the recorder's own button (inside its shadow root): the browser records from its microphone. */
    void record() {
        driver.findElement(By.id("recorder")).getShadowRoot().findElement(By.cssSelector("#record")).click();
    }

    String status() {
        return text("speech-status");
    }

    String verdict() {
        return text("speech-verdict");
    }

    String comparison() {
        return text("comparison");
    }

    /** Bright, coloured pixels of the spectrogram (or the filter's response) as drawn on its canvas. */
    long litPixels(String plot) {
        return litPixels(plot, 120, 40);
    }

    /** What the browser knows of its uploads: status, error and progress of each file. */
    private String uploads() {
        return String.valueOf(driver.executeScript("const u = document.getElementById('upload');"
                + "return u ? u.files.map(f => f.status + ' ' + f.error + ' ' + f.progress).join(';') : ''"));
    }

    private String recorderMessage() {
        return String.valueOf(driver.executeScript("const r = document.getElementById('recorder');"
                + "return r ? r.shadowRoot.getElementById('recorder-message').textContent : ''"));
    }

    @Override
    String state() {
        return "status: " + status() + " / upload: " + uploads() + " / recorder: " + recorderMessage();
    }
}
