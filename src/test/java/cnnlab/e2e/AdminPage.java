package cnnlab.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.function.Supplier;

/** Page object for "admin": the server's heavy jobs and open sessions, with a Cancel per job. */
final class AdminPage extends Page {
    private final WebDriverWait wait;

    AdminPage(ChromeDriver driver) {
        super(driver, Duration.ofSeconds(60));
        // the grids re-render when the queue changes: an element found a moment ago may be gone
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Waits for the jobs grid: the admin is logged in and the page is open. */
    AdminPage awaitJobs() {
        wait.until(d -> d.findElement(By.id("jobs")).isDisplayed());
        return this;
    }

    /** Waits until the jobs grid lists {@code job} and the sessions grid {@code session}; else says what the server held. */
    void awaitListed(String job, String session, Supplier<String> serverQueue) {
        try {
            wait.until(d -> d.findElement(By.id("jobs")).getText().contains(job));
            wait.until(d -> d.findElement(By.id("sessions")).getText().contains(session));
        } catch (TimeoutException e) {
            throw new AssertionError("the admin page should list " + job + "; the server's queue: " + serverQueue.get() + "; " + state(), e);
        }
    }

    /** Presses Cancel on the first job listed. */
    void cancelFirstJob() {
        wait.until(d -> {
            d.findElement(By.xpath("//vaadin-grid[@id='jobs']//vaadin-button[contains(., 'Cancel')]")).click();
            return true;
        });
    }

    /** Waits for the page to say it is only for admins (a student opened it); on a timeout says what it shows. */
    void awaitClosedToStudents() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")).getText().contains("for the lab's admins"));
        } catch (TimeoutException e) {
            throw new AssertionError("the admin page should be closed to a student; " + state(), e);
        }
    }

    boolean showsJobs() {
        return has("jobs");
    }

    @Override
    String state() {
        return "the page at " + driver.getCurrentUrl() + " says: " + driver.findElement(By.tagName("body")).getText();
    }
}
