package cnnlab.e2e;

import cnnlab.access.UsersFile;
import cnnlab.jobs.LongJobs;
import cnnlab.nn.ShippedModel;
import cnnlab.server.HouseRules;
import cnnlab.server.Lab;
import cnnlab.server.LabConfig;
import cnnlab.server.LabServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lab with the login on, in real Chromium: a student logs in and works; the admin sees the student's job and cancels it. */
class LoginEndToEndTest extends BrowserTest {
    static LabServer server;
    static String base;
    static Path users;

    @BeforeAll
    static void startWithLogin() throws Exception {
        users = Files.createTempFile("cnnlab-users", ".properties");
        UsersFile.put(users, "ann", "ann-password".toCharArray(), true);
        UsersFile.put(users, "ben", "ben-password".toCharArray(), false);
        for (String name : new String[]{"cy", "dan", "eve"}) UsersFile.put(users, name, (name + "-password").toCharArray(), false);
        server = new LabServer(new LabConfig("127.0.0.1", 0, ShippedModel.MODELS), HouseRules.DEFAULT.withUsers(users));
        base = "http://127.0.0.1:" + server.start() + "/";
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (server != null) server.close();
        Files.deleteIfExists(users);
    }

    private static void logIn(ChromeDriver b, String user, String password) {
        new WebDriverWait(b, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        b.findElement(By.id("username")).sendKeys(user);
        b.findElement(By.id("password")).sendKeys(password);
        b.findElement(By.id("login")).click();
    }

    /** Logs in from the login page and waits for where it leads: "Draw a digit", ready. */
    private static DigitsPage logInToDraw(ChromeDriver b, String user, String password) {
        logIn(b, user, password);
        DigitsPage page = new DigitsPage(b);
        new WebDriverWait(b, Duration.ofSeconds(60)).until(d -> page.verdictOrEmpty().startsWith("Draw"));
        return page;
    }

    private static void waitForTheLoginPage(ChromeDriver b, Duration deadline, String why) {
        try {
            new WebDriverWait(b, deadline).until(d -> d.getCurrentUrl().endsWith("/login.html") && !d.findElements(By.id("username")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(why + ": still at " + b.getCurrentUrl() + ", the page says: " + b.findElement(By.tagName("body")).getText(), e);
        }
    }

    @Test
    void logOutEndsTheSessionAndShowsTheLoginPage() throws Exception {
        ChromeDriver eve = Browser.start();
        try {
            eve.get(base);
            logIn(eve, "eve", "eve-password");
            WebDriverWait wait = new WebDriverWait(eve, Duration.ofSeconds(60));
            wait.until(d -> !d.findElements(By.id("logout")).isEmpty());
            assertEquals("eve", eve.findElement(By.id("user-name")).getText(), "the header says who is logged in");
            Screenshots.take(eve, "logout-button");
            eve.findElement(By.id("logout")).click();
            waitForTheLoginPage(eve, Duration.ofSeconds(30), "Log out should land on the login page");
            eve.get(base);   // the session is gone: the app asks for the login again
            waitForTheLoginPage(eve, Duration.ofSeconds(30), "after logging out the app should ask for a login");
        } finally {
            eve.quit();
        }
    }

    @Test
    void aRemovedStudentsOpenPageEndsOnTheLoginPage() throws Exception {
        ChromeDriver cy = Browser.start();
        try {
            cy.get(base);
            logInToDraw(cy, "cy", "cy-password");
            long t0 = System.nanoTime();
            List<String> others = Files.readAllLines(users).stream().filter(line -> !line.startsWith("cy:")).toList();
            Files.write(users, others);   // as the lab's admin would, by hand
            waitForTheLoginPage(cy, Duration.ofSeconds(60), "cy's open page should end once the users file drops her");
            System.out.printf("cy's open page was on the login page %.1f s after her line was removed%n", (System.nanoTime() - t0) / 1e9);
        } finally {
            cy.quit();
        }
    }

    @Test
    void tooManyWrongPasswordsAreToldToWaitAndTheRightOneWorksAfterwards() throws Exception {
        ChromeDriver dan = Browser.start();
        try {
            dan.get(base);
            WebDriverWait wait = new WebDriverWait(dan, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            String told = null;
            for (int i = 0; i < 15 && told == null; i++) {   // five free tries, then locked out for 1, 2, 4... seconds
                dan.executeScript("window.beforeThisTry = true");   // gone once the answer's page has loaded
                logIn(dan, "dan", "guess-" + i);
                wait.until(d -> dan.executeScript("return window.beforeThisTry === undefined && document.readyState === 'complete'").equals(true)
                        && (d.findElement(By.id("error")).isDisplayed() || d.findElement(By.id("wait")).isDisplayed()));
                if (dan.findElement(By.id("wait")).isDisplayed()) told = dan.findElement(By.id("wait")).getText();
            }
            assertTrue(told != null && told.matches("Too many failed logins for this account or from this computer: try again in \\d+ s\\.?"), told);
            Screenshots.take(dan, "login-throttled");
            int seconds = Integer.parseInt(told.replaceAll("\\D+", ""));
            Thread.sleep((seconds + 1) * 1000L);
            logInToDraw(dan, "dan", "dan-password");
        } finally {
            dan.quit();
        }
    }

    @Test
    void aWrongPasswordIsToldSoAndTheRightOneLetsTheStudentDraw() throws Exception {
        ChromeDriver ben = Browser.start();
        try {
            ben.get(base);
            assertTrue(ben.getCurrentUrl().endsWith("/login.html"), ben.getCurrentUrl());
            logIn(ben, "ben", "guess");
            new WebDriverWait(ben, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)   // the login page reloads
                    .until(d -> d.findElement(By.id("error")).isDisplayed());
            Screenshots.take(ben, "login-failed");
            DigitsPage page = logInToDraw(ben, "ben", "ben-password");
            page.drawOne();
            assertEquals("It's a 1", page.waitForVerdict("It's a 1"));

            ben.get(base + "admin");   // not for students
            try {
                new WebDriverWait(ben, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")).getText().contains("for the lab's admins"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the admin page should be closed to a student, the page says: "
                        + ben.findElement(By.tagName("body")).getText() + " at " + ben.getCurrentUrl(), e);
            }
            assertTrue(ben.findElements(By.id("jobs")).isEmpty());
        } finally {
            ben.quit();
        }
    }

    @Test
    void theAdminSeesAStudentsJobAndCancelsIt() throws Exception {
        ChromeDriver ben = Browser.start(), ann = Browser.start();
        try {
            FeaturesPage watcher = new FeaturesPage(browser);
            watcher.waitUntil("no visualisation running on the server", () -> Lab.current().longJobs().running() == 0);
            // the admin's page is open first, so ben's job is seen however fast this machine finishes it
            ann.get(base + "admin");
            logIn(ann, "ann", "ann-password");
            WebDriverWait wait = new WebDriverWait(ann, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);   // the grids re-render when the queue changes
            wait.until(d -> d.findElement(By.id("jobs")).isDisplayed());

            ben.get(base + "features");
            logIn(ben, "ben", "ben-password");
            // the page opens on the lecture's figure: let that short run end, so the one job below is the long one
            FeaturesPage first = new FeaturesPage(ben);
            first.waitUntil("the lecture's figure is done", () -> first.status().startsWith("Done"));
            FeaturesPage bens = new FeaturesPage(ben).open(base, FeaturesPage.LONG_JOB + "&seed=8");
            LongJobs.Ticket job = bens.waitForItsRunningJob();
            try {
                wait.until(d -> d.findElement(By.id("jobs")).getText().contains("ben, session"));
                wait.until(d -> d.findElement(By.id("sessions")).getText().contains("ben"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the admin page should list ben's job; the server's queue: "
                        + Lab.current().longJobs().tickets().stream().map(t -> t.what() + " of " + t.owner()).toList()
                        + "; the page at " + ann.getCurrentUrl() + " says: " + ann.findElement(By.tagName("body")).getText(), e);
            }
            Screenshots.take(ann, "admin");
            wait.until(d -> {
                d.findElement(By.xpath("//vaadin-grid[@id='jobs']//vaadin-button[contains(., 'Cancel')]")).click();
                return true;
            });
            bens.waitUntil("the admin cancelled ben's job", () -> job.done().isDone());
            assertTrue(job.cancelled(), "the job was cancelled, not left to finish");
        } finally {
            ben.quit();
            ann.quit();
        }
    }
}
