package cnnlab.e2e;

import cnnlab.server.RunningLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.chrome.ChromeDriver;

/** Base of the end-to-end tests: the shared server and one headless Chromium per test class. */
@Tag("e2e")
abstract class BrowserTest {
    static String url;
    static ChromeDriver browser;
    /** Files a test uploads; JUnit deletes the folder afterwards. */
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path files;

    @BeforeAll
    static void start() throws Exception {
        url = RunningLab.url();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        browser = null;
    }
}
