package cnnlab.digits;

import java.util.Optional;

/**
 * Turns a drawing into what MNIST digits look like, as LeCun et al. made them: crop to the ink's bounding box,
 * scale to fit a 20x20 box keeping the aspect ratio (anti-aliased: every output pixel is the exact average of
 * the source area it covers), then place it in a 28x28 field so that the ink's centre of mass is at the centre.
 * Without this the network, trained on centred MNIST digits, misreads a small or off-centre drawing.
 */
public final class MnistPreprocessor {
    public static final int FIELD = 28;
    public static final int BOX = 20;
    /** Pixels fainter than this are anti-aliasing fringe, not ink, when finding the bounding box. */
    static final float INK = 0.1f;

    private MnistPreprocessor() { }

    /** The 28x28 image the network sees, or empty when there is no ink to read. */
    public static Optional<GrayImage> toMnist(GrayImage src) {
        int w = src.width(), h = src.height();
        int minX = w, minY = h, maxX = -1, maxY = -1;
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = src.at(x, y);
                if (v > INK) {
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    if (y > maxY) maxY = y;
                }
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        if (maxX < 0) return Optional.empty();
        int bw = maxX - minX + 1, bh = maxY - minY + 1;
        double scale = (double) BOX / Math.max(bw, bh);
        // centre of mass of the ink, in continuous source coordinates (pixel x covers [x, x+1))
        double comX = mx / mass, comY = my / mass;
        // target = offset + scale * source; choose offset so that the centre of mass lands on the field's centre
        double offX = FIELD / 2.0 - scale * comX;
        double offY = FIELD / 2.0 - scale * comY;
        AreaIntegral area = new AreaIntegral(src);
        float[] out = new float[FIELD * FIELD];
        double inv = 1 / scale;
        for (int v = 0; v < FIELD; v++) {
            double sy0 = (v - offY) * inv, sy1 = (v + 1 - offY) * inv;
            for (int u = 0; u < FIELD; u++) {
                double sx0 = (u - offX) * inv, sx1 = (u + 1 - offX) * inv;
                double mean = area.sum(sx0, sy0, sx1, sy1) * scale * scale;
                out[v * FIELD + u] = (float) Math.min(1.0, Math.max(0.0, mean));
            }
        }
        // Normalise contrast: MNIST strokes reach full intensity at their core.
        float peak = 0;
        for (float p : out) peak = Math.max(peak, p);
        if (peak < 1e-3f) return Optional.empty();
        if (peak < 1f) for (int i = 0; i < out.length; i++) out[i] = Math.min(1f, out[i] / peak);
        return Optional.of(new GrayImage(FIELD, FIELD, out));
    }

    /**
     * Summed-area table of a piecewise-constant image. Its integral F(x, y) over [0,x) x [0,y) is bilinear inside
     * each pixel, so bilinear interpolation of the table gives exact sums over rectangles with fractional corners.
     */
    static final class AreaIntegral {
        private final int w, h;
        private final double[] table;   // (w+1) x (h+1), table[y*(w+1)+x] = sum over [0,x) x [0,y)

        AreaIntegral(GrayImage img) {
            w = img.width();
            h = img.height();
            table = new double[(w + 1) * (h + 1)];
            for (int y = 1; y <= h; y++) {
                double row = 0;
                for (int x = 1; x <= w; x++) {
                    row += img.at(x - 1, y - 1);
                    table[y * (w + 1) + x] = table[(y - 1) * (w + 1) + x] + row;
                }
            }
        }

        double sum(double x0, double y0, double x1, double y1) {
            return at(x1, y1) - at(x0, y1) - at(x1, y0) + at(x0, y0);
        }

        private double at(double x, double y) {
            x = Math.max(0, Math.min(w, x));
            y = Math.max(0, Math.min(h, y));
            int ix = (int) Math.min(w - 1, Math.floor(x)), iy = (int) Math.min(h - 1, Math.floor(y));
            double fx = x - ix, fy = y - iy;
            double a = table[iy * (w + 1) + ix], b = table[iy * (w + 1) + ix + 1];
            double c = table[(iy + 1) * (w + 1) + ix], d = table[(iy + 1) * (w + 1) + ix + 1];
            return a * (1 - fx) * (1 - fy) + b * fx * (1 - fy) + c * (1 - fx) * fy + d * fx * fy;
        }
    }
}
