package cnnlab.features;

/**
 * The lecture's priors on what an input should look like, added to the objective as penalties (pixel values live in
 * [0,1], images are 28x28). Each weight 0 switches its term off.
 *
 * @param l1        the lecture's ink penalty: maximise y - l1 * sum |x_ij| (a digit is mostly empty paper)
 * @param tv        total variation (squared differences of neighbours): "same-coloured pixels should be contiguous"
 * @param l2        weight decay on the pixels: - l2 * sum x_ij^2
 * @param jitter    each step the image is shifted by up to this many pixels (wrapping round), so the picture must
 *                  excite the unit wherever it sits, not through one pixel-exact pattern
 * @param blurEvery every this many steps the image is blurred a little (3x3 binomial); 0 = never
 */
public record Constraints(double l1, double tv, double l2, int jitter, int blurEvery) {
    public static final Constraints NONE = new Constraints(0, 0, 0, 0, 0);
    public static final int MAX_JITTER = 4;

    public Constraints {
        if (!(l1 >= 0 && tv >= 0 && l2 >= 0) || jitter < 0 || jitter > MAX_JITTER || blurEvery < 0) {
            throw new IllegalArgumentException("constraint weights must be >= 0 and jitter at most " + MAX_JITTER);
        }
    }

    public Constraints withL1(double weight) {
        return new Constraints(weight, tv, l2, jitter, blurEvery);
    }

    /** The penalty (to subtract from the objective) for one image stored at {@code x[offset .. offset+side*side)}. */
    public double penalty(float[] x, int offset, int side) {
        double ink = 0, squares = 0, variation = 0;
        for (int y = 0; y < side; y++) {
            for (int c = 0; c < side; c++) {
                float v = x[offset + y * side + c];
                ink += Math.abs(v);
                squares += v * v;
                if (c + 1 < side) variation += sq(x[offset + y * side + c + 1] - v);
                if (y + 1 < side) variation += sq(x[offset + (y + 1) * side + c] - v);
            }
        }
        return l1 * ink + l2 * squares + tv * variation;
    }

    /** Adds the gradient of -penalty to {@code grad} for one image (the direction ascent should move it). */
    public void addGradient(float[] x, float[] grad, int offset, int side) {
        if (l1 == 0 && l2 == 0 && tv == 0) return;
        for (int y = 0; y < side; y++) {
            for (int c = 0; c < side; c++) {
                int i = offset + y * side + c;
                float v = x[i];
                double g = -l1 * Math.signum(v) - 2 * l2 * v;
                if (tv != 0) {
                    // d/dv of sum over the (up to 4) neighbour pairs that include this pixel
                    double d = 0;
                    if (c > 0) d += v - x[i - 1];
                    if (c + 1 < side) d += v - x[i + 1];
                    if (y > 0) d += v - x[i - side];
                    if (y + 1 < side) d += v - x[i + side];
                    g -= 2 * tv * d;
                }
                grad[i] += (float) g;
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
