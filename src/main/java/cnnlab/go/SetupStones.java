package cnnlab.go;

import java.util.Arrays;

/**
 * The stones an SGF record places before its first move (handicap stones, a problem's position): at most one stone
 * per point of the 19x19 board, however often the record names that point. Immutable.
 */
public final class SetupStones {
    private final Stone[] points;

    private SetupStones(Stone[] points) {
        this.points = points;
    }

    /** What the record puts on {@code point} (row * 19 + column): EMPTY where it puts nothing. */
    public Stone at(int point) {
        return points[point];
    }

    public int count(Stone colour) {
        int n = 0;
        for (Stone s : points) if (s == colour) n++;
        return n;
    }

    public boolean isEmpty() {
        return count(Stone.EMPTY) == Board.POINTS;
    }

    static Stone[] empty() {
        Stone[] points = new Stone[Board.POINTS];
        Arrays.fill(points, Stone.EMPTY);
        return points;
    }

    /** The stones of {@code points} (copied). */
    static SetupStones of(Stone[] points) {
        return new SetupStones(points.clone());
    }
}
