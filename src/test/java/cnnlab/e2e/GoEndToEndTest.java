package cnnlab.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person at headless Chromium on the Go page: places stones with the mouse, captures, loads a game record. */
class GoEndToEndTest extends BrowserTest {
    private static final String COLUMNS = "ABCDEFGHJKLMNOPQRST";

    private static String text(ChromeDriver d, String id) {
        Object t = d.executeScript("const e = document.getElementById(arguments[0]); return e ? e.textContent : ''", id);
        return t == null ? "" : t.toString();
    }

    /** What a board draws: the number of stones of each colour in its SVG. */
    private static long stonesDrawn(ChromeDriver d, String board, String colour) {
        return ((Number) d.executeScript("return document.getElementById(arguments[0]).shadowRoot.querySelectorAll("
                + "'circle.stone.' + arguments[1] + ':not([opacity=\"0.45\"])').length", board, colour)).longValue();
    }

    /** The heat map as sent to a board (base64 of 361 bytes) and its numbered marks. */
    private static String heat(ChromeDriver d, String board) {
        return d.executeScript("const b = document.getElementById(arguments[0]); return b.heat + '|' + b.marks", board).toString();
    }

    /** Bright pixels drawn on a feature-maps canvas. */
    private static long litPixels(ChromeDriver d, String id) {
        return ((Number) d.executeScript("""
                const e = document.getElementById(arguments[0]);
                const c = e && e.shadowRoot && e.shadowRoot.querySelector('canvas');
                if (!c || !c.width) return 0;
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 0; i < px.length; i += 4) if (px[i] > 120) n++;
                return n;""", id)).longValue();
    }

    private static void open(ChromeDriver d) {
        d.get(url + "go");
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> !text(d, "top-go-unpooled").isBlank() && !text(d, "top-go-pooled").isBlank());
    }

    /** Clicks the intersection named like "K10" with the mouse, as a person would. */
    private static void click(ChromeDriver d, String point) {
        WebElement board = d.findElement(By.id("board"));
        int size = board.getSize().getWidth(), column = COLUMNS.indexOf(point.charAt(0)), row = 19 - Integer.parseInt(point.substring(1));
        double unit = size / (18 + 2 * 1.2);   // the board's viewBox: 18 line spacings and a margin of 1.2 on each side
        int x = (int) Math.round((1.2 + column) * unit - size / 2.0), y = (int) Math.round((1.2 + row) * unit - size / 2.0);
        new Actions(d).moveToElement(board, x, y).click().perform();
    }

    private static void press(ChromeDriver d, String id) {
        WebElement button = d.findElement(By.id(id));
        d.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private static void play(ChromeDriver d, String point, int movesAfter) {
        click(d, point);
        new WebDriverWait(d, Duration.ofSeconds(20)).withMessage(() -> "after " + point + ": " + text(d, "go-status") + " / " + text(d, "go-message"))
                .until(x -> text(d, "go-status").contains("move " + (movesAfter + 1) + " "));
    }

    private static void awaitHeatMapsFor(ChromeDriver d, String before1, String before2) {
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> !heat(d, "heat-go-unpooled").equals(before1)
                && !heat(d, "heat-go-pooled").equals(before2));
    }

    @Test
    void clickingPlacesStonesCapturesAndBothHeatMapsFollow() {
        open(browser);
        String[] moves = {"J10", "K10", "L10", "T1", "K11", "T19"};
        for (int i = 0; i < moves.length; i++) play(browser, moves[i], i + 1);
        assertEquals(3, stonesDrawn(browser, "board", "black"));
        assertEquals(3, stonesDrawn(browser, "board", "white"));

        String unpooled = heat(browser, "heat-go-unpooled"), pooled = heat(browser, "heat-go-pooled");
        play(browser, "K9", 7);   // Black closes the last liberty of the white stone on K10
        assertTrue(text(browser, "go-status").contains("captured: Black 1, White 0"), text(browser, "go-status"));
        assertEquals(4, stonesDrawn(browser, "board", "black"));
        assertEquals(2, stonesDrawn(browser, "board", "white"), "the white stone on K10 is gone");
        awaitHeatMapsFor(browser, unpooled, pooled);
        for (String net : List.of("go-unpooled", "go-pooled")) {
            assertEquals(4, stonesDrawn(browser, "heat-" + net, "black"), "the heat map shows the new position");
            String[] marks = heat(browser, "heat-" + net).split("\\|")[1].split(",");
            assertEquals(5, marks.length, net + " numbers its top 5 moves");
            assertTrue(text(browser, "top-" + net).matches("(?s).*[A-T][0-9]+.*%.*"), text(browser, "top-" + net));
        }
        Screenshots.fullPage(browser, "go-capture");

        click(browser, "K9");   // occupied
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> text(browser, "go-message").contains("K9 is not empty"));
        unpooled = heat(browser, "heat-go-unpooled");
        pooled = heat(browser, "heat-go-pooled");
        press(browser, "undo");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> text(browser, "go-status").contains("move 7 "));
        assertEquals(3, stonesDrawn(browser, "board", "white"), "undo brings the captured stone back");
        awaitHeatMapsFor(browser, unpooled, pooled);

        press(browser, "play-go-unpooled");   // the network plays Black's move
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> text(browser, "go-status").contains("move 8 "));
        assertEquals(4, stonesDrawn(browser, "board", "black"));
    }

    @Test
    void anUploadedGameIsReplayedMoveByMoveAgainstBothNetworks() throws Exception {
        open(browser);
        Path sgf = Files.copy(Path.of("src/test/resources/go/shusaku-001.sgf"), files.resolve("shusaku.sgf"));
        WebElement input = (WebElement) browser.executeScript("return document.getElementById('sgf-upload').querySelector('input[type=file]')"
                + " || document.getElementById('sgf-upload').shadowRoot.querySelector('input[type=file]')");
        input.sendKeys(sgf.toString());
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> text(browser, "move-label").contains("move 0 of 191"));
        for (int i = 1; i <= 3; i++) {
            press(browser, "move-forward");
            int n = i;
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> text(browser, "move-label").contains("move " + n + " of 191"));
        }
        assertEquals(3, stonesDrawn(browser, "board", "black") + stonesDrawn(browser, "board", "white"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> text(browser, "pro-go-unpooled").startsWith("The professional played")
                && text(browser, "pro-go-pooled").startsWith("The professional played"));

        WebElement slider = browser.findElement(By.id("move-slider"));   // a click 40% along the track jumps there
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", slider);
        int width = slider.getSize().getWidth();
        new Actions(browser).moveToElement(slider, (int) Math.round(-width / 2.0 + 0.4 * width), 0).click().perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("move (\\d+) of 191").matcher(text(browser, "move-label"));
            return m.find() && Integer.parseInt(m.group(1)) > 50 && Integer.parseInt(m.group(1)) < 110;
        });
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> text(browser, "pro-go-unpooled").startsWith("The professional played")
                && !browser.findElement(By.id("policy-go-unpooled")).getAttribute("class").contains("go-pending"));
        Screenshots.fullPage(browser, "go");

        WebElement sees = browser.findElement(By.cssSelector("#sees vaadin-details-summary"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", sees);
        sees.click();   // "What does the network see?"
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> litPixels(browser, "first-layer") > 500 && litPixels(browser, "planes") > 500);
        browser.executeScript("document.getElementById('sees').scrollIntoView()");
        Screenshots.take(browser, "go-sees");

        Path junk = Files.writeString(files.resolve("junk.sgf"), "<script>alert(1)</script>");
        input = (WebElement) browser.executeScript("return document.getElementById('sgf-upload').querySelector('input[type=file]')"
                + " || document.getElementById('sgf-upload').shadowRoot.querySelector('input[type=file]')");
        input.sendKeys(junk.toString());
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> text(browser, "go-message").startsWith("That file is not a game record"));
        assertNotEquals(0, stonesDrawn(browser, "board", "black"), "a bad file leaves the game on the board alone");
    }

    @Test
    void aRecordPastOneMegabyteIsRefusedBeforeItIsSent() throws Exception {
        // issue 19: the SGF upload took any body into memory; a script told of the size first is now refused unsent
        open(browser);
        UploadTarget.Answer a = UploadTarget.of(browser, "sgf-upload").post("huge.sgf", "(;GM[1]SZ[19]".getBytes(StandardCharsets.US_ASCII),
                60L << 20, UploadTarget.Framing.ASK_FIRST);
        assertEquals(413, a.status(), a.toString());
        assertEquals(0, a.sentBeforeAnswer());
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(x -> text(browser, "go-message").equals("That file is larger than 1 MB: a game record is a few kilobytes."));
    }
}
