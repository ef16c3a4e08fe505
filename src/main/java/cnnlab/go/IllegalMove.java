package cnnlab.go;

/** A move the rules forbid; the message says why, for the player. */
public final class IllegalMove extends Exception {
    public IllegalMove(String message) {
        super(message);
    }
}
