package cnnlab.go;

/**
 * What the policy networks see of a position, as AlphaGo's input planes (Silver et al. 2016, a subset), each 19x19
 * and seen from the player to move: own stones, opponent stones, empty points, stones whose group has 1, 2 and 3 or
 * more liberties, and a plane of ones (it tells the zero-padded convolutions where the board ends).
 */
public final class FeaturePlanes {
    public static final String[] NAMES = {"own stones", "opponent stones", "empty", "1 liberty", "2 liberties", "3+ liberties", "ones"};
    public static final int PLANES = NAMES.length;

    private FeaturePlanes() { }

    /** [PLANES][361] as one row-major array: plane k, point p at k * 361 + p. */
    public static float[] of(Board board) {
        float[] x = new float[PLANES * Board.POINTS];
        Stone own = board.toPlay();
        int[] liberties = new int[Board.POINTS];
        Stone[] stones = snapshot(board);
        for (int p = 0; p < Board.POINTS; p++) {
            Stone s = board.at(p);
            if (s == Stone.EMPTY) {
                x[2 * Board.POINTS + p] = 1;
            } else {
                x[(s == own ? 0 : 1) * Board.POINTS + p] = 1;
                if (liberties[p] == 0) {
                    int l = Board.liberties(stones, p);   // once per group, shared by its stones
                    for (int q : Board.group(stones, p)) liberties[q] = l;
                }
                int plane = Math.min(liberties[p], 3) + 2;   // 1 -> 3, 2 -> 4, 3+ -> 5
                x[plane * Board.POINTS + p] = 1;
            }
            x[6 * Board.POINTS + p] = 1;
        }
        return x;
    }

    private static Stone[] snapshot(Board board) {
        Stone[] s = new Stone[Board.POINTS];
        for (int p = 0; p < Board.POINTS; p++) s[p] = board.at(p);
        return s;
    }
}
