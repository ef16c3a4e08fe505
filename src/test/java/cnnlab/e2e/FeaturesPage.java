package cnnlab.e2e;

import cnnlab.features.AscentSettings;
import cnnlab.features.Units;
import cnnlab.jobs.LongJobs;
import cnnlab.Lab;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/** Page object for "What does the CNN learn?": the run buttons, the status line, the pictures as painted. */
final class FeaturesPage extends Page {
    /** URL settings of a visualisation that runs for many seconds: the most pictures and steps a link may ask for. */
    static final String LONG_JOB = "steps=" + AscentSettings.MAX_STEPS + "&layer=dense&units=0-" + (Units.MAX - 1);
    private final WebDriverWait wait;

    FeaturesPage(ChromeDriver driver) {
        super(driver, Duration.ofSeconds(60));
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Opens the page with these URL settings (e.g. "steps=2000&seed=3") and waits for the first frame. */
    FeaturesPage open(String baseUrl, String query) {
        driver.get(baseUrl + "features" + (query.isEmpty() ? "" : "?" + query));
        wait.until(d -> status().contains("step"));
        return this;
    }

    String status() {
        Object s = driver.executeScript("const e = document.getElementById('status'); return e ? e.textContent : ''");
        return s == null ? "" : s.toString();
    }

    /** The pictures exactly as the page holds them (quantised, base64), empty before the first frame. */
    String pictures() {
        Object s = driver.executeScript("const g = document.querySelector('#pictures feature-maps'); return g ? g.data : ''");
        return s == null ? "" : s.toString();
    }

    /** How many canvas pixels of the picture grid are not black: the pictures are really drawn. */
    long litPixels() {
        return ((Number) driver.executeScript("""
                const g = document.querySelector('#pictures feature-maps');
                const c = g && g.shadowRoot.querySelector('canvas');
                if (!c || !c.width) return 0;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] > 40) n++;
                return n;""")).longValue();
    }

    /**
     * Downloads what the link with this id offers, as the browser would (same session), and returns the first bytes
     * of the file in hex and its length, e.g. "89504e47:1234".
     */
    String download(String id) {
        Object r = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href).then(r => r.arrayBuffer()).then(b => {
                  const a = new Uint8Array(b);
                  done(Array.from(a.slice(0, 4)).map(x => x.toString(16).padStart(2, '0')).join('') + ':' + a.length);
                }).catch(e => done('error:' + e));""", id);
        return String.valueOf(r);
    }

    /** Counts, inside the browser, how often the pictures change during {@code ms} milliseconds. */
    int framesDuring(int ms) {
        Object n = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1], ms = arguments[0];
                const g = () => document.querySelector('#pictures feature-maps');
                let last = g() ? g().data : '', n = 0;
                const t = setInterval(() => { const d = g() ? g().data : ''; if (d && d !== last) { n++; last = d; } }, 2);
                setTimeout(() => { clearInterval(t); done(n); }, ms);""", ms);
        return ((Number) n).intValue();
    }

    double progress() {
        return ((Number) driver.executeScript("return document.getElementById('progress').value || 0")).doubleValue();
    }

    void stop() {
        driver.findElement(By.id("stop")).click();
    }

    void resume() {
        driver.findElement(By.id("resume")).click();
    }

    boolean enabled(String id) {
        return driver.findElement(By.id(id)).getAttribute("disabled") == null;
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        wait.withMessage(what).until(d -> condition.getAsBoolean());
    }

    /**
     * The page's visualisation job once it runs on the server, as the only one running there (the tests that use
     * this wait for the server to be free first). On a timeout, says what the page and the server's queue held.
     */
    LongJobs.Ticket waitForItsRunningJob() {
        try {
            return wait.until(d -> {
                List<LongJobs.Ticket> running = Lab.current().longJobs().tickets().stream()
                        .filter(t -> t.position() == 0 && !t.done().isDone()).toList();
                return running.size() == 1 ? running.get(0) : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the page's job should run; the page says: " + status() + "; the server's queue: "
                    + Lab.current().longJobs().tickets().stream().map(t -> t.what() + " of " + t.owner() + " at " + t.position()).toList(), e);
        }
    }

    @Override
    String state() {
        return "status: " + status();
    }
}
