package cnnlab.e2e;

import cnnlab.speech.ShippedClips;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person at headless Chromium on the speech page: picks a clip, uploads a WAV, records from a (fake) microphone. */
class SpeechEndToEndTest extends BrowserTest {
    private static Path clip(String prefix) throws Exception {
        return ShippedClips.all().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void uploadingAWavShowsItsSpectrogramAndTheDigit() throws Exception {
        SpeechPage page = new SpeechPage(browser).open(url);
        page.uploadWav(Files.copy(clip("4_george"), files.resolve("four.wav")));
        page.waitFor("four.wav's reading", () -> page.status().startsWith("Showing four.wav"));
        assertEquals("\"4\"", page.verdict());
        assertTrue(page.litPixels("spectrogram") > 2000, "the spectrogram is drawn");
        assertTrue(page.comparison().contains("frequency only"), "the comparison table is there");
        page.fullPageScreenshot("speech");

        page.uploadWav(Files.writeString(files.resolve("notes.wav"), "just text"));
        page.waitFor("the refusal", () -> page.status().contains("not a WAV file"));
    }

    @Test
    void aBuiltInClipIsOneClickAway() {
        SpeechPage page = new SpeechPage(browser).open(url);
        page.pickClip(6);
        page.waitFor("clip 6's reading", () -> page.status().startsWith("Showing built-in clip 6"));
        assertEquals("\"6\"", page.verdict());
        assertTrue(page.litPixels("filter-response") > 100, "the filter's response is drawn");
    }

    @Test
    void recordingFromTheMicrophone() throws Exception {
        Path seven = clip("7_jackson");
        ChromeDriver d = Browser.start("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + seven.toAbsolutePath() + "%noloop");
        try {
            SpeechPage page = new SpeechPage(d).open(url);
            page.record();
            page.waitFor("the recording's reading", () -> page.status().startsWith("Showing your recording"));
            String verdict = page.verdict();
            System.out.println("fake microphone (7_jackson): heard " + verdict);
            assertTrue(verdict.matches("\"\\d\""), "a digit is predicted: " + verdict);
            assertTrue(page.litPixels("spectrogram") > 500, "the recording's spectrogram is drawn");
        } finally {
            d.quit();
        }
    }

    @Test
    void uploadsPastTheLimitAreRefusedWhileTheyStreamAndThePageSaysSo() throws Exception {
        // issue 19: the page's uploads took any body into memory (400 MB raised RSS 0.7 -> 2.0 GB; 600 MB ended a 2 GB JVM)
        SpeechPage page = new SpeechPage(browser).open(url);
        long sixtyMegabytes = 60L << 20;
        // a script posts 60 MB to the file upload without saying its size (chunked): the server has to count as it reads
        UploadTarget.Answer file = UploadTarget.of(browser, "upload").post("huge.wav", "RIFF".getBytes(StandardCharsets.US_ASCII),
                sixtyMegabytes, UploadTarget.Framing.CHUNKED);
        System.out.println("60 MB, chunked, to the speech page's upload: " + file);
        assertTrue(file.status() == 413 || file.status() == -1, "refused, or cut off: " + file);
        // it reads 10 MB and a byte; what else was sent by the answer sat in the two sockets' buffers
        assertTrue(file.sentBeforeAnswer() < 30L << 20, "the server stopped reading long before 60 MB: " + file.sentBeforeAnswer());
        page.waitFor("the page to say so", () -> page.status().equals("That file is larger than 10 MB."));

        // the microphone's upload, told the size first: refused before any of the body is sent
        UploadTarget.Answer recording = UploadTarget.of(browser, "recorder").post("recording.wav", new byte[0], sixtyMegabytes,
                UploadTarget.Framing.ASK_FIRST);
        assertEquals(413, recording.status(), recording.toString());
        assertEquals(0, recording.sentBeforeAnswer());
        assertEquals("That recording is larger than 10 MB.", recording.body());
        page.waitFor("the page to say so", () -> page.status().equals("That recording is larger than 10 MB."));

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "the server still answers");
        page.uploadWav(Files.copy(clip("4_george"), files.resolve("four.wav")));
        page.waitFor("four.wav's reading", () -> page.status().startsWith("Showing four.wav"));
    }
}
