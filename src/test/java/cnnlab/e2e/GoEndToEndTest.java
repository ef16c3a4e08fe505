package cnnlab.e2e;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person at headless Chromium on the Go page: places stones with the mouse, captures, loads a game record. */
class GoEndToEndTest extends BrowserTest {
    @Test
    void clickingPlacesStonesCapturesAndBothHeatMapsFollow() {
        GoPage page = new GoPage(browser).open(url);
        String[] moves = {"J10", "K10", "L10", "T1", "K11", "T19"};
        for (int i = 0; i < moves.length; i++) page.play(moves[i], i + 1);
        assertEquals(3, page.stonesDrawn("board", "black"));
        assertEquals(3, page.stonesDrawn("board", "white"));

        String unpooled = page.heat("go-unpooled"), pooled = page.heat("go-pooled");
        page.play("K9", 7);   // Black closes the last liberty of the white stone on K10
        assertTrue(page.status().contains("captured: Black 1, White 0"), page.status());
        assertEquals(4, page.stonesDrawn("board", "black"));
        assertEquals(2, page.stonesDrawn("board", "white"), "the white stone on K10 is gone");
        page.awaitHeatMapsAfter(unpooled, pooled);
        for (String net : GoPage.NETWORKS) {
            assertEquals(4, page.stonesDrawn("heat-" + net, "black"), "the heat map shows the new position");
            String[] marks = page.heat(net).split("\\|")[1].split(",");
            assertEquals(5, marks.length, net + " numbers its top 5 moves");
            assertTrue(page.topMoves(net).matches("(?s).*[A-T][0-9]+.*%.*"), page.topMoves(net));
        }
        page.fullPageScreenshot("go-capture");

        page.click("K9");   // occupied
        page.waitFor("the page to say so", () -> page.message().contains("K9 is not empty"));
        unpooled = page.heat("go-unpooled");
        pooled = page.heat("go-pooled");
        page.press("undo");
        page.waitFor("the undo", () -> page.status().contains("move 7 "));
        assertEquals(3, page.stonesDrawn("board", "white"), "undo brings the captured stone back");
        page.awaitHeatMapsAfter(unpooled, pooled);

        page.letPlay("go-unpooled");   // the network plays Black's move
        page.waitFor("the network's move", () -> page.status().contains("move 8 "));
        assertEquals(4, page.stonesDrawn("board", "black"));
    }

    @Test
    void anUploadedGameIsReplayedMoveByMoveAgainstBothNetworks() throws Exception {
        GoPage page = new GoPage(browser).open(url);
        page.uploadRecord(Files.copy(Path.of("src/test/resources/go/shusaku-001.sgf"), files.resolve("shusaku.sgf")));
        page.waitFor("the record", () -> page.moveLabel().contains("move 0 of 191"));
        for (int i = 1; i <= 3; i++) {
            page.forward();
            int n = i;
            page.waitFor("move " + n, () -> page.moveLabel().contains("move " + n + " of 191"));
        }
        assertEquals(3, page.stonesDrawn("board", "black") + page.stonesDrawn("board", "white"));
        page.waitFor("both networks to compare with the professional", () -> page.professional("go-unpooled").startsWith("The professional played")
                && page.professional("go-pooled").startsWith("The professional played"));

        page.jumpTo(0.4);   // a click 40% along the track jumps there
        page.waitFor("the jump", () -> page.move() > 50 && page.move() < 110);
        page.waitFor("the reading of that move", () -> page.professional("go-unpooled").startsWith("The professional played")
                && !page.pending("go-unpooled"));
        page.fullPageScreenshot("go");

        page.openWhatItSees();
        page.waitFor("the first layer and the input planes", () -> page.litPixels("first-layer") > 500 && page.litPixels("planes") > 500);
        page.scrollToWhatItSees();
        page.screenshot("go-sees");

        page.uploadRecord(Files.writeString(files.resolve("junk.sgf"), "<script>alert(1)</script>"));
        page.waitFor("the refusal", () -> page.message().startsWith("That file is not a game record"));
        assertNotEquals(0, page.stonesDrawn("board", "black"), "a bad file leaves the game on the board alone");
    }

    @Test
    void aRecordPastOneMegabyteIsRefusedBeforeItIsSent() throws Exception {
        // issue 19: the SGF upload took any body into memory; a script told of the size first is now refused unsent
        GoPage page = new GoPage(browser).open(url);
        UploadTarget.Answer a = UploadTarget.of(browser, "sgf-upload").post("huge.sgf", "(;GM[1]SZ[19]".getBytes(StandardCharsets.US_ASCII),
                60L << 20, UploadTarget.Framing.ASK_FIRST);
        assertEquals(413, a.status(), a.toString());
        assertEquals(0, a.sentBeforeAnswer());
        page.waitFor("the page to say so", () -> page.message().equals("That file is larger than 1 MB: a game record is a few kilobytes."));
    }
}
