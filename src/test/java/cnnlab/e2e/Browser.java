package cnnlab.e2e;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/** Debian's headless Chromium, driven by its own chromedriver: nothing is downloaded (no network here). */
final class Browser {
    private Browser() { }

    static ChromeDriver start(String... extraArguments) throws IOException {
        ChromeOptions o = new ChromeOptions();
        o.addArguments(extraArguments);
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("cnnlab-chromium"), "--window-size=1400,1000");
        // DevTools network events, read back to check that push runs over a WebSocket
        o.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, o);
    }
}
