package cnnlab.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

/**
 * The lecture CNN run forward and backward for a batch of input images, to get the gradient of an objective with
 * respect to the PIXELS (the weights stay fixed): what gradient ascent on the input needs.
 *
 * <p>Why not DL4J's own backprop or SameDiff: both cost 20-30 ms per step for 12 images on this machine (per-op
 * overhead), too slow to animate. Here each layer is a few large ND4J operations on buffers allocated once:
 * convolutions as an im2col gather plus ONE matrix product over the whole batch (channels-last), and their input
 * gradient as a product with the transposed kernel plus a col2im gather. Tests check the forward pass against the
 * DL4J network and the gradient against finite differences.
 *
 * <p>Not thread-safe: one instance per job. Close it to free its off-heap buffers at once.
 */
public final class InputGradients implements AutoCloseable {
    /** How far forward an objective needs the network to run. */
    public enum Depth { CONV1, CONV2, DENSE, OUTPUT }

    private static final int SIDE = LectureCnn.SIDE;

    private final int batch;
    private final LectureWeights w;
    private final List<INDArray> owned = new ArrayList<>();

    // forward, channels-last: x -> a1 (conv1+ReLU) -> p1 -> a2 (conv2+ReLU) -> p2 -> a3 (dense+ReLU) -> logits;
    // package-private: Backpropagation reads them for the weights' gradients
    final INDArray cols1, a1, p1, cols2, a2, p2, a3, logits;
    private final INDArray[] cols2Slots, p1Shifted;
    // backward
    final INDArray da3, dp2, dz2, dp1, dz1;
    private final INDArray gp2, up2, pup2, dcols2, dcols2Padded, stack2, gp1, up1, pup1;
    private final INDArray dcols1, ones9;
    private final INDArray[] up2Views, pup2Views, up1Views, pup1Views, stack2Slots, dcols2Shifted;
    private final DynamicCustomOp pool1, pool2, reluBpP2, reluBpP1;

    public InputGradients(LectureWeights weights, int batch) {
        this(weights, batch, true);
    }

    /** Only the forward pass and {@link #layerActivations}: no backward buffers (a third of the memory). */
    public static InputGradients forwardOnly(LectureWeights weights, int batch) {
        return new InputGradients(weights, batch, false);
    }

    private InputGradients(LectureWeights weights, int batch, boolean backward) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1");
        this.batch = batch;
        this.w = weights;
        int b = batch;
        cols1 = buffer(b, 26, 26, 9);
        a1 = buffer(b, 26, 26, 25);
        p1 = buffer(b, 13, 13, 25);
        cols2 = buffer(b, 11, 11, 225);
        a2 = buffer(b, 11, 11, 50);
        p2 = buffer(b, 5, 5, 50);
        a3 = buffer(b, 100);
        logits = buffer(b, 10);
        p1Shifted = shifted(p1, 11);
        cols2Slots = slots(cols2, 25);
        pool1 = maxPool(a1, p1);
        pool2 = maxPool(a2, p2);

        da3 = backward ? buffer(b, 100) : null;
        dp2 = backward ? buffer(b, 5, 5, 50) : null;
        gp2 = backward ? buffer(b, 5, 5, 50) : null;
        up2 = backward ? buffer(b, 11, 11, 50) : null;
        pup2 = backward ? buffer(b, 11, 11, 50) : null;
        dz2 = backward ? buffer(b, 11, 11, 50) : null;
        dcols2 = backward ? buffer(b, 11, 11, 225) : null;
        dcols2Padded = backward ? buffer(b, 15, 15, 225) : null;
        stack2 = backward ? buffer(9, b, 13, 13, 25) : null;
        dp1 = backward ? buffer(b, 13, 13, 25) : null;
        gp1 = backward ? buffer(b, 13, 13, 25) : null;
        up1 = backward ? buffer(b, 26, 26, 25) : null;
        pup1 = backward ? buffer(b, 26, 26, 25) : null;
        dz1 = backward ? buffer(b, 26, 26, 25) : null;
        dcols1 = backward ? buffer(b, 26, 26, 9) : null;
        ones9 = backward ? own(Nd4j.ones(DataType.FLOAT, 1, 9)) : null;
        up2Views = backward ? windowCorners(up2, 5) : null;
        pup2Views = backward ? windowCorners(pup2, 5) : null;
        up1Views = backward ? windowCorners(up1, 13) : null;
        pup1Views = backward ? windowCorners(pup1, 13) : null;
        stack2Slots = backward ? stackSlots(stack2) : null;
        dcols2Shifted = backward ? paddedSources(dcols2Padded, 13, 25) : null;
        reluBpP2 = backward ? reluBp(p2, dp2, gp2) : null;
        reluBpP1 = backward ? reluBp(p1, dp1, gp1) : null;
    }

    public int batch() {
        return batch;
    }

    /** Runs the batch of images ({@code batch x 28 x 28}, row-major, values in [0,1]) forward as far as {@code depth}. */
    public void forward(float[] images, Depth depth) {
        if (images.length != batch * LectureCnn.PIXELS) {
            throw new IllegalArgumentException("expected " + batch * LectureCnn.PIXELS + " pixels, got " + images.length);
        }
        FloatBuffer in = cols1.data().asNioFloat();
        in.clear();
        in.put(pixelColumns(images));
        convProduct(cols1, w.conv1(), w.conv1Bias(), a1);
        if (depth == Depth.CONV1) return;
        Nd4j.exec(pool1);
        conv(p1Shifted, cols2Slots, cols2, w.conv2(), w.conv2Bias(), a2);
        if (depth == Depth.CONV2) return;
        Nd4j.exec(pool2);
        INDArray flat = p2.reshape(batch, LectureCnn.LAYERS.get(3).size());
        Nd4j.gemm(flat, w.dense(), a3, false, false, 1.0, 0.0);
        a3.addiRowVector(w.denseBias());
        Nd4j.exec(new RectifiedLinear(a3, a3, 0.0));
        if (depth == Depth.DENSE) return;
        Nd4j.gemm(a3, w.output(), logits, false, false, 1.0, 0.0);
        logits.addiRowVector(w.outputBias());
    }

    /**
     * The output of a layer after the last {@link #forward}, channels-last: conv1 [b,26,26,25], conv2 [b,11,11,50],
     * dense [b,100] (all after ReLU), output [b,10] (logits, before softmax). A live view: do not keep it.
     */
    public INDArray activation(Depth depth) {
        return switch (depth) {
            case CONV1 -> a1;
            case CONV2 -> a2;
            case DENSE -> a3;
            case OUTPUT -> logits;
        };
    }

    /**
     * Back-propagates {@code grad}, the objective's gradient with respect to {@link #activation(Depth)} (same shape), to
     * the input pixels; returns {@code batch x 28 x 28} row-major. For conv and dense layers the gradient is taken
     * through that layer's ReLU except for images where {@code throughRelu[i]} is false: there it reaches the
     * pre-activation as is (used to wake a unit whose ReLU is off everywhere, which would otherwise get no gradient).
     */
    public float[] backward(Depth depth, INDArray grad, boolean[] throughRelu) {
        if (da3 == null) throw new IllegalStateException("made by forwardOnly: no backward pass");
        INDArray g = grad;
        switch (depth) {
            case OUTPUT:
                Nd4j.gemm(g, w.output(), da3, false, true, 1.0, 0.0);
                g = da3;
                throughRelu = null;
                // fall through: continue from the dense layer's output
            case DENSE:
                reluMasked(a3, g, da3, throughRelu);
                Nd4j.gemm(da3, w.dense(), dp2.reshape(batch, LectureCnn.LAYERS.get(3).size()), false, true, 1.0, 0.0);
                Nd4j.exec(reluBpP2);   // ReLU'(z2) applied where pooling routes: a2 == p2 > 0 there
                unpool(gp2, p2, a2, up2Views, pup2Views, up2, pup2, dz2);
                convBackward(dz2, w.conv2(), dcols2, dcols2Padded, stack2Slots, dcols2Shifted, stack2, dp1);
                break;
            case CONV2:
                reluMasked(a2, g, dz2, throughRelu);
                convBackward(dz2, w.conv2(), dcols2, dcols2Padded, stack2Slots, dcols2Shifted, stack2, dp1);
                break;
            case CONV1:
                reluMasked(a1, g, dz1, throughRelu);
                return toInput(dz1);
        }
        Nd4j.exec(reluBpP1);
        unpool(gp1, p1, a1, up1Views, pup1Views, up1, pup1, dz1);
        return toInput(dz1);
    }

    /**
     * Every layer's output for the first {@code n} images of the last {@code forward(images, OUTPUT)}, as the DL4J
     * network gives them: (channel, y, x) order, the output layer as softmax probabilities. One copy out of each
     * buffer, then a transposition per image in Java (ND4J's strided permute costs more at these sizes).
     */
    public List<LayerActivations> layerActivations(float[] images, int n) {
        if (n < 1 || n > batch) throw new IllegalArgumentException("n must be in 1.." + batch);
        INDArray[] nhwc = {a1, p1, a2, p2};
        float[][] all = new float[nhwc.length][];
        for (int l = 0; l < nhwc.length; l++) all[l] = nhwc[l].data().asFloat();
        float[] dense = a3.data().asFloat(), out = logits.data().asFloat();
        List<LayerActivations> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<float[]> layers = new ArrayList<>(LectureCnn.LAYERS.size());
            for (int l = 0; l < nhwc.length; l++) layers.add(channelsFirst(all[l], i, LectureCnn.LAYERS.get(l)));
            layers.add(java.util.Arrays.copyOfRange(dense, i * 100, (i + 1) * 100));
            layers.add(softmax(out, i * LectureCnn.CLASSES));
            result.add(new LayerActivations(java.util.Arrays.copyOfRange(images, i * LectureCnn.PIXELS, (i + 1) * LectureCnn.PIXELS),
                    List.copyOf(layers)));
        }
        return result;
    }

    /** Image {@code i}'s (y, x, channel) block of a batch buffer, as (channel, y, x). */
    private static float[] channelsFirst(float[] batchNhwc, int i, LectureCnn.LayerShape shape) {
        int c = shape.maps(), area = shape.height() * shape.width();
        float[] out = new float[shape.size()];
        int from = i * shape.size();
        for (int p = 0; p < area; p++) {
            for (int k = 0; k < c; k++) out[k * area + p] = batchNhwc[from + p * c + k];
        }
        return out;
    }

    private static float[] softmax(float[] logits, int from) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int j = 0; j < LectureCnn.CLASSES; j++) max = Math.max(max, logits[from + j]);
        double[] e = new double[LectureCnn.CLASSES];
        for (int j = 0; j < e.length; j++) sum += e[j] = Math.exp(logits[from + j] - max);
        float[] p = new float[e.length];
        for (int j = 0; j < e.length; j++) p[j] = (float) (e[j] / sum);
        return p;
    }

    private float[] toInput(INDArray dzConv1) {
        INDArray dzRows = dzConv1.reshape(dzConv1.length() / dzConv1.size(3), dzConv1.size(3));
        Nd4j.gemm(dzRows, w.conv1(), dcols1.reshape(dzRows.size(0), 9), false, true, 1.0, 0.0);
        float[] columns = new float[(int) dcols1.length()];
        FloatBuffer b = dcols1.data().asNioFloat();
        b.clear();
        b.get(columns);
        return pixelGradient(columns);
    }

    /*
     * The input layer's im2col and col2im work on the pixels as Java arrays: the image has ONE channel, so ND4J's
     * strided copies would move one float at a time (measured: a third of a whole ascent step); here they are two
     * tight loops over ~10^5 floats. The arithmetic (the matrix products) stays in ND4J.
     */

    /** im2col of the 28x28 pictures: row (image, y, x) holds the 3x3 patch at (y, x), in (dy, dx) order. */
    private float[] pixelColumns(float[] images) {
        float[] cols = new float[batch * 26 * 26 * 9];
        int i = 0;
        for (int b = 0; b < batch; b++) {
            int base = b * LectureCnn.PIXELS;
            for (int y = 0; y < 26; y++) {
                for (int x = 0; x < 26; x++) {
                    int p = base + y * SIDE + x;
                    for (int dy = 0; dy < 3; dy++, p += SIDE) {
                        cols[i++] = images[p];
                        cols[i++] = images[p + 1];
                        cols[i++] = images[p + 2];
                    }
                }
            }
        }
        return cols;
    }

    /** col2im: every pixel sums the gradient of each patch position it appeared in. */
    private float[] pixelGradient(float[] columns) {
        float[] out = new float[batch * LectureCnn.PIXELS];
        int i = 0;
        for (int b = 0; b < batch; b++) {
            int base = b * LectureCnn.PIXELS;
            for (int y = 0; y < 26; y++) {
                for (int x = 0; x < 26; x++) {
                    int p = base + y * SIDE + x;
                    for (int dy = 0; dy < 3; dy++, p += SIDE) {
                        out[p] += columns[i++];
                        out[p + 1] += columns[i++];
                        out[p + 2] += columns[i++];
                    }
                }
            }
        }
        return out;
    }

    /** out = ReLU'(a) * g, per image, or g itself for images that bypass the ReLU. */
    private void reluMasked(INDArray activation, INDArray g, INDArray out, boolean[] throughRelu) {
        Nd4j.exec(reluBp(activation, g, out));
        if (throughRelu == null) return;
        for (int i = 0; i < batch; i++) {
            if (!throughRelu[i]) out.get(point(i)).assign(g.get(point(i)));
        }
    }

    /** conv + bias + ReLU: gather the 9 shifted copies of the input into im2col rows, then one matrix product. */
    private void conv(INDArray[] shiftedInput, INDArray[] colSlots, INDArray cols, INDArray kernel, INDArray bias, INDArray out) {
        for (int k = 0; k < 9; k++) colSlots[k].assign(shiftedInput[k]);
        convProduct(cols, kernel, bias, out);
    }

    /** out = ReLU(cols . kernel + bias), one matrix product for the whole batch. */
    private void convProduct(INDArray cols, INDArray kernel, INDArray bias, INDArray out) {
        INDArray rows = out.reshape(out.length() / out.size(3), out.size(3));
        Nd4j.gemm(cols.reshape(rows.size(0), cols.size(3)), kernel, rows, false, false, 1.0, 0.0);
        rows.addiRowVector(bias);
        Nd4j.exec(new RectifiedLinear(out, out, 0.0));
    }

    /**
     * Gradient of a valid 3x3 convolution with respect to its input: columns = dz . kernel^T, then each input pixel
     * sums the 9 column entries that saw it. The sum is a gather from a zero-padded copy (fast, contiguous writes)
     * and a product with a row of ones, because scatter-adds into strided views are slow in ND4J.
     */
    /** dp1 = the gradient at pool1's output, given dz2 (at conv2's pre-activation): Backpropagation's way down. */
    void conv2InputGradient() {
        convBackward(dz2, w.conv2(), dcols2, dcols2Padded, stack2Slots, dcols2Shifted, stack2, dp1);
    }

    private void convBackward(INDArray dz, INDArray kernel, INDArray dcols, INDArray padded, INDArray[] stackSlots,
                              INDArray[] paddedShifted, INDArray stack, INDArray dInput) {
        INDArray dzRows = dz.reshape(dz.length() / dz.size(3), dz.size(3));
        Nd4j.gemm(dzRows, kernel, dcols.reshape(dzRows.size(0), dcols.size(3)), false, true, 1.0, 0.0);
        padded.get(all(), interval(2, 2 + dcols.size(1)), interval(2, 2 + dcols.size(2)), all()).assign(dcols);
        for (int k = 0; k < 9; k++) stackSlots[k].assign(paddedShifted[k]);
        Nd4j.gemm(ones9, stack.reshape(9, dInput.length()), dInput.reshape(1, dInput.length()), false, false, 1.0, 0.0);
    }

    /**
     * Max-pooling backward: each window's gradient goes to the position that held the maximum. The pooled gradient
     * and maxima are spread over their 2x2 windows (4 strided copies each, fast), then masked where
     * activation == window max, computed as 1 - sign(max - activation) because max >= activation (ND4J's boolean
     * select is ~100x slower here). Exact ties (other than silent zeros, which ReLU' has removed) share the gradient.
     */
    private static void unpool(INDArray pooledGrad, INDArray pooled, INDArray activation, INDArray[] upViews,
                               INDArray[] pooledUpViews, INDArray up, INDArray pooledUp, INDArray out) {
        for (int k = 0; k < 4; k++) {
            upViews[k].assign(pooledGrad);
            pooledUpViews[k].assign(pooled);
        }
        pooledUp.subi(activation);
        Nd4j.exec(new Sign(pooledUp, pooledUp));
        pooledUp.rsubi(1.0);
        Nd4j.exec(new MulOp(up, pooledUp, out));
    }

    private INDArray buffer(long... shape) {
        return own(Nd4j.zeros(DataType.FLOAT, shape));
    }

    private INDArray own(INDArray a) {
        owned.add(a);
        return a;
    }

    /** in[:, dy:dy+out, dx:dx+out, :] for the 9 offsets (dy, dx) of a 3x3 kernel, in im2col row order. */
    private static INDArray[] shifted(INDArray in, int out) {
        INDArray[] v = new INDArray[9];
        for (int dy = 0; dy < 3; dy++) {
            for (int dx = 0; dx < 3; dx++) v[dy * 3 + dx] = in.get(all(), interval(dy, dy + out), interval(dx, dx + out), all());
        }
        return v;
    }

    /** cols[..., k*C:(k+1)*C]: where kernel offset k's copy of a C-channel input goes in an im2col row. */
    private static INDArray[] slots(INDArray cols, int channels) {
        INDArray[] v = new INDArray[9];
        for (int k = 0; k < 9; k++) v[k] = cols.get(all(), all(), all(), interval(k * channels, (k + 1) * channels));
        return v;
    }

    private static INDArray[] stackSlots(INDArray stack) {
        INDArray[] v = new INDArray[9];
        for (int k = 0; k < 9; k++) v[k] = stack.get(point(k), all(), all(), all(), all());
        return v;
    }

    /** For input pixel (y, x), kernel offset k = (dy, dx) came from output (y - dy, x - dx): padded[y + 2 - dy, x + 2 - dx]. */
    private static INDArray[] paddedSources(INDArray padded, int out, int channels) {
        INDArray[] v = new INDArray[9];
        for (int dy = 0; dy < 3; dy++) {
            for (int dx = 0; dx < 3; dx++) {
                int k = dy * 3 + dx;
                v[k] = padded.get(all(), interval(2 - dy, 2 - dy + out), interval(2 - dx, 2 - dx + out),
                        interval(k * channels, (k + 1) * channels));
            }
        }
        return v;
    }

    /** The four positions of every 2x2 pooling window (rows/columns beyond 2*pooled, as in 11 -> 5, stay zero). */
    private static INDArray[] windowCorners(INDArray full, int pooled) {
        INDArray[] v = new INDArray[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                v[i * 2 + j] = full.get(all(), interval(i, 2, i + 2 * pooled - 1), interval(j, 2, j + 2 * pooled - 1), all());
            }
        }
        return v;
    }

    private static DynamicCustomOp maxPool(INDArray in, INDArray out) {
        // kernel 2x2, stride 2, no padding, dilation 1, VALID, NHWC
        return DynamicCustomOp.builder("maxpool2d").addInputs(in).addOutputs(out)
                .addIntegerArguments(2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 1).build();
    }

    static DynamicCustomOp reluBp(INDArray activation, INDArray grad, INDArray out) {
        return DynamicCustomOp.builder("relu_bp").addInputs(activation, grad).addOutputs(out).addFloatingPointArguments(0.0).build();
    }

    @Override
    public void close() {
        for (INDArray a : owned) a.close();
        owned.clear();
    }
}
