package cnnlab.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page works under the server's Content-Security-Policy: it renders and the browser reports no violation. */
class SecurityEndToEndTest extends BrowserTest {
    @Test
    void everyPageRendersWithoutContentSecurityPolicyViolations() {
        browser.manage().logs().get(LogType.BROWSER);   // drop what earlier tests left
        for (String route : List.of("", "features", "dream", "style", "speech", "go", "text")) {
            browser.get(url + route);
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(x -> !x.findElements(By.cssSelector(".lab-page h2")).isEmpty());
            List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
            assertTrue(violations.isEmpty(), "/" + route + ": " + violations);
        }
        // the control: a script from elsewhere is refused, and the check above would have seen it
        browser.executeScript("const s = document.createElement('script'); s.src = 'http://203.0.113.7/evil.js'; document.head.appendChild(s);");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> x.manage().logs().get(LogType.BROWSER).getAll().stream()
                .anyMatch(e -> e.getMessage().contains("evil.js") && e.getMessage().contains("Content Security Policy")));
    }
}
