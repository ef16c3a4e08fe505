package cnnlab.go;

/** A move: a colour playing a point (row, column from the top-left, 0..18) or passing. */
public record Move(Stone colour, int row, int column) {
    public static final int PASS = -1;

    public Move {
        if (colour == Stone.EMPTY) throw new IllegalArgumentException("a move needs a colour");
        if (!(row == PASS && column == PASS) && (row < 0 || row >= Board.SIZE || column < 0 || column >= Board.SIZE)) {
            throw new IllegalArgumentException("point " + row + "," + column + " is off the board");
        }
    }

    public static Move pass(Stone colour) {
        return new Move(colour, PASS, PASS);
    }

    public static Move at(Stone colour, int row, int column) {
        return new Move(colour, row, column);
    }

    public boolean isPass() {
        return row == PASS;
    }

    /** The point as an index 0..360 (row-major), or -1 for a pass. */
    public int point() {
        return isPass() ? -1 : row * Board.SIZE + column;
    }

    /** Go's usual coordinates: columns A-T without I, rows 19 (top) to 1 (bottom); "pass". */
    @Override
    public String toString() {
        if (isPass()) return colour.letter() + " pass";
        return colour.letter() + " " + Board.coordinate(row, column);
    }
}
