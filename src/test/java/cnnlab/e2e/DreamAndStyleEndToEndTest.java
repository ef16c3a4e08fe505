package cnnlab.e2e;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void picturesPostedAtOnceAreTakenOneAtATimeWithoutAServerError() throws Exception {
        // issue 19: 8 parallel 4096 x 4096 uploads to one page got HTTP 500 "Maximum supported amount of uploads" (the
        // Upload component's maxFiles check, fired per request) with a logged stack trace, and decoded on request threads
        PicturePage page = new PicturePage(browser).open(url, "dream");
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4096, 4096, BufferedImage.TYPE_INT_RGB), "png", encoded);
        byte[] png = encoded.toByteArray();
        UploadTarget target = UploadTarget.of(browser, "source-upload");
        List<UploadTarget.Answer> answers = new ArrayList<>();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;   // the server in this JVM logs to it
        System.setErr(new PrintStream(new TeeOutputStream(err, log), true));
        ExecutorService students = Executors.newFixedThreadPool(7);
        try {
            UploadTarget.Post first = target.hold("first.png", png, png.length / 2);   // the rest is still on its way
            List<Future<UploadTarget.Answer>> more = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String name = "more-" + i + ".png";
                more.add(students.submit(() -> target.post(name, png, png.length, UploadTarget.Framing.LENGTH)));
            }
            for (Future<UploadTarget.Answer> f : more) answers.add(f.get());
            answers.add(first.finish());
        } finally {
            students.shutdownNow();
            System.setErr(err);
        }
        for (UploadTarget.Answer a : answers) assertTrue(a.status() == 200 || a.status() == 429, "taken or refused, never a 500: " + answers);
        String oneAtATime = "One file at a time, please: the last one is still being read.";
        assertTrue(answers.stream().anyMatch(a -> a.status() == 429 && a.body().equals(oneAtATime)), answers.toString());
        assertTrue(answers.stream().anyMatch(a -> a.status() == 200), answers.toString());
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace is logged: " + log.toString(StandardCharsets.UTF_8));
        assertEquals(oneAtATime, page.text("source-problem"), "the page said it");
        page.waitFor("a picture, kept at the working size", () -> page.text("source-caption").contains("1024 x 1024"));
    }

    /** Writes to two streams: what the server logs still reaches the test's output. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream a, b;

        TeeOutputStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
