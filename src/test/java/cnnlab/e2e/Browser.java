package cnnlab.e2e;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's headless Chromium, driven by its own chromedriver: nothing is downloaded (no network here). */
final class Browser {
    private Browser() { }

    static ChromeDriver start(String... extraArguments) throws IOException {
        ChromeOptions o = new ChromeOptions();
        Path profile = Files.createTempDirectory("cnnlab-chromium");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(profile)));   // Chromium has quit by then
        o.addArguments(extraArguments);
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        // DevTools network events, read back to check that push runs over a WebSocket
        o.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL", "browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, o);
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a profile left in /tmp is harmless
        }
    }
}
