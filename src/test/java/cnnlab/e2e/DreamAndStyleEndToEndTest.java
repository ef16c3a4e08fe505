package cnnlab.e2e;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person at headless Chromium uploads a content and a style picture, watches the transfer paint, stops it; dreams. */
class DreamAndStyleEndToEndTest extends BrowserTest {
    private Path resource(String name, String as) throws Exception {
        Path dir = files;
        try (InputStream in = DreamAndStyleEndToEndTest.class.getResourceAsStream("/cnnlab/art/" + name)) {
            Path p = dir.resolve(as);
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        }
    }

    @Test
    void uploadContentAndStyleThenWatchFramesArriveAndStop() throws Exception {
        PicturePage page = new PicturePage(browser).open(url, "style");
        page.upload("content", resource("chelsea.png", "my-cat.png"));
        page.waitFor("the content upload", () -> page.text("content-caption").startsWith("my-cat.png"));
        page.upload("style", resource("great_wave.jpg", "wave.jpg"));
        page.waitFor("the style upload", () -> page.text("style-caption").startsWith("wave.jpg"));
        page.slide("size", 128);
        page.slide("iterations", 300);
        String before = page.src("style-picture");
        page.click("run");
        Set<String> frames = new HashSet<>();
        page.waitFor("three different frames", () -> {
            String s = page.src("style-picture");
            if (!s.equals(before)) frames.add(s);
            return frames.size() >= 3;
        });
        assertTrue(page.text("status").startsWith("Running: iteration"), page.text("status"));
        Screenshots.fullPage(browser, "style");
        page.click("stop");
        page.waitFor("the stop", () -> page.text("status").startsWith("Stopped"));
        assertTrue(page.text("losses").contains("style"), page.text("losses"));

        Path notes = Files.writeString(files.resolve("notes.png"), "<b>not a picture</b>");
        page.upload("style", notes);
        page.waitFor("a clear message", () -> String.valueOf(page.text("style-problem")).contains("not an image"));
    }

    @Test
    void aDreamAnimatesAndStops() {
        PicturePage page = new PicturePage(browser).open(url, "dream");
        page.slide("size", 192);
        page.slide("steps", 30);
        String before = page.src("dream-picture");
        page.click("run");
        Set<String> frames = new HashSet<>();
        page.waitFor("three different frames", () -> {
            String s = page.src("dream-picture");
            if (!s.equals(before)) frames.add(s);
            return frames.size() >= 3;
        });
        assertTrue(page.text("status").startsWith("Running: octave"), page.text("status"));
        Screenshots.fullPage(browser, "dream");
        page.click("stop");
        page.waitFor("the stop", () -> page.text("status").startsWith("Stopped"));
    }
}
