package cnnlab.go;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The game on the Go page: replaying a record, branching off it with one's own moves, and coming back. */
class GameOnBoardTest {
    @Test
    void replaysARecordAndKnowsTheProfessionalsNextMove() throws Exception {
        SgfGame record = Sgf.parse(SgfTest.resource("shusaku-001.sgf"));
        GameOnBoard game = new GameOnBoard();
        game.load(record, "Shusaku");
        assertEquals(191, game.recordLength());
        assertEquals(0, game.recordMove());
        assertEquals(record.moves().get(0), game.professionalNext().orElseThrow());

        game.goTo(50);
        assertEquals(50, game.board().moves().size());
        assertEquals(50, game.recordMove());
        assertEquals(record.moves().get(50), game.professionalNext().orElseThrow());

        game.goTo(10_000);   // clamped to the end of the record
        assertEquals(191, game.recordMove());
        assertTrue(game.professionalNext().isEmpty());
    }

    @Test
    void aMoveOfYourOwnBranchesOffAndUndoComesBack() throws Exception {
        SgfGame record = Sgf.parse(SgfTest.resource("shusaku-001.sgf"));
        GameOnBoard game = new GameOnBoard();
        game.load(record, "Shusaku");
        game.goTo(20);
        Move pro = record.moves().get(20);
        int other = firstLegalPointOtherThan(game.board(), pro.point());
        game.play(other);
        assertEquals(-1, game.recordMove(), "off the record");
        assertEquals(20, game.branchPoint());
        assertTrue(game.professionalNext().isEmpty());
        assertTrue(game.undo());
        assertEquals(20, game.recordMove(), "back on the record");
        game.play(pro.point());
        assertEquals(21, game.recordMove(), "playing the professional's move stays on the record");
        game.goTo(5);
        assertEquals(5, game.board().moves().size(), "the slider drops the user's moves");
    }

    @Test
    void aHandicapGameStartsWithItsStonesAndWhiteToPlay() throws Exception {
        GameOnBoard game = new GameOnBoard();
        game.load(Sgf.parse(SgfTest.resource("dosaku-002-handicap5.sgf")), "Dosaku");
        assertEquals(Stone.WHITE, game.board().toPlay());
        int black = 0;
        for (int p = 0; p < Board.POINTS; p++) if (game.board().at(p) == Stone.BLACK) black++;
        assertEquals(5, black);
        assertFalse(game.undo(), "setup stones are not moves");
    }

    @Test
    void freePlayHasNoRecordAndRefusesIllegalMoves() throws Exception {
        GameOnBoard game = new GameOnBoard();
        game.play(0);
        assertEquals(-1, game.recordMove());
        assertEquals(0, game.branchPoint());
        assertThrows(IllegalMove.class, () -> game.play(0));
        assertThrows(IllegalStateException.class, () -> game.goTo(3));
        game.pass();
        assertEquals(List.of(Move.at(Stone.BLACK, 0, 0), Move.pass(Stone.WHITE)), game.board().moves());
        game.newGame();
        assertTrue(game.board().moves().isEmpty());
        assertTrue(game.lastMove().isEmpty());
    }

    @Test
    void aRecordThatBreaksTheRulesIsCutWhereItDoes() throws Exception {
        // Black plays D4 twice: the second is on an occupied point
        SgfGame broken = Sgf.parse("(;GM[1]SZ[19];B[dp];W[pd];B[dp];W[dd])");
        assertEquals(2, broken.playableMoves());
        GameOnBoard game = new GameOnBoard();
        game.load(broken, "broken");
        assertEquals(2, game.recordLength());
        game.goTo(4);
        assertEquals(2, game.board().moves().size());
    }

    private static int firstLegalPointOtherThan(Board b, int avoid) {
        for (int p = 0; p < Board.POINTS; p++) {
            if (p != avoid && b.isLegal(Move.at(b.toPlay(), p / Board.SIZE, p % Board.SIZE))) return p;
        }
        throw new AssertionError("no legal point");
    }
}
