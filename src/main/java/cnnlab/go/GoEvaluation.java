package cnnlab.go;

/** The held-out split both Go networks are trained and evaluated with: 10% of the games, the same for both. */
public final class GoEvaluation {
    public static final double TEST_FRACTION = 0.1;
    public static final long SPLIT_SEED = 2016;

    private GoEvaluation() { }
}
