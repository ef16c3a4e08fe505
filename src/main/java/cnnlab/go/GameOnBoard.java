package cnnlab.go;

import java.util.List;
import java.util.Optional;

/**
 * The game a user has on the Go page: free play from an empty board, or a recorded game replayed to some move, from
 * which the user may branch off with moves of their own. The record stays loaded while you branch: moving back along
 * it (or undoing your own moves) returns to the professional line. Not thread-safe: one per page.
 */
public final class GameOnBoard {
    private SgfGame record;
    private String title = "";
    private int playable;
    private Board board = new Board();

    /** Clears the board and forgets any loaded record. */
    public void newGame() {
        record = null;
        title = "";
        playable = 0;
        board = new Board();
    }

    /** Loads {@code game} at its start (handicap stones placed). */
    public void load(SgfGame game, String title) throws IllegalMove {
        Board start = game.positionAfter(0);
        record = game;
        this.title = title;
        playable = game.playableMoves();
        board = start;
    }

    public Board board() {
        return board;
    }

    public Optional<SgfGame> record() {
        return Optional.ofNullable(record);
    }

    public String title() {
        return title;
    }

    /** Moves of the loaded record that replay by the rules (0 in free play). */
    public int recordLength() {
        return playable;
    }

    /** Replays the record to just after its first {@code count} moves, dropping any moves of the user's own. */
    public void goTo(int count) throws IllegalMove {
        if (record == null) throw new IllegalStateException("no game record is loaded");
        board = record.positionAfter(Math.max(0, Math.min(count, playable)));
    }

    /** How many moves of the record lead to this position, or -1 once the user has played a move of their own. */
    public int recordMove() {
        if (record == null) return -1;
        List<Move> played = board.moves(), line = record.moves();
        if (played.size() > playable) return -1;
        for (int i = 0; i < played.size(); i++) if (!played.get(i).equals(line.get(i))) return -1;
        return played.size();
    }

    /** Where the user's variation left the record (the record's moves still on the board); 0 in free play. */
    public int branchPoint() {
        if (record == null) return 0;
        List<Move> played = board.moves(), line = record.moves();
        int i = 0;
        while (i < played.size() && i < playable && played.get(i).equals(line.get(i))) i++;
        return i;
    }

    /** The move the professional played next here, when this position is on the record. */
    public Optional<Move> professionalNext() {
        int at = recordMove();
        return at >= 0 && at < playable ? Optional.of(record.moves().get(at)) : Optional.empty();
    }

    /** Plays at {@code point} for the side to move. */
    public void play(int point) throws IllegalMove {
        board.play(Move.at(board.toPlay(), point / Board.SIZE, point % Board.SIZE));
    }

    public void pass() throws IllegalMove {
        board.play(Move.pass(board.toPlay()));
    }

    /** Takes back the last move; false at the start. */
    public boolean undo() {
        return board.undo();
    }

    /** The last move played, if any. */
    public Optional<Move> lastMove() {
        List<Move> m = board.moves();
        return m.isEmpty() ? Optional.empty() : Optional.of(m.get(m.size() - 1));
    }
}
