package cnnlab.e2e;

import cnnlab.access.UsersFile;
import cnnlab.jobs.LongJobs;
import cnnlab.nn.ShippedModel;
import cnnlab.server.HouseRules;
import cnnlab.Lab;
import cnnlab.server.LabConfig;
import cnnlab.server.LabServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void logOutEndsTheSessionAndShowsTheLoginPage() throws Exception {
        ChromeDriver eve = Browser.start();
        try {
            eve.get(base);
            LoginPage login = new LoginPage(eve);
            login.logIn("eve", "eve-password");
            assertEquals("eve", login.loggedInAs(), "the header says who is logged in");
            login.screenshot("logout-button");
            login.logOut();
            login.awaitLoginPage(Duration.ofSeconds(30), "Log out should land on the login page");
            eve.get(base);   // the session is gone: the app asks for the login again
            login.awaitLoginPage(Duration.ofSeconds(30), "after logging out the app should ask for a login");
        } finally {
            eve.quit();
        }
    }

    @Test
    void aRemovedStudentsOpenPageEndsOnTheLoginPage() throws Exception {
        ChromeDriver cy = Browser.start();
        try {
            cy.get(base);
            LoginPage login = new LoginPage(cy);
            login.logInToDraw("cy", "cy-password");
            long t0 = System.nanoTime();
            List<String> others = Files.readAllLines(users).stream().filter(line -> !line.startsWith("cy:")).toList();
            Files.write(users, others);   // as the lab's admin would, by hand
            login.awaitLoginPage(Duration.ofSeconds(60), "cy's open page should end once the users file drops her");
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
            LoginPage login = new LoginPage(dan);
            String told = "";
            for (int i = 0; i < 15 && told.isEmpty(); i++) told = login.tryWrong("dan", "guess-" + i);   // five free tries, then 1, 2, 4... s
            assertTrue(told.matches("Too many failed logins for this account or from this computer: try again in \\d+ s\\.?"), told);
            login.screenshot("login-throttled");
            int seconds = Integer.parseInt(told.replaceAll("\\D+", ""));
            Thread.sleep((seconds + 1) * 1000L);
            login.logInToDraw("dan", "dan-password");
        } finally {
            dan.quit();
        }
    }

    @Test
    void aWrongPasswordIsToldSoAndTheRightOneLetsTheStudentDraw() throws Exception {
        ChromeDriver ben = Browser.start();
        try {
            ben.get(base);
            LoginPage login = new LoginPage(ben);
            assertTrue(login.isShown(), ben.getCurrentUrl());
            login.logIn("ben", "guess");
            login.awaitRefusal();
            login.screenshot("login-failed");
            DigitsPage page = login.logInToDraw("ben", "ben-password");
            page.drawOne();
            assertEquals("It's a 1", page.waitForVerdict("It's a 1"));

            ben.get(base + "admin");   // not for students
            AdminPage admin = new AdminPage(ben);
            admin.awaitClosedToStudents();
            assertFalse(admin.showsJobs(), "no jobs are shown to a student");
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
            new LoginPage(ann).logIn("ann", "ann-password");
            AdminPage admin = new AdminPage(ann).awaitJobs();

            ben.get(base + "features");
            new LoginPage(ben).logIn("ben", "ben-password");
            // the page opens on the lecture's figure: let that short run end, so the one job below is the long one
            FeaturesPage first = new FeaturesPage(ben);
            first.waitUntil("the lecture's figure is done", () -> first.status().startsWith("Done"));
            FeaturesPage bens = new FeaturesPage(ben).open(base, FeaturesPage.LONG_JOB + "&seed=8");
            LongJobs.Ticket job = bens.waitForItsRunningJob();
            admin.awaitListed("ben, session", "ben", () -> Lab.current().longJobs().tickets().stream()
                    .map(t -> t.what() + " of " + t.owner()).toList().toString());
            admin.screenshot("admin");
            admin.cancelFirstJob();
            bens.waitUntil("the admin cancelled ben's job", () -> job.done().isDone());
            assertTrue(job.cancelled(), "the job was cancelled, not left to finish");
        } finally {
            ben.quit();
            ann.quit();
        }
    }
}
