package cnnlab.go;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules: captures (single, group, edge), suicide refused, ko refused then allowed after an exchange, undo. */
class BoardTest {
    /** Plays alternate moves given as "dd" style SGF points ("" = pass), Black first. */
    static Board play(String... points) throws IllegalMove {
        Board b = new Board();
        for (String p : points) {
            Stone c = b.toPlay();
            b.play(p.isEmpty() ? Move.pass(c) : Move.at(c, p.charAt(1) - 'a', p.charAt(0) - 'a'));
        }
        return b;
    }

    static Move at(Board b, String p) {
        return Move.at(b.toPlay(), p.charAt(1) - 'a', p.charAt(0) - 'a');
    }

    @Test
    void aSingleStoneSurroundedOnFourSidesIsCaptured() throws Exception {
        // white stone at dd; black surrounds it: cd, ed, dc, de
        Board b = play("cd", "dd", "ed", "", "dc", "", "de");
        assertEquals(Stone.EMPTY, b.at(3, 3));
        assertEquals(1, b.captures(Stone.BLACK));
    }

    @Test
    void aGroupIsCapturedWhenItsLastLibertyIsFilled() throws Exception {
        // white pair dd-ed; black takes all 6 liberties
        Board b = play("cd", "dd", "fd", "ed", "dc", "", "ec", "", "de", "", "ee");
        assertEquals(Stone.EMPTY, b.at(3, 3));
        assertEquals(Stone.EMPTY, b.at(3, 4));
        assertEquals(2, b.captures(Stone.BLACK));
    }

    @Test
    void stonesOnTheEdgeAndInTheCornerHaveFewerLiberties() throws Exception {
        Board corner = play("ba", "aa", "ab");                // white in the corner: two liberties, both taken
        assertEquals(Stone.EMPTY, corner.at(0, 0));
        Board edge = play("ca", "da", "ea", "", "db");          // white on the top edge: three liberties
        assertEquals(Stone.EMPTY, edge.at(0, 3));
        assertEquals(1, edge.captures(Stone.BLACK));
    }

    /** A position from setup stones ("xy" SGF points) with {@code toPlay} to move. */
    static Board position(String black, String white, Stone toPlay) {
        Board b = new Board();
        for (String p : black.split(" ")) if (!p.isEmpty()) b.setup(Stone.BLACK, p.charAt(1) - 'a', p.charAt(0) - 'a');
        for (String p : white.split(" ")) if (!p.isEmpty()) b.setup(Stone.WHITE, p.charAt(1) - 'a', p.charAt(0) - 'a');
        b.setToPlay(toPlay);
        return b;
    }

    @Test
    void suicideIsRefusedButCapturingIsNot() throws Exception {
        Board b = position("ba ab", "", Stone.WHITE);          // black stones beside the empty corner aa
        IllegalMove e = assertThrows(IllegalMove.class, () -> b.play(at(b, "aa")));
        assertTrue(e.getMessage().contains("suicide"), e.getMessage());
        assertFalse(b.isLegal(at(b, "aa")));
        assertEquals(Stone.EMPTY, b.at(0, 0), "a refused move changes nothing");
        // the same point is legal when it captures: both black stones have aa as their last liberty
        Board c = position("ba ab", "ca bb ac", Stone.WHITE);
        c.play(at(c, "aa"));
        assertEquals(Stone.WHITE, c.at(0, 0));
        assertEquals(Stone.EMPTY, c.at(0, 1));
        assertEquals(Stone.EMPTY, c.at(1, 0));
        assertEquals(2, c.captures(Stone.WHITE));
    }

    @Test
    void koIsRefusedAtOnceThenAllowedAfterAnExchangeElsewhere() throws Exception {
        //     c d e f            black d1 c2 d3, white e1 f2 e3 and d2 (in atari at e2)
        //  1  . B W .
        //  2  B W . W
        //  3  . B W .
        Board b = position("db cc dd", "eb fc ed dc", Stone.BLACK);
        b.play(at(b, "ec"));                                    // black captures d2
        assertEquals(Stone.EMPTY, b.at(2, 3));
        IllegalMove e = assertThrows(IllegalMove.class, () -> b.play(at(b, "dc")));
        assertTrue(e.getMessage().contains("ko"), e.getMessage());
        b.play(at(b, "pp"));                                    // white plays a threat elsewhere
        b.play(at(b, "pq"));                                    // black answers it
        b.play(at(b, "dc"));                                    // now white may retake
        assertEquals(Stone.WHITE, b.at(2, 3));
        assertEquals(Stone.EMPTY, b.at(2, 4), "the retake captures black e2");
        // capturing one stone is not a ko when the capturing stone is not itself left in atari
        Board n = position("db cc dd ee", "dc eb", Stone.BLACK);
        n.play(at(n, "ec"));
        n.play(at(n, "pp"));
        assertTrue(n.isLegal(Move.at(Stone.BLACK, 16, 16)), "play continues normally");
    }

    @Test
    void undoRestoresThePositionCapturesAndTurn() throws Exception {
        Board b = play("cd", "dd", "ed", "", "dc", "");
        b.play(at(b, "de"));
        assertEquals(1, b.captures(Stone.BLACK));
        assertTrue(b.undo());
        assertEquals(Stone.WHITE, b.at(3, 3));
        assertEquals(0, b.captures(Stone.BLACK));
        assertEquals(Stone.BLACK, b.toPlay());
        assertEquals(6, b.moves().size());
        while (b.undo()) { }
        assertEquals(0, b.moves().size());
        assertEquals(Stone.EMPTY, b.at(3, 2));
    }

    @Test
    void occupiedPointsAndWrongTurnsAreRefused() throws Exception {
        Board b = play("dd");
        assertThrows(IllegalMove.class, () -> b.play(Move.at(Stone.WHITE, 3, 3)));
        assertThrows(IllegalMove.class, () -> b.play(Move.at(Stone.BLACK, 4, 4)));
        assertThrows(IllegalArgumentException.class, () -> Move.at(Stone.BLACK, 19, 0));
        assertEquals("B D16", Move.at(Stone.BLACK, 3, 3).toString());
        assertEquals("W T1", Move.at(Stone.WHITE, 18, 18).toString());
    }

    @Test
    void theQuickLegalityCheckAgreesWithPlayingTheMove() throws Exception {
        SgfGame game = Sgf.parse(SgfTest.resource("shusaku-265-variation.sgf"));
        int checked = 0, illegal = 0;
        for (int after = 0; after <= game.moves().size(); after += 7) {
            Board b = game.positionAfter(after);
            for (int p = 0; p < Board.POINTS; p++) {
                Move m = Move.at(b.toPlay(), p / Board.SIZE, p % Board.SIZE);
                boolean playable;
                Board copy = b.copy();
                try {
                    copy.play(m);
                    playable = true;
                } catch (IllegalMove e) {
                    playable = false;
                }
                assertEquals(playable, b.isLegal(m), "move " + m + " after " + after + " moves");
                checked++;
                if (!playable && b.at(p) == Stone.EMPTY) illegal++;
            }
        }
        assertTrue(checked > 10_000 && illegal > 0, checked + " checked, " + illegal + " empty but illegal");
    }
}
