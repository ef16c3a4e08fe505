package cnnlab.go;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A 19x19 Go position with the rules the page enforces: a move on an empty point; opponent groups left without
 * liberties are captured; suicide (a move whose own group is left without liberties) is forbidden; simple ko (a move
 * may not recreate the position just before the opponent's last move, i.e. retake a single stone at once) is
 * forbidden. Pass and undo. Immutable snapshots are kept for undo, so a position costs 361 bytes per move.
 */
public final class Board {
    public static final int SIZE = 19, POINTS = SIZE * SIZE;
    private static final String COLUMNS = "ABCDEFGHJKLMNOPQRST";

    private Stone[] points = new Stone[POINTS];
    private Stone toPlay = Stone.BLACK;
    /** The point a capture-of-one just happened at, which the opponent may not retake at once (-1: none). */
    private int koPoint = -1;
    private final Deque<Snapshot> history = new ArrayDeque<>();
    private final List<Move> moves = new ArrayList<>();
    private int blackCaptures, whiteCaptures;

    private record Snapshot(Stone[] points, Stone toPlay, int koPoint, int blackCaptures, int whiteCaptures) { }

    public Board() {
        Arrays.fill(points, Stone.EMPTY);
    }

    public Stone at(int row, int column) {
        return points[row * SIZE + column];
    }

    public Stone at(int point) {
        return points[point];
    }

    public Stone toPlay() {
        return toPlay;
    }

    /** Stones each colour has captured. */
    public int captures(Stone by) {
        return by == Stone.BLACK ? blackCaptures : whiteCaptures;
    }

    public List<Move> moves() {
        return List.copyOf(moves);
    }

    /** Places a stone without a move (handicap and setup stones, SGF AB/AW). */
    public void setup(Stone colour, int row, int column) {
        points[row * SIZE + column] = colour;
    }

    /** Whose turn it is (after handicap stones: White). */
    public void setToPlay(Stone colour) {
        toPlay = colour;
    }

    /** Plays {@code move} (which must be the colour to play) or throws with the reason. */
    public void play(Move move) throws IllegalMove {
        if (move.colour() != toPlay) throw new IllegalMove("it is " + name(toPlay) + "'s turn");
        Snapshot before = new Snapshot(points.clone(), toPlay, koPoint, blackCaptures, whiteCaptures);
        if (move.isPass()) {
            koPoint = -1;
        } else {
            int p = move.point();
            if (points[p] != Stone.EMPTY) throw new IllegalMove(Board.coordinate(move.row(), move.column()) + " is not empty");
            if (p == koPoint) throw new IllegalMove("ko: the stone just captured cannot be retaken at once; play elsewhere first");
            Stone[] next = points.clone();
            next[p] = move.colour();
            int captured = 0, capturedAt = -1;
            for (int n : neighbours(p)) {
                if (next[n] == move.colour().opponent() && liberties(next, n) == 0) {
                    List<Integer> group = group(next, n);
                    for (int s : group) next[s] = Stone.EMPTY;
                    captured += group.size();
                    capturedAt = group.get(0);
                }
            }
            if (liberties(next, p) == 0) throw new IllegalMove("suicide: the stone would have no liberties");
            // simple ko: one stone captured by a lone stone that is left in atari can be retaken only after a move elsewhere
            koPoint = captured == 1 && group(next, p).size() == 1 && liberties(next, p) == 1 ? capturedAt : -1;
            points = next;
            if (move.colour() == Stone.BLACK) blackCaptures += captured; else whiteCaptures += captured;
        }
        history.push(before);
        moves.add(move);
        toPlay = toPlay.opponent();
    }

    /**
     * Whether {@code move} would be legal now, without playing it (the policy networks' masks ask this for every point
     * of every position): an empty point that is not the ko point is legal when it has an empty neighbour, joins an
     * own group that keeps another liberty, or captures an opponent group in atari; otherwise it is suicide.
     */
    public boolean isLegal(Move move) {
        if (move.colour() != toPlay) return false;
        if (move.isPass()) return true;
        int p = move.point();
        if (points[p] != Stone.EMPTY || p == koPoint) return false;
        int[] around = neighbours(p);
        for (int n : around) if (points[n] == Stone.EMPTY) return true;
        for (int n : around) {
            int liberties = liberties(points, n);
            if (points[n] == move.colour() && liberties > 1) return true;
            if (points[n] == move.colour().opponent() && liberties == 1) return true;
        }
        return false;
    }

    /** Takes back the last move; false when there is none. */
    public boolean undo() {
        if (history.isEmpty()) return false;
        Snapshot s = history.pop();
        points = s.points;
        toPlay = s.toPlay;
        koPoint = s.koPoint;
        blackCaptures = s.blackCaptures;
        whiteCaptures = s.whiteCaptures;
        moves.remove(moves.size() - 1);
        return true;
    }

    public Board copy() {
        Board b = new Board();
        b.points = points.clone();
        b.toPlay = toPlay;
        b.koPoint = koPoint;
        b.blackCaptures = blackCaptures;
        b.whiteCaptures = whiteCaptures;
        b.moves.addAll(moves);
        b.history.addAll(history);
        return b;
    }

    /** Liberties of the group on {@code point} (0 for an empty point). */
    public int liberties(int point) {
        return points[point] == Stone.EMPTY ? 0 : liberties(points, point);
    }

    static int liberties(Stone[] board, int point) {
        boolean[] seen = new boolean[POINTS];
        int count = 0;
        for (int s : group(board, point)) {
            for (int n : neighbours(s)) {
                if (board[n] == Stone.EMPTY && !seen[n]) {
                    seen[n] = true;
                    count++;
                }
            }
        }
        return count;
    }

    static List<Integer> group(Stone[] board, int point) {
        Stone colour = board[point];
        List<Integer> group = new ArrayList<>();
        boolean[] seen = new boolean[POINTS];
        Deque<Integer> todo = new ArrayDeque<>(List.of(point));
        seen[point] = true;
        while (!todo.isEmpty()) {
            int p = todo.pop();
            group.add(p);
            for (int n : neighbours(p)) {
                if (!seen[n] && board[n] == colour) {
                    seen[n] = true;
                    todo.push(n);
                }
            }
        }
        return group;
    }

    static int[] neighbours(int point) {
        int r = point / SIZE, c = point % SIZE;
        int[] n = new int[4];
        int k = 0;
        if (r > 0) n[k++] = point - SIZE;
        if (r < SIZE - 1) n[k++] = point + SIZE;
        if (c > 0) n[k++] = point - 1;
        if (c < SIZE - 1) n[k++] = point + 1;
        return Arrays.copyOf(n, k);
    }

    public static String coordinate(int row, int column) {
        return COLUMNS.charAt(column) + String.valueOf(SIZE - row);
    }

    private static String name(Stone s) {
        return s == Stone.BLACK ? "Black" : "White";
    }
}
