package cnnlab.go;

/**
 * The 8 symmetries of the square board (4 rotations, each with or without a mirror). Go is the same game under all of
 * them, so every training position is used 8 times; AlphaGo also averaged its predictions over them.
 */
public enum Symmetry {
    IDENTITY(false, 0), ROTATE_90(false, 1), ROTATE_180(false, 2), ROTATE_270(false, 3),
    MIRROR(true, 0), MIRROR_ROTATE_90(true, 1), MIRROR_ROTATE_180(true, 2), MIRROR_ROTATE_270(true, 3);

    private final boolean mirror;
    private final int quarterTurns;

    Symmetry(boolean mirror, int quarterTurns) {
        this.mirror = mirror;
        this.quarterTurns = quarterTurns;
    }

    /** Where point {@code p} (row-major 0..360) goes. */
    public int apply(int p) {
        int n = Board.SIZE - 1, r = p / Board.SIZE, c = p % Board.SIZE;
        if (mirror) c = n - c;
        for (int i = 0; i < quarterTurns; i++) {
            int t = r;
            r = c;
            c = n - t;
        }
        return r * Board.SIZE + c;
    }

    /** The symmetry that undoes this one. */
    public Symmetry inverse() {
        for (Symmetry s : values()) {
            boolean undoes = true;
            for (int p = 0; p < Board.POINTS && undoes; p++) undoes = s.apply(apply(p)) == p;
            if (undoes) return s;
        }
        throw new IllegalStateException();
    }

    /** Planes [k][361] with every plane transformed. */
    public float[] apply(float[] planes) {
        float[] out = new float[planes.length];
        int k = planes.length / Board.POINTS;
        for (int plane = 0; plane < k; plane++) {
            int base = plane * Board.POINTS;
            for (int p = 0; p < Board.POINTS; p++) out[base + apply(p)] = planes[base + p];
        }
        return out;
    }
}
