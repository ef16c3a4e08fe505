package cnnlab.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;

/** Page object for "Lab gallery": the cards of saved pictures, newest first, each with its picture and a download. */
final class GalleryPage extends Page {
    GalleryPage(ChromeDriver driver) {
        super(driver, Duration.ofSeconds(60));
    }

    GalleryPage open(String url) {
        driver.get(url + "gallery");
        return awaitCards();
    }

    /** Waits until the page shows at least one card (e.g. after following a notification's link to it). */
    GalleryPage awaitCards() {
        waitFor("the gallery's cards", () -> !driver.findElements(By.cssSelector(".lab-gallery-card")).isEmpty());
        return this;
    }

    String newestTitle() {
        return driver.findElement(By.cssSelector(".lab-gallery-card .lab-gallery-title")).getText();
    }

    /** The newest card's picture once the browser has loaded it: its longer side in pixels (0 until then). */
    int newestPictureSide() {
        return ((Number) driver.executeScript("const i = document.querySelector('.lab-gallery-card img');"
                + "return i && i.naturalWidth ? Math.max(i.naturalWidth, i.naturalHeight) : 0")).intValue();
    }

    /** Fetches the newest card's download link in this browser session: "status content-type". */
    String downloadNewest() {
        return String.valueOf(driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('.lab-gallery-card .lab-gallery-download').href)"
                + ".then(r => done(r.status + ' ' + r.headers.get('content-type'))).catch(e => done(String(e)))"));
    }

    /** Elements rendered from markup in a title (a title is text: there must be none). */
    int italicsInTitles() {
        return driver.findElements(By.cssSelector(".lab-gallery-card i")).size();
    }

    @Override
    String state() {
        return driver.findElements(By.cssSelector(".lab-gallery-card")).size() + " cards";
    }
}
