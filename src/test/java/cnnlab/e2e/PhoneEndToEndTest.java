package cnnlab.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every page on a phone's screen (390 x 844): nothing wider than the screen, so nothing is cut off or needs a sideways scroll. */
class PhoneEndToEndTest extends BrowserTest {
    static final List<String> PAGES = List.of("", "features", "dream", "style", "speech", "go", "text", "gallery");

    @Test
    void noPageIsWiderThanAPhone() throws Exception {
        ChromeDriver phone = Browser.start("--window-size=390,844");
        try {
            phone.manage().window().setSize(new Dimension(390, 844));
            List<String> wide = new ArrayList<>();
            for (String page : PAGES) {
                phone.get(url + page);
                new WebDriverWait(phone, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(phone.executeScript(
                        "return !!document.querySelector('.lab-page') && document.readyState === 'complete'")));
                Thread.sleep(1500);   // custom elements lay themselves out after their first data
                Object widest = phone.executeScript("""
                        const w = window.innerWidth; let out = [];
                        for (const e of document.querySelectorAll('.lab-page *')) {
                          const r = e.getBoundingClientRect();
                          if (r.width > 0 && r.right > w + 1) out.push((e.id || e.tagName.toLowerCase() + '.' + e.className) + ':' + Math.round(r.right));
                        }
                        return [document.documentElement.scrollWidth, w, out.length, out.slice(0, 4).join(' ')].join(' ');""");
                Screenshots.take(phone, "phone-" + (page.isEmpty() ? "digits" : page));
                // the page's own width, and every element's right edge: Vaadin's layout scrolls its content area itself
                String[] parts = widest.toString().split(" ", 4);
                if (Integer.parseInt(parts[0]) > Integer.parseInt(parts[1]) || Integer.parseInt(parts[2]) > 0) {
                    wide.add("/" + page + ": " + parts[2] + " elements past the edge, e.g. " + parts[3]);
                }
            }
            assertEquals(List.of(), wide, "pages wider than the phone's screen");
        } finally {
            phone.quit();
        }
    }
}
