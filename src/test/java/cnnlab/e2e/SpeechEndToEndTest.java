package cnnlab.e2e;

import cnnlab.speech.ShippedClips;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person at headless Chromium on the speech page: picks a clip, uploads a WAV, records from a (fake) microphone. */
class SpeechEndToEndTest extends BrowserTest {
    private static Path clip(String prefix) throws Exception {
        return ShippedClips.all().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static String text(ChromeDriver d, String id) {
        Object t = d.executeScript("const e = document.getElementById(arguments[0]); return e ? e.textContent : ''", id);
        return t == null ? "" : t.toString();
    }

    private static void open(ChromeDriver d) {
        d.get(url + "speech");
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> text(d, "speech-status").startsWith("Pick a clip"));
    }

    private static long litPixels(ChromeDriver d, String id) {
        return ((Number) d.executeScript("""
                const c = document.getElementById(arguments[0]).shadowRoot.querySelector('canvas');
                if (!c || !c.width) return 0;
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 0; i < px.length; i += 4) if (px[i] > 120 && px[i + 1] > 40) n++;
                return n;""", id)).longValue();
    }

    @Test
    void uploadingAWavShowsItsSpectrogramAndTheDigit() throws Exception {
        open(browser);
        WebElement input = (WebElement) browser.executeScript(
                "return document.getElementById('upload').querySelector('input[type=file]') || document.getElementById('upload').shadowRoot.querySelector('input[type=file]')");
        Path four = Files.copy(clip("4_george"), files.resolve("four.wav"));
        input.sendKeys(four.toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "status: " + text(browser, "speech-status")
                + " / upload: " + browser.executeScript("return document.getElementById('upload').files.map(f => f.status + ' ' + f.error + ' ' + f.progress).join(';')"))
                .until(d -> text(browser, "speech-status").startsWith("Showing four.wav"));
        assertEquals("\"4\"", text(browser, "speech-verdict"));
        assertTrue(litPixels(browser, "spectrogram") > 2000, "the spectrogram is drawn");
        assertTrue(text(browser, "comparison").contains("frequency only"), "the comparison table is there");
        Screenshots.fullPage(browser, "speech");

        Path notes = Files.writeString(files.resolve("notes.wav"), "just text");
        input = (WebElement) browser.executeScript(
                "return document.getElementById('upload').querySelector('input[type=file]') || document.getElementById('upload').shadowRoot.querySelector('input[type=file]')");
        input.sendKeys(notes.toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text(browser, "speech-status").contains("not a WAV file"));
    }

    @Test
    void aBuiltInClipIsOneClickAway() {
        open(browser);
        browser.findElement(By.id("clip-6")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text(browser, "speech-status").startsWith("Showing built-in clip 6"));
        assertEquals("\"6\"", text(browser, "speech-verdict"));
        assertTrue(litPixels(browser, "filter-response") > 100, "the filter's response is drawn");
    }

    @Test
    void recordingFromTheMicrophone() throws Exception {
        Path seven = clip("7_jackson");
        ChromeDriver d = Browser.start("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + seven.toAbsolutePath() + "%noloop");
        try {
            open(d);
            SearchContext recorder = d.findElement(By.id("recorder")).getShadowRoot();
            recorder.findElement(By.cssSelector("#record")).click();
            new WebDriverWait(d, Duration.ofSeconds(40)).withMessage(() -> "status: " + text(d, "speech-status") + " / recorder: "
                            + d.executeScript("return document.getElementById('recorder').shadowRoot.getElementById('recorder-message').textContent"))
                    .until(x -> text(d, "speech-status").startsWith("Showing your recording"));
            String verdict = text(d, "speech-verdict");
            System.out.println("fake microphone (7_jackson): heard " + verdict);
            assertTrue(verdict.matches("\"\\d\""), "a digit is predicted: " + verdict);
            assertTrue(litPixels(d, "spectrogram") > 500, "the recording's spectrogram is drawn");
        } finally {
            d.quit();
        }
    }

    @Test
    void uploadsPastTheLimitAreRefusedWhileTheyStreamAndThePageSaysSo() throws Exception {
        // issue 19: the page's uploads took any body into memory (400 MB raised RSS 0.7 -> 2.0 GB; 600 MB ended a 2 GB JVM)
        open(browser);
        long sixtyMegabytes = 60L << 20;
        // a script posts 60 MB to the file upload without saying its size (chunked): the server has to count as it reads
        UploadTarget.Answer file = UploadTarget.of(browser, "upload").post("huge.wav", "RIFF".getBytes(StandardCharsets.US_ASCII),
                sixtyMegabytes, UploadTarget.Framing.CHUNKED);
        System.out.println("60 MB, chunked, to the speech page's upload: " + file);
        assertTrue(file.status() == 413 || file.status() == -1, "refused, or cut off: " + file);
        // it reads 10 MB and a byte; what else was sent by the answer sat in the two sockets' buffers
        assertTrue(file.sentBeforeAnswer() < 30L << 20, "the server stopped reading long before 60 MB: " + file.sentBeforeAnswer());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text(browser, "speech-status").equals("That file is larger than 10 MB."));

        // the microphone's upload, told the size first: refused before any of the body is sent
        UploadTarget.Answer recording = UploadTarget.of(browser, "recorder").post("recording.wav", new byte[0], sixtyMegabytes,
                UploadTarget.Framing.ASK_FIRST);
        assertEquals(413, recording.status(), recording.toString());
        assertEquals(0, recording.sentBeforeAnswer());
        assertEquals("That recording is larger than 10 MB.", recording.body());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text(browser, "speech-status").equals("That recording is larger than 10 MB."));

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "the server still answers");
        WebElement input = (WebElement) browser.executeScript(
                "return document.getElementById('upload').querySelector('input[type=file]') || document.getElementById('upload').shadowRoot.querySelector('input[type=file]')");
        input.sendKeys(Files.copy(clip("4_george"), files.resolve("four.wav")).toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text(browser, "speech-status").startsWith("Showing four.wav"));
    }
}
