package cnnlab.e2e;

import cnnlab.jobs.LongJobs;
import cnnlab.nn.ShippedModel;
import cnnlab.server.HouseRules;
import cnnlab.Lab;
import cnnlab.server.LabConfig;
import cnnlab.server.LabServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faults of a server that a class shares, in real Chromium: a browser killed mid-animation frees its job; a
 * restarted server, or a session left idle, gives the page a plain message and a fresh session that works.
 */
class SharedServerEndToEndTest extends BrowserTest {
    private static final String SESSION_ENDED = "This page's session has ended";

    @Test
    void aKilledBrowserFreesItsJobWithinSeconds() throws Exception {
        FeaturesPage watcher = new FeaturesPage(browser);
        watcher.waitUntil("no visualisation running on the server", () -> Lab.current().longJobs().running() == 0);
        ChromeDriver doomed = Browser.start();
        try {
            FeaturesPage page = new FeaturesPage(doomed).open(url, FeaturesPage.LONG_JOB + "&seed=31");
            LongJobs.Ticket job = page.waitForItsRunningJob();
            long killed = System.currentTimeMillis();
            Browser.kill(doomed);
            new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage("the killed browser's job ends")
                    .until(d -> job.done().isDone());
            long freed = System.currentTimeMillis() - killed;
            System.out.println("job freed " + freed + " ms after its browser was killed");   // for the notes
            assertTrue(job.cancelled(), "the job was stopped, not left to finish");
            assertTrue(freed < 15_000, "a vanished page is noticed within seconds (3 s after its connection drops), took " + freed + " ms");
        } finally {
            try {
                doomed.quit();
            } catch (RuntimeException gone) {
                // its browser is dead already; quit still ends chromedriver
            }
        }
    }

    @Test
    void aRestartedServerGivesThePageAFreshSessionWithAMessage() throws Exception {
        LabServer first = new LabServer(new LabConfig("127.0.0.1", 0, ShippedModel.MODELS), HouseRules.DEFAULT);
        int port = first.start();
        String base = "http://127.0.0.1:" + port + "/";
        LabServer second = null;
        try {
            DigitsPage page = new DigitsPage(browser).open(base);
            page.drawOne();
            page.waitForVerdict("It's a 1");
            first.close();
            second = new LabServer(new LabConfig("127.0.0.1", port, ShippedModel.MODELS), HouseRules.DEFAULT);
            second.start();
            page.drawOne();   // the student carries on; the page finds its session gone
            String message = waitForSystemMessage();
            assertTrue(message.contains("server was restarted"), message);
            Screenshots.fullPage(browser, "session-ended");
            browser.findElement(By.cssSelector(".v-system-error")).click();   // "click here to continue"
            DigitsPage fresh = new DigitsPage(browser);
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> fresh.verdictOrEmpty().startsWith("Draw"));
            fresh.drawOne();
            assertEquals("It's a 1", fresh.waitForVerdict("It's a 1"), "the fresh session works");
        } finally {
            if (second != null) second.close();
            first.close();
        }
    }

    @Test
    void anIdleSessionIsClosedAndItsJobEnds() throws Exception {
        HouseRules quick = HouseRules.DEFAULT.withIdleTimeout(Duration.ofSeconds(6)).withHeartbeat(Duration.ofSeconds(2));
        LabServer server = new LabServer(new LabConfig("127.0.0.1", 0, ShippedModel.MODELS), quick);
        int port = server.start();
        try {
            FeaturesPage watcher = new FeaturesPage(browser);
            watcher.waitUntil("no visualisation running on the server", () -> Lab.current().longJobs().running() == 0);
            FeaturesPage page = new FeaturesPage(browser).open("http://127.0.0.1:" + port + "/", FeaturesPage.LONG_JOB + "&seed=5");
            LongJobs.Ticket job = page.waitForItsRunningJob();
            long opened = System.currentTimeMillis();
            String message = waitForSystemMessage();   // nobody touches the page: frames keep coming, but that is not activity
            assertTrue(message.contains("idle"), message);
            page.waitUntil("the idle page's job ends", () -> job.done().isDone());
            assertTrue(job.cancelled(), "the job was stopped, not left to finish");
            System.out.println("idle session closed " + (System.currentTimeMillis() - opened) + " ms after the page opened (timeout 6 s)");
        } finally {
            server.close();
        }
    }

    private static String waitForSystemMessage() {
        new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage("Vaadin's session-ended message")
                .until(d -> !d.findElements(By.cssSelector(".v-system-error")).isEmpty()
                        && d.findElement(By.cssSelector(".v-system-error")).getText().contains(SESSION_ENDED));
        return browser.findElement(By.cssSelector(".v-system-error")).getText();
    }
}
