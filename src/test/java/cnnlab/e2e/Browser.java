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
        ChromeDriver driver = new ChromeDriver(service, o);
        PROFILES.put(driver, profile);
        return driver;
    }

    private static final java.util.Map<ChromeDriver, Path> PROFILES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Kills this browser as a crash or a pulled plug would: SIGKILL to its main process and every process it started,
     * so nothing says goodbye to the server. Its chromedriver is left to the caller's {@code quit()}.
     */
    static void kill(ChromeDriver driver) {
        String marker = "--user-data-dir=" + PROFILES.get(driver);
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(p -> {
                    all.add(p);
                    p.descendants().forEach(all::add);
                });
        if (all.isEmpty()) throw new IllegalStateException("no Chromium process found with " + marker);
        all.forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a profile left in /tmp is harmless
        }
    }
}
