package cnnlab.e2e;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** PNGs of what the browser shows, in target/screenshots, for people to look at (and the README). */
final class Screenshots {
    private Screenshots() { }

    static void take(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            System.err.println("screenshot failed: " + e);
        }
    }

    /** The whole page: the window grows to the page's height for the shot (at most 4000 px). */
    static void fullPage(ChromeDriver driver, String name) {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return document.querySelector('vaadin-app-layout').scrollHeight + "
                + "Math.max(0, document.querySelector('.lab-page').scrollHeight - window.innerHeight + 120)")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(4000, height)));
        driver.executeScript("document.querySelector('.lab-page').scrollIntoView()");
        take(driver, name);
        driver.manage().window().setSize(before);
    }
}
