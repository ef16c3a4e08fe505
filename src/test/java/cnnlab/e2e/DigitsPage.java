package cnnlab.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** Page object for "Draw a digit": what a person does and sees there. */
final class DigitsPage extends Page {
    private final WebDriverWait wait;

    DigitsPage(ChromeDriver driver) {
        super(driver, Duration.ofSeconds(30));
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    DigitsPage open(String url) {
        driver.get(url);
        wait.until(d -> Boolean.TRUE.equals(js("return !!customElements.get('draw-pad') && !!customElements.get('feature-maps')"
                + " && !!document.getElementById('pad') && !!document.getElementById('pad').shadowRoot")));
        wait.until(d -> verdict().startsWith("Draw"));
        return this;
    }

    private WebElement padCanvas() {
        return driver.findElement(By.id("pad")).getShadowRoot().findElement(By.cssSelector("canvas"));
    }

    /** Drags the mouse through points given relative to the pad's centre, in screen pixels. */
    void stroke(int[][] points) {
        Actions a = new Actions(driver).moveToElement(padCanvas(), points[0][0], points[0][1]).clickAndHold();
        for (int i = 1; i < points.length; i++) {
            a.moveByOffset(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
        }
        a.release().perform();
    }

    void drawOne() {
        int[][] line = new int[21][];
        for (int i = 0; i <= 20; i++) line[i] = new int[]{0, -100 + 10 * i};
        stroke(line);
    }

    void drawZero() {
        int n = 36;
        int[][] loop = new int[n + 2][];
        for (int i = 0; i <= n + 1; i++) {
            double t = 2 * Math.PI * i / n - Math.PI / 2;
            loop[i] = new int[]{(int) Math.round(62 * Math.cos(t)), (int) Math.round(95 * Math.sin(t))};
        }
        stroke(loop);
    }

    /** True when the browser opened a WebSocket to Vaadin's push endpoint (from Chrome's DevTools log). */
    boolean pushUsesWebSocket() {
        return driver.manage().logs().get("performance").getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .anyMatch(m -> m.contains("\"Network.webSocketCreated\"") && m.contains("VAADIN/push"));
    }

    void clear() {
        driver.findElement(By.id("clear")).click();
    }

    void undo() {
        driver.findElement(By.id("undo")).click();
    }

    /** The verdict, or "" while the page has none (e.g. reloading). */
    String verdictOrEmpty() {
        java.util.List<WebElement> v = driver.findElements(By.id("verdict"));
        return v.isEmpty() ? "" : text(v.get(0));
    }

    /** The number of the pad's last drawing, and the number of the drawing the verdict is for. */
    long[] lastSentAndShown() {
        Object r = driver.executeScript("return [document.getElementById('pad').sent, document.getElementById('verdict').getAttribute('data-drawing')]");
        java.util.List<?> l = (java.util.List<?>) r;
        return new long[]{((Number) l.get(0)).longValue(), Long.parseLong(String.valueOf(l.get(1)))};
    }

    String verdict() {
        return text(driver.findElement(By.id("verdict")));
    }

    String waitForVerdict(String expected) {
        try {
            wait.until(d -> verdict().equals(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected verdict '" + expected + "' but the page says '" + verdict() + "'", e);
        }
        return verdict();
    }

    /** The class whose bar is highlighted as the top one, or -1 when the chart is empty. */
    int topClass() {
        for (int c = 0; c < 10; c++) {
            if (driver.findElement(By.id("prob-" + c)).getAttribute("class").contains("top")) return c;
        }
        return -1;
    }

    String probabilityText(int c) {
        return text(driver.findElement(By.id("prob-" + c)).findElement(By.className("prob-value")));
    }

    /** Number of non-black pixels a layer's picture shows. */
    long litPixels(String elementId) {
        Object n = js("const el = document.getElementById(arguments[0]);"
                + "const grid = el.tagName === 'FEATURE-MAPS' ? el : el.querySelector('feature-maps');"
                + "const c = grid.shadowRoot.querySelector('canvas'); const d = c.getContext('2d').getImageData(0,0,c.width,c.height).data;"
                + "let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i+3] > 0 && (d[i] + d[i+1] + d[i+2]) > 60) n++; return n;", elementId);
        return ((Number) n).longValue();
    }

    long strokesOnPad() {
        return ((Number) js("return document.getElementById('pad').strokeCount")).longValue();
    }

    /** Waits until the pad holds n strokes (undo and clear go through the server, so they take a round trip). */
    void waitForStrokes(long n) {
        wait.until(d -> strokesOnPad() == n);
    }

    long inkOnPad() {
        return ((Number) js("return document.getElementById('pad').inkedPixels()")).longValue();
    }

    /** Clicks the first map of a layer's grid, as a person would. */
    void clickFirstMap(String layerId) {
        WebElement grid = driver.findElement(By.id(layerId)).findElement(By.tagName("feature-maps"));
        WebElement canvas = grid.getShadowRoot().findElement(By.cssSelector("canvas"));
        int cell = ((Number) js("return arguments[0].mapWidth * arguments[0].cell", grid)).intValue();
        org.openqa.selenium.Dimension size = canvas.getSize();
        new Actions(driver).moveToElement(canvas, 2 + cell / 2 - size.getWidth() / 2, 2 + cell / 2 - size.getHeight() / 2)
                .click().perform();
    }

    /** The tooltip the browser shows for the map under the mouse in a layer's grid. */
    String mapTooltip(String layerId) {
        WebElement grid = driver.findElement(By.id(layerId)).findElement(By.tagName("feature-maps"));
        return String.valueOf(js("return arguments[0].shadowRoot.querySelector('canvas').title", grid));
    }

    String filterActivation() {
        return text(driver.findElement(By.id("filter-activation")));
    }

    /** The element's text even when it is scrolled out of view (getText() would answer "" then). */
    private static String text(WebElement e) {
        String t = e.getDomProperty("textContent");
        return t == null ? "" : t.trim();
    }

    @Override
    String state() {
        return "verdict: " + verdictOrEmpty();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
