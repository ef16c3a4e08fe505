package cnnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The index-heavy steps of the lecture CNN's layers as plain Java loops over channels-last (NHWC) arrays: im2col
 * and its adjoint col2im for a valid 3x3 convolution, max-pooling's backward pass through the ReLU before it, and
 * a ReLU gate. Measured on the 2-core lab machine for 12 images, ND4J's strided copies and its
 * {@code maxpool2d_bp} / {@code relu_bp} ops took most of an ascent step; these loops take a fraction of a
 * millisecond. They write into arrays the caller allocated once (arrays of a megabyte or more per call would be
 * "humongous" allocations for the garbage collector). The matrix products stay in ND4J (BLAS).
 */
final class ConvIndexing {
    private ConvIndexing() { }

    /**
     * im2col of a valid 3x3 convolution over {@code side x side x c} maps into {@code cols}: row (image, y, x) holds
     * the 3x3 x c patch at (y, x), in (dy, dx, channel) order, matching {@link LectureWeights}' kernel rows.
     */
    static void im2col(float[] in, int batch, int side, int c, float[] cols) {
        int out = side - 2, i = 0;
        for (int n = 0; n < batch; n++) {
            for (int y = 0; y < out; y++) {
                for (int x = 0; x < out; x++) {
                    for (int dy = 0; dy < 3; dy++) {
                        System.arraycopy(in, ((n * side + y + dy) * side + x) * c, cols, i, 3 * c);   // dx = 0..2 are contiguous
                        i += 3 * c;
                    }
                }
            }
        }
    }

    /** col2im, the adjoint of {@link #im2col}: every input position sums the column entries it appeared in. */
    static void col2im(float[] cols, int batch, int side, int c, float[] in) {
        int out = side - 2, i = 0;
        Arrays.fill(in, 0, batch * side * side * c, 0f);
        for (int n = 0; n < batch; n++) {
            for (int y = 0; y < out; y++) {
                for (int x = 0; x < out; x++) {
                    for (int dy = 0; dy < 3; dy++) {
                        int to = ((n * side + y + dy) * side + x) * c;
                        for (int k = 0; k < 3 * c; k++) in[to + k] += cols[i++];
                    }
                }
            }
        }
    }

    /**
     * Into {@code out}, the gradient at a conv layer's pre-activation given the gradient at its 2x2 max-pooled
     * output: each window's gradient goes to the first position holding the window's maximum (DL4J's routing), times
     * ReLU' there (1 if that maximum is positive); every other position gets 0, as do rows and columns beyond
     * 2 x pooled (11 -> 5).
     */
    static void unpoolThroughRelu(float[] activation, float[] pooledGrad, int batch, int side, int pooled, int c, float[] out) {
        if (2 * pooled != side) Arrays.fill(out, 0, batch * side * side * c, 0f);   // the odd last row and column
        int right = c, down = side * c, g = 0;
        for (int n = 0; n < batch; n++) {
            for (int py = 0; py < pooled; py++) {
                for (int px = 0; px < pooled; px++, g += c) {
                    int p0 = ((n * side + 2 * py) * side + 2 * px) * c;
                    // branch-free: every position of the window is written, the gradient only where the first
                    // maximum is (data-dependent branches here mispredict about half the time)
                    for (int k = 0; k < c; k++) {
                        int i0 = p0 + k, i1 = i0 + right, i2 = i0 + down, i3 = i2 + right;
                        float a0 = activation[i0], a1 = activation[i1], a2 = activation[i2], a3 = activation[i3];
                        float m = Math.max(Math.max(a0, a1), Math.max(a2, a3));
                        float v = m > 0 ? pooledGrad[g + k] : 0f;
                        boolean e0 = a0 == m, e1 = !e0 & a1 == m, e2 = !e0 & !e1 & a2 == m, e3 = !e0 & !e1 & !e2;
                        out[i0] = e0 ? v : 0f;
                        out[i1] = e1 ? v : 0f;
                        out[i2] = e2 ? v : 0f;
                        out[i3] = e3 ? v : 0f;
                    }
                }
            }
        }
    }

    /** out = g where the ReLU's output is positive, else 0; images with {@code throughRelu[i] == false} keep g as is. */
    static void reluGate(float[] activation, float[] g, int batch, int perImage, boolean[] throughRelu, float[] out) {
        for (int n = 0; n < batch; n++) {
            boolean gate = throughRelu == null || throughRelu[n];
            for (int p = n * perImage; p < (n + 1) * perImage; p++) out[p] = !gate || activation[p] > 0 ? g[p] : 0;
        }
    }

    /**
     * An array's values in row-major order into {@code into}, copied in bulk through an NIO view (ND4J's
     * {@code asFloat()} reads one element at a time); through an ND4J copy first if it is a view.
     */
    static float[] read(INDArray a, float[] into) {
        if (a.ordering() == 'c' && a.offset() == 0 && !a.isView() && a.data().length() == a.length()) {
            FloatBuffer b = a.data().asNioFloat();
            b.clear();
            b.get(into, 0, (int) a.length());
            return into;
        }
        try (INDArray c = a.dup('c')) {
            return read(c, into);
        }
    }

    /** A new array with {@code a}'s values (see {@link #read}). */
    static float[] values(INDArray a) {
        return read(a, new float[(int) a.length()]);
    }

    /** Writes the first {@code target.length()} values into a contiguous ND4J buffer. */
    static void put(INDArray target, float[] values) {
        FloatBuffer b = target.data().asNioFloat();
        b.clear();
        b.put(values, 0, (int) target.length());
    }
}
