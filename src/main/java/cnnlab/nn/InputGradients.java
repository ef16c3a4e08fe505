package cnnlab.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;


/**
 * The lecture CNN run forward and backward for a batch of input images, to get the gradient of an objective with
 * respect to the PIXELS (the weights stay fixed): what gradient ascent on the input needs.
 *
 * <p>Why not DL4J's own backprop or SameDiff: both cost 20-30 ms per step for 12 images on this machine (per-op
 * overhead), too slow to animate. Here each layer is a few large ND4J operations on buffers allocated once:
 * convolutions as an im2col gather plus ONE matrix product over the whole batch (channels-last), and their input
 * gradient as a product with the transposed kernel plus a col2im sum; the gathers are Java loops (ND4J's strided
 * copies cost more than all the products), pooling's backward pass is ND4J's {@code maxpool2d_bp} (the gradient
 * goes to each window's maximum, as in DL4J). Tests check the forward pass against the DL4J network and the
 * gradient against finite differences.
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
    // backward
    final INDArray da3, dp2, dz2, dp1, dz1;
    private final INDArray dcols2, dcols1;
    /** Java-side scratch for the index loops (ConvIndexing), allocated once: im2col columns, activations, gradients, results. */
    private final float[] big, act, grad, result;
    private final DynamicCustomOp pool1, pool2;

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
        big = new float[b * 11 * 11 * 225];
        act = new float[b * 26 * 26 * 25];
        grad = backward ? new float[b * 26 * 26 * 25] : null;
        result = backward ? new float[b * 26 * 26 * 25] : null;
        pool1 = maxPool(a1, p1);
        pool2 = maxPool(a2, p2);

        da3 = backward ? buffer(b, 100) : null;
        dp2 = backward ? buffer(b, 5, 5, 50) : null;
        dz2 = backward ? buffer(b, 11, 11, 50) : null;
        dcols2 = backward ? buffer(b, 11, 11, 225) : null;
        dp1 = backward ? buffer(b, 13, 13, 25) : null;
        dz1 = backward ? buffer(b, 26, 26, 25) : null;
        dcols1 = backward ? buffer(b, 26, 26, 9) : null;
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
        ConvIndexing.im2col(ConvIndexing.read(p1, act), batch, 13, 25, big);
        ConvIndexing.put(cols2, big);
        convProduct(cols2, w.conv2(), w.conv2Bias(), a2);
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
                unpool2();
                conv2InputGradient();
                break;
            case CONV2:
                reluMasked(a2, g, dz2, throughRelu);
                conv2InputGradient();
                break;
            case CONV1:
                reluMasked(a1, g, dz1, throughRelu);
                return toInput(dz1);
        }
        unpool1();
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
        List<List<float[]>> perImage = new ArrayList<>(n);
        for (int i = 0; i < n; i++) perImage.add(new ArrayList<>(LectureCnn.LAYERS.size()));
        for (int l = 0; l < nhwc.length; l++) {
            ConvIndexing.read(nhwc[l], act);
            for (int i = 0; i < n; i++) perImage.get(i).add(channelsFirst(act, i, LectureCnn.LAYERS.get(l)));
        }
        float[] dense = ConvIndexing.values(a3), out = ConvIndexing.values(logits);
        List<LayerActivations> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<float[]> layers = perImage.get(i);
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
        ConvIndexing.reluGate(ConvIndexing.read(activation, act), ConvIndexing.read(g, grad), batch, (int) (activation.length() / batch),
                throughRelu, result);
        ConvIndexing.put(out, result);
    }

    /** out = ReLU(cols . kernel + bias), one matrix product for the whole batch. */
    private void convProduct(INDArray cols, INDArray kernel, INDArray bias, INDArray out) {
        INDArray rows = out.reshape(out.length() / out.size(3), out.size(3));
        Nd4j.gemm(cols.reshape(rows.size(0), cols.size(3)), kernel, rows, false, false, 1.0, 0.0);
        rows.addiRowVector(bias);
        Nd4j.exec(new RectifiedLinear(out, out, 0.0));
    }

    /**
     * dp1, the gradient at pool1's output, from dz2 (at conv2's pre-activation): the columns' gradient is one product
     * with the transposed kernel, then col2im sums each input position's 9 column entries.
     */
    void conv2InputGradient() {
        INDArray dzRows = dz2.reshape(dz2.length() / dz2.size(3), dz2.size(3));
        Nd4j.gemm(dzRows, w.conv2(), dcols2.reshape(dzRows.size(0), dcols2.size(3)), false, true, 1.0, 0.0);
        ConvIndexing.col2im(ConvIndexing.read(dcols2, big), batch, 13, 25, result);
        ConvIndexing.put(dp1, result);
    }

    /** dz2, at conv2's pre-activation, from dp2 (at pool2's output): through max-pooling and conv2's ReLU. */
    void unpool2() {
        ConvIndexing.unpoolThroughRelu(ConvIndexing.read(a2, act), ConvIndexing.read(dp2, grad), batch, 11, 5, 50, result);
        ConvIndexing.put(dz2, result);
    }

    /** dz1, at conv1's pre-activation, from dp1 (at pool1's output). */
    void unpool1() {
        ConvIndexing.unpoolThroughRelu(ConvIndexing.read(a1, act), ConvIndexing.read(dp1, grad), batch, 26, 13, 25, result);
        ConvIndexing.put(dz1, result);
    }

    private INDArray buffer(long... shape) {
        return own(Nd4j.zeros(DataType.FLOAT, shape));
    }

    private INDArray own(INDArray a) {
        owned.add(a);
        return a;
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
