package cnnlab.go;

/** An SGF file that cannot be read as a 19x19 game; the message says what and where. */
public final class SgfProblem extends Exception {
    public SgfProblem(String message) {
        super(message);
    }
}
