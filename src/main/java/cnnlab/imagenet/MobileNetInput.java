package cnnlab.imagenet;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The 128x128 RGB picture MobileNet reads, kept as 8-bit pixels in row-major order with R, G, B per pixel (HWC):
 * exactly the quantised model's input, which the float network sees as (q - 128) / 128 in [-1, 1).
 * A photo is centre-cropped to a square (the network was trained on square crops; squeezing would distort
 * shapes) and resized separably: each output pixel is the exact area average of the source pixels it covers when
 * shrinking (no aliasing), bilinear when enlarging.
 */
public record MobileNetInput(byte[] rgb) {
    public static final int SIZE = 128;

    public MobileNetInput {
        if (rgb.length != SIZE * SIZE * 3) throw new IllegalArgumentException("expected " + SIZE + "x" + SIZE + "x3 pixels");
    }

    public static MobileNetInput of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight(), side = Math.min(w, h);
        int[] argb = image.getRGB((w - side) / 2, (h - side) / 2, side, side, null, 0, side);
        Taps taps = Taps.resampling(side, SIZE);
        // rows first: [side][SIZE][3], then columns: [SIZE][SIZE][3]
        float[] rows = new float[side * SIZE * 3];
        for (int y = 0; y < side; y++) {
            for (int u = 0; u < SIZE; u++) {
                float r = 0, g = 0, b = 0;
                for (int t = taps.start[u]; t < taps.start[u + 1]; t++) {
                    int p = argb[y * side + taps.index[t]];
                    float k = taps.weight[t];
                    r += k * (p >> 16 & 0xff);
                    g += k * (p >> 8 & 0xff);
                    b += k * (p & 0xff);
                }
                int o = (y * SIZE + u) * 3;
                rows[o] = r;
                rows[o + 1] = g;
                rows[o + 2] = b;
            }
        }
        byte[] out = new byte[SIZE * SIZE * 3];
        for (int v = 0; v < SIZE; v++) {
            for (int u = 0; u < SIZE; u++) {
                for (int c = 0; c < 3; c++) {
                    float s = 0;
                    for (int t = taps.start[v]; t < taps.start[v + 1]; t++) s += taps.weight[t] * rows[(taps.index[t] * SIZE + u) * 3 + c];
                    out[(v * SIZE + u) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(s)));
                }
            }
        }
        return new MobileNetInput(out);
    }

    /** Pixel value 0..255 of channel c (0 = R) at row y, column x. */
    public int pixel(int y, int x, int c) {
        return rgb[(y * SIZE + x) * 3 + c] & 0xff;
    }

    /** One image as the network's NCHW input [1, 3, 128, 128]. */
    public INDArray toNchw() {
        return batch(List.of(this));
    }

    public static INDArray batch(List<MobileNetInput> inputs) {
        int plane = SIZE * SIZE;
        float[] x = new float[inputs.size() * 3 * plane];
        for (int n = 0; n < inputs.size(); n++) {
            byte[] rgb = inputs.get(n).rgb;
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < 3; c++) x[(n * 3 + c) * plane + i] = ((rgb[i * 3 + c] & 0xff) - 128) / 128f;
            }
        }
        return Nd4j.create(x, new long[]{inputs.size(), 3, SIZE, SIZE}, 'c');
    }

    /** For each output index u, source indices and weights start[u] .. start[u+1]-1 along one axis. */
    private record Taps(int[] start, int[] index, float[] weight) {
        static Taps resampling(int from, int to) {
            int[] start = new int[to + 1];
            int[] index = new int[to * (from / to + 3)];
            float[] weight = new float[index.length];
            double scale = (double) from / to;
            int n = 0;
            for (int u = 0; u < to; u++) {
                start[u] = n;
                if (from >= to) {   // area: source interval [u*scale, (u+1)*scale)
                    double a = u * scale, b = (u + 1) * scale;
                    for (int s = (int) Math.floor(a); s < Math.min(from, Math.ceil(b)); s++) {
                        double cover = Math.min(b, s + 1) - Math.max(a, s);
                        if (cover <= 0) continue;
                        index[n] = s;
                        weight[n++] = (float) (cover / scale);
                    }
                } else {            // bilinear between the two nearest source pixel centres
                    double x = Math.max(0, Math.min(from - 1, (u + 0.5) * scale - 0.5));
                    int s = (int) Math.floor(x);
                    double f = x - s;
                    index[n] = s;
                    weight[n++] = (float) (1 - f);
                    index[n] = Math.min(s + 1, from - 1);
                    weight[n++] = (float) f;
                }
            }
            start[to] = n;
            return new Taps(start, index, weight);
        }
    }
}
