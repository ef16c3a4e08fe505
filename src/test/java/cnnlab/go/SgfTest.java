package cnnlab.go;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped historical games parse and replay legally; malformed SGF gets a clear message. */
class SgfTest {
    static String resource(String name) throws Exception {
        try (InputStream in = SgfTest.class.getResourceAsStream("/go/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedGamesParseAndEveryMoveIsLegal() throws Exception {
        String[][] games = {{"shusaku-001.sgf", "191"}, {"dosaku-002-handicap5.sgf", "149"}, {"shusaku-265-variation.sgf", "253"}};
        for (String[] g : games) {
            SgfGame game = Sgf.parse(resource(g[0]));
            assertEquals(Integer.parseInt(g[1]), game.moves().size(), g[0]);
            Board end = game.positionAfter(game.moves().size());   // throws IllegalMove if the rules disagree
            assertEquals(game.moves().size(), end.moves().size());
        }
        SgfGame shusaku = Sgf.parse(resource("shusaku-001.sgf"));
        assertEquals("Yasuda Eisai", shusaku.property("PB"));
        assertTrue(shusaku.title().contains("B+2"), shusaku.title());
        assertEquals(Move.at(Stone.BLACK, 3, 16), shusaku.moves().get(0), "B[qd]: column q, row d");
    }

    @Test
    void handicapStonesAreSetUpAndWhiteMovesFirst() throws Exception {
        SgfGame game = Sgf.parse(resource("dosaku-002-handicap5.sgf"));
        assertEquals(5, game.setup().count(Stone.BLACK));
        assertEquals("5", game.property("HA"));
        Board start = game.positionAfter(0);
        assertEquals(Stone.WHITE, start.toPlay());
        assertEquals(Stone.BLACK, start.at(3, 3));
        assertEquals(Stone.BLACK, start.at(9, 9));
    }

    @Test
    void passesEscapesAndCompressedPointLists() throws Exception {
        SgfGame g = Sgf.parse("(;C[a comment with \\] inside]AB[aa:bb]PB[X];B[];W[tt];B[cc])");
        assertEquals(4, g.setup().count(Stone.BLACK));
        assertTrue(g.moves().get(0).isPass());
        assertTrue(g.moves().get(1).isPass());
        assertEquals("a comment with ] inside", g.property("C"));
        assertEquals(Move.at(Stone.BLACK, 2, 2), g.moves().get(2));
    }

    @Test
    void malformedRecordsGetAClearMessage() {
        String[][] bad = {
                {"", "empty"},
                {"hello, this is not a game", "not an SGF"},
                {"(;B[dd];W[pp]", "ends too early"},
                {"(;B[dd];W[pp", "not closed"},
                {"(;B[zz])", "off the 19x19 board"},
                {"(;B[ddd])", "not a board point"},
                {"(;SZ[9];B[aa])", "Only 19x19"},
                {"(;GM[2];B[aa])", "not a Go game"},
                {"(;PB[nobody])", "no moves"},
                {"(;B)", "no value"},
        };
        for (String[] b : bad) {
            SgfProblem p = assertThrows(SgfProblem.class, () -> Sgf.parse(b[0]), b[0]);
            assertTrue(p.getMessage().contains(b[1]), b[0] + " -> " + p.getMessage());
        }
        assertThrows(SgfProblem.class, () -> Sgf.parse("(;" + "B[aa];".repeat(1001) + ")"));
    }

    @Test
    void deeplyNestedVariationsAreRefusedNotAStackOverflow() throws Exception {
        // found by the fuzz suite: 10,000 nested "(;" (20 KB) overflowed the stack of the thread reading the upload
        String deep = "(;B[aa]" + "(;".repeat(200_000) + ")".repeat(200_001);
        SgfProblem p = assertThrows(SgfProblem.class, () -> Sgf.parse(deep));
        assertTrue(p.getMessage().contains("nested"), p.getMessage());
        String fine = "(;B[aa]" + "(;".repeat(Sgf.MAX_DEPTH - 1) + ")".repeat(Sgf.MAX_DEPTH);
        assertEquals(1, Sgf.parse(fine).moves().size());
    }

    @Test
    void aSetupStoneBombIsRefusedAfterBoundedWork() {
        // issue 19: "AB" and 142,000 rectangles "[aa:ss]" (1 MB) were expanded into 51 million points: 23-32 s of the
        // page's thread and 1.45 GB of heap, and an OutOfMemoryError at -Xmx2g
        String bomb = "(;GM[1]SZ[19]AB" + "[aa:ss]".repeat(142_000) + ")";
        assertTrue(bomb.length() <= Sgf.MAX_CHARS, "the bomb fits the upload limit");
        SgfProblem p = assertThrows(SgfProblem.class, () -> Sgf.parse(bomb));
        assertEquals("The record sets up more than " + Sgf.MAX_SETUP_POINTS + " stones (AB/AW), ten full boards' worth.", p.getMessage());
    }

    @Test
    void setupStonesLieOnOneBoardWhereTheLaterPropertyWins() throws Exception {
        SgfGame g = Sgf.parse("(;AB[aa:cc][bb]AW[bb]AB[ss]AW[ss:rr];B[dd])");
        assertEquals(8, g.setup().count(Stone.BLACK), "aa:cc less bb, named twice and then given to White");
        assertEquals(5, g.setup().count(Stone.WHITE), "bb and ss:rr, ss taken over from Black");
        assertEquals(Stone.WHITE, g.setup().at(19 + 1));
        assertEquals(Stone.WHITE, g.positionAfter(0).at(18, 18));

        String tenBoards = "(;AB" + "[aa:ss]".repeat(10) + ";W[tt])";
        assertEquals(Board.POINTS, Sgf.parse(tenBoards).setup().count(Stone.BLACK), "ten boards' worth is still read");
        SgfProblem p = assertThrows(SgfProblem.class, () -> Sgf.parse(tenBoards.replace(";W", "[aa];W")));
        assertTrue(p.getMessage().contains("more than " + Sgf.MAX_SETUP_POINTS + " stones"), p.getMessage());
    }
}
