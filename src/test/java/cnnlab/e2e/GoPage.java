package cnnlab.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Page object for "Go": play on the board with the mouse, load a record, step through it, read both networks' heat maps. */
final class GoPage extends Page {
    static final String[] NETWORKS = {"go-unpooled", "go-pooled"};
    private static final String COLUMNS = "ABCDEFGHJKLMNOPQRST";
    private static final Pattern MOVE = Pattern.compile("move (\\d+) of (\\d+)");

    GoPage(ChromeDriver driver) {
        super(driver, Duration.ofSeconds(30));
    }

    /** Opens the page and waits for both networks' first reading of the empty board. */
    GoPage open(String url) {
        driver.get(url + "go");
        waitFor("both networks' top moves", () -> !text("top-go-unpooled").isBlank() && !text("top-go-pooled").isBlank());
        return this;
    }

    /** Clicks the intersection named like "K10" with the mouse, as a person would. */
    void click(String point) {
        WebElement board = driver.findElement(By.id("board"));
        int size = board.getSize().getWidth(), column = COLUMNS.indexOf(point.charAt(0)), row = 19 - Integer.parseInt(point.substring(1));
        double unit = size / (18 + 2 * 1.2);   // the board's viewBox: 18 line spacings and a margin of 1.2 on each side
        int x = (int) Math.round((1.2 + column) * unit - size / 2.0), y = (int) Math.round((1.2 + row) * unit - size / 2.0);
        new Actions(driver).moveToElement(board, x, y).click().perform();
    }

    /** Plays a stone on {@code point} and waits for the game to count {@code movesAfter} moves. */
    void play(String point, int movesAfter) {
        click(point);
        waitFor("the move " + point, () -> status().contains("move " + (movesAfter + 1) + " "));
    }

    /** The network plays the next move itself. */
    void letPlay(String network) {
        press("play-" + network);
    }

    void uploadRecord(Path sgf) {
        sendFile("sgf-upload", sgf);
    }

    /** Steps forward one move in a loaded record. */
    void forward() {
        press("move-forward");
    }

    /** Clicks the move slider {@code fraction} of the way along its track: the game jumps there. */
    void jumpTo(double fraction) {
        WebElement slider = driver.findElement(By.id("move-slider"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", slider);
        int width = slider.getSize().getWidth();
        new Actions(driver).moveToElement(slider, (int) Math.round(-width / 2.0 + fraction * width), 0).click().perform();
    }

    /** The move a loaded record shows, -1 before one is loaded. */
    int move() {
        Matcher m = MOVE.matcher(moveLabel());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Opens "What does the network see?". */
    void openWhatItSees() {
        WebElement sees = driver.findElement(By.cssSelector("#sees vaadin-details-summary"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", sees);
        sees.click();
    }

    void scrollToWhatItSees() {
        driver.executeScript("document.getElementById('sees').scrollIntoView()");
    }

    /** What a board draws: the number of stones of each colour in its SVG (not the translucent last-move preview). */
    long stonesDrawn(String board, String colour) {
        return ((Number) driver.executeScript("return document.getElementById(arguments[0]).shadowRoot.querySelectorAll("
                + "'circle.stone.' + arguments[1] + ':not([opacity=\"0.45\"])').length", board, colour)).longValue();
    }

    /** The heat map as sent to a network's board (base64 of 361 bytes) and its numbered marks, "heat|marks". */
    String heat(String network) {
        return driver.executeScript("const b = document.getElementById(arguments[0]); return b.heat + '|' + b.marks", "heat-" + network).toString();
    }

    /** Waits until both networks' heat maps differ from what they were. */
    void awaitHeatMapsAfter(String unpooledBefore, String pooledBefore) {
        waitFor("both heat maps to follow", () -> !heat("go-unpooled").equals(unpooledBefore) && !heat("go-pooled").equals(pooledBefore));
    }

    /** True while a network's panel waits for its reading. */
    boolean pending(String network) {
        return driver.findElement(By.id("policy-" + network)).getAttribute("class").contains("go-pending");
    }

    /** Bright pixels of a feature-maps canvas ("first-layer", "planes"). */
    long litPixels(String id) {
        return litPixels(id, 120, -1);
    }

    String status() {
        return text("go-status");
    }

    String message() {
        return text("go-message");
    }

    String moveLabel() {
        return text("move-label");
    }

    String topMoves(String network) {
        return text("top-" + network);
    }

    String professional(String network) {
        return text("pro-" + network);
    }

    @Override
    String state() {
        return "status: " + status() + " / message: " + message() + " / " + moveLabel();
    }
}
