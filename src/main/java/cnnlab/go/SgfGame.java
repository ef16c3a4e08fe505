package cnnlab.go;

import java.util.List;
import java.util.Map;

/**
 * A game read from SGF: its header (players PB/PW, result RE, date DT, ...), setup stones (handicap AB, AW) and the
 * main line of moves (the first variation wherever the record branches).
 */
public record SgfGame(Map<String, String> header, SetupStones setup, List<Move> moves) {
    public String property(String name) {
        return header.getOrDefault(name, "");
    }

    /** A readable one-line title, e.g. "Honinbo Shusaku (B) vs Ota Yuzo (W), 1853, B+2". */
    public String title() {
        String title = (property("PB").isBlank() ? "Black" : property("PB")) + " (B) vs "
                + (property("PW").isBlank() ? "White" : property("PW")) + " (W)";
        if (!property("DT").isBlank()) title += ", " + property("DT");
        if (!property("RE").isBlank()) title += ", " + property("RE");
        return title;
    }

    /** How many moves of the main line replay by the rules (a damaged record is cut at its first illegal move). */
    public int playableMoves() {
        Board b = start();
        for (int i = 0; i < moves.size(); i++) {
            try {
                playNext(b, moves.get(i));
            } catch (IllegalMove e) {
                return i;
            }
        }
        return moves.size();
    }

    /** The position after the first {@code count} moves (setup stones included). */
    public Board positionAfter(int count) throws IllegalMove {
        Board b = start();
        for (int i = 0; i < count && i < moves.size(); i++) playNext(b, moves.get(i));
        return b;
    }

    /** The setup stones, and whoever moves first. */
    private Board start() {
        Board b = new Board();
        for (int p = 0; p < Board.POINTS; p++) {
            if (setup.at(p) != Stone.EMPTY) b.setup(setup.at(p), p / Board.SIZE, p % Board.SIZE);
        }
        if (!moves.isEmpty()) b.setToPlay(moves.get(0).colour());
        else if (setup.count(Stone.BLACK) > 0 && setup.count(Stone.WHITE) == 0) b.setToPlay(Stone.WHITE);
        return b;
    }

    private static void playNext(Board b, Move m) throws IllegalMove {
        if (m.colour() != b.toPlay()) b.setToPlay(m.colour());   // old records sometimes have two moves in a row by one side
        b.play(m);
    }
}
