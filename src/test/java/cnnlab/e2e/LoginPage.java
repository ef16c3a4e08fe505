package cnnlab.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** Page object for the login page a lab with the login on shows first (login.html), and for logging out. */
final class LoginPage extends Page {
    LoginPage(ChromeDriver driver) {
        super(driver, Duration.ofSeconds(30));
    }

    /** Fills in the form and sends it; the login page reloads with an answer, or the app opens. */
    void logIn(String user, String password) {
        waitFor("the login form", () -> has("username"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    /** Logs in and waits for where the login leads: "Draw a digit", ready. */
    DigitsPage logInToDraw(String user, String password) {
        logIn(user, password);
        DigitsPage page = new DigitsPage(driver);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> page.verdictOrEmpty().startsWith("Draw"));
        return page;
    }

    /**
     * Sends a wrong password and waits for the reloaded page's answer: "" for the usual "wrong name or password", or
     * what it says when this account or computer has to wait.
     */
    String tryWrong(String user, String password) {
        driver.executeScript("window.beforeThisTry = true");   // gone once the answer's page has loaded
        logIn(user, password);
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> driver.executeScript("return window.beforeThisTry === undefined && document.readyState === 'complete'").equals(true)
                        && (d.findElement(By.id("error")).isDisplayed() || d.findElement(By.id("wait")).isDisplayed()));
        return driver.findElement(By.id("wait")).isDisplayed() ? driver.findElement(By.id("wait")).getText() : "";
    }

    /** Waits for the "wrong name or password" message (the login page reloads for it). */
    void awaitRefusal() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("error")).isDisplayed());
    }

    /** Waits for the login page; on a timeout says where the browser is and what it shows, and why it should be here. */
    void awaitLoginPage(Duration deadline, String why) {
        try {
            new WebDriverWait(driver, deadline).until(d -> d.getCurrentUrl().endsWith("/login.html") && has("username"));
        } catch (TimeoutException e) {
            throw new AssertionError(why + ": " + state(), e);
        }
    }

    boolean isShown() {
        return driver.getCurrentUrl().endsWith("/login.html");
    }

    /** The header of every page, once logged in: who it is, and the "Log out" button. */
    String loggedInAs() {
        waitFor("the header's name", () -> has("logout"));
        return driver.findElement(By.id("user-name")).getText();
    }

    void logOut() {
        driver.findElement(By.id("logout")).click();
    }

    @Override
    String state() {
        return "at " + driver.getCurrentUrl() + ", the page says: " + driver.findElement(By.tagName("body")).getText();
    }
}
