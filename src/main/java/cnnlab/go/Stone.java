package cnnlab.go;

/** What is on a point of the board. */
public enum Stone {
    EMPTY, BLACK, WHITE;

    public Stone opponent() {
        return this == BLACK ? WHITE : this == WHITE ? BLACK : EMPTY;
    }

    /** "B" or "W", as SGF writes them. */
    public String letter() {
        return this == BLACK ? "B" : this == WHITE ? "W" : "";
    }
}
