package cnnlab.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the lecture CNN by backpropagation on the same fast pass as {@link InputGradients} (im2col + one matrix
 * product per layer over the whole batch, buffers allocated once), with Adam, instead of DL4J's
 * {@code MultiLayerNetwork.fit}, which spends most of a step on per-operation overhead (~180 ms for 64 images here).
 * The loss is DL4J's: softmax + mean cross-entropy; pooling routes gradients to each window's first maximum, as
 * DL4J's does. Tests check the gradients and an Adam step against the DL4J network's own.
 *
 * <p>Not thread-safe: one trainer per training run. The weights are trained in place; {@link #copyInto} writes
 * them back into a DL4J network to save it.
 */
public final class Backpropagation implements AutoCloseable {
    /** Below this many images per worker a batch is not split (the split's overhead would cost more). */
    static final int MIN_SHARE = 8;

    private final LectureWeights weights, gradients;
    /** Each worker's gradient of its share of the batch. */
    private final List<LectureWeights> shares = new ArrayList<>();
    private final List<GradientUpdater<?>> adam = new ArrayList<>();
    private final Map<Integer, Pass> passes = new HashMap<>();
    private final List<INDArray> owned = new ArrayList<>();
    private final int workers;
    private final ExecutorService pool;
    private int iteration;

    /** Starts from {@code net}'s weights (copied), Adam with {@code learningRate}, one worker. */
    public Backpropagation(MultiLayerNetwork net, double learningRate) {
        this(net, learningRate, 1);
    }

    /**
     * As above, with the batch split between {@code workers} threads, each running its share on its own buffers
     * (data parallelism: on two cores with one BLAS thread each, this beats one pass with two BLAS threads, whose
     * hand-offs cost more than the small products gain). The gradients are averaged, so the step is the same.
     */
    public Backpropagation(MultiLayerNetwork net, double learningRate, int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1");
        this.workers = workers;
        this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "backpropagation");
            t.setDaemon(true);
            return t;
        });
        weights = LectureWeights.of(net);
        gradients = LectureWeights.zerosLike(weights);
        for (int i = 0; i < workers; i++) shares.add(LectureWeights.zerosLike(weights));
        for (INDArray w : weights.all()) {
            AdamUpdater u = new AdamUpdater(new Adam(learningRate));   // elementwise, so one per array = DL4J's one for all
            u.setStateViewArray(own(Nd4j.zeros(DataType.FLOAT, 1, 2 * w.length())), w.shape(), 'c', true);
            adam.add(u);
        }
    }

    /** Changes Adam's step size (e.g. a schedule per epoch); its moment estimates are kept. */
    public void setLearningRate(double learningRate) {
        for (GradientUpdater<?> u : adam) ((Adam) u.getConfig()).setLearningRate(learningRate);
    }

    /** One Adam step on a batch ({@code labels.length} images, row-major 28x28); returns the mean loss before it. */
    public double step(float[] images, int[] labels) {
        double loss = computeGradients(images, labels);
        List<INDArray> w = weights.all(), g = gradients.all();
        for (int i = 0; i < w.size(); i++) {
            adam.get(i).applyUpdater(g.get(i), iteration, 0);   // turns the gradient into the update, in place
            w.get(i).subi(g.get(i));
        }
        iteration++;
        return loss;
    }

    /** The mean cross-entropy of the batch and, into {@link #gradients()}, its gradient for every weight. */
    public double computeGradients(float[] images, int[] labels) {
        int b = labels.length, parts = Math.min(workers, b / MIN_SHARE);
        if (parts <= 1) return pass(0, b).gradients(images, labels, weights, gradients);
        List<Future<Double>> losses = new ArrayList<>(parts);
        int[] from = new int[parts + 1];
        for (int k = 0; k <= parts; k++) from[k] = (int) ((long) b * k / parts);
        for (int k = 0; k < parts; k++) {
            int lo = from[k], hi = from[k + 1];
            Pass pass = pass(k, hi - lo);
            LectureWeights share = shares.get(k);
            float[] x = java.util.Arrays.copyOfRange(images, lo * LectureCnn.PIXELS, hi * LectureCnn.PIXELS);
            int[] y = java.util.Arrays.copyOfRange(labels, lo, hi);
            losses.add(pool.submit(() -> pass.gradients(x, y, weights, share)));
        }
        double loss = 0;
        try {
            for (int k = 0; k < parts; k++) loss += losses.get(k).get() * (from[k + 1] - from[k]) / b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a training worker failed", e.getCause());
        }
        // each share is the mean over its images: the batch's mean weighs them by size
        List<INDArray> g = gradients.all();
        for (int i = 0; i < g.size(); i++) {
            g.get(i).assign(0);
            for (int k = 0; k < parts; k++) g.get(i).addi(shares.get(k).all().get(i).mul((double) (from[k + 1] - from[k]) / b));
        }
        return loss;
    }

    /** Worker {@code k}'s buffers for {@code batch} images (two workers never share a pass). */
    private Pass pass(int k, int batch) {
        return passes.computeIfAbsent(k * 1_000_000 + batch, key -> new Pass(weights, batch));
    }

    /** The last computed gradients, laid out as {@link LectureWeights}. */
    public LectureWeights gradients() {
        return gradients;
    }

    public LectureWeights weights() {
        return weights;
    }

    /** Writes the trained weights into {@code net} (DL4J's layouts). */
    public void copyInto(MultiLayerNetwork net) {
        weights.copyInto(net);
    }

    private INDArray own(INDArray a) {
        owned.add(a);
        return a;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
        passes.values().forEach(Pass::close);
        passes.clear();
        owned.forEach(INDArray::close);
        owned.clear();
    }

    /** The buffers of one batch size. */
    private static final class Pass implements AutoCloseable {
        final int batch;
        final InputGradients net;
        final INDArray dLogits, onesRow, onesBatch, onesConv2, onesConv1;
        final DynamicCustomOp relu3Bp;
        final float[] logits;

        Pass(LectureWeights weights, int batch) {
            this.batch = batch;
            net = new InputGradients(weights, batch);
            dLogits = Nd4j.zeros(DataType.FLOAT, batch, LectureCnn.CLASSES);
            onesRow = Nd4j.ones(DataType.FLOAT, 1, batch * 26 * 26);
            onesBatch = ones(batch);
            onesConv2 = ones(batch * 11 * 11);
            onesConv1 = ones(batch * 26 * 26);
            logits = new float[batch * LectureCnn.CLASSES];
            relu3Bp = InputGradients.reluBp(net.a3, net.da3, net.da3);
        }

        double gradients(float[] images, int[] labels, LectureWeights w, LectureWeights g) {
            net.forward(images, InputGradients.Depth.OUTPUT);
            double loss = lossGradient(labels);
            // down the network: output -> dense -> pool2 -> conv2 -> pool1 -> conv1
            Nd4j.gemm(dLogits, w.output(), net.da3, false, true, 1.0, 0.0);
            Nd4j.exec(relu3Bp);
            INDArray p2Rows = net.p2.reshape(batch, LectureCnn.LAYERS.get(3).size());
            Nd4j.gemm(net.da3, w.dense(), net.dp2.reshape(batch, LectureCnn.LAYERS.get(3).size()), false, true, 1.0, 0.0);
            net.unpool2();
            net.conv2InputGradient();
            net.unpool1();
            // every weight's gradient: one product per layer, inputs^T . output gradients; biases sum the rows
            Nd4j.gemm(net.a3, dLogits, g.output(), true, false, 1.0, 0.0);
            Nd4j.gemm(onesBatch, dLogits, g.outputBias(), false, false, 1.0, 0.0);
            Nd4j.gemm(p2Rows, net.da3, g.dense(), true, false, 1.0, 0.0);
            Nd4j.gemm(onesBatch, net.da3, g.denseBias(), false, false, 1.0, 0.0);
            INDArray dz2 = rows(net.dz2), dz1 = rows(net.dz1);
            Nd4j.gemm(net.cols2.reshape(dz2.size(0), 225), dz2, g.conv2(), true, false, 1.0, 0.0);
            Nd4j.gemm(onesConv2, dz2, g.conv2Bias(), false, false, 1.0, 0.0);
            Nd4j.gemm(net.cols1.reshape(dz1.size(0), 9), dz1, g.conv1(), true, false, 1.0, 0.0);
            Nd4j.gemm(onesConv1, dz1, g.conv1Bias(), false, false, 1.0, 0.0);
            return loss;
        }

        /** Softmax + cross-entropy on the logits in Java (10 per image); dLogits = (p - onehot) / batch, DL4J's mean. */
        private double lossGradient(int[] labels) {
            java.nio.FloatBuffer in = net.logits.data().asNioFloat();
            in.clear();
            in.get(logits);
            float[] d = new float[logits.length];
            double loss = 0;
            int k = LectureCnn.CLASSES;
            for (int i = 0; i < batch; i++) {
                if (labels[i] < 0 || labels[i] >= k) throw new IllegalArgumentException("label " + labels[i] + " is not a digit");
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int j = 0; j < k; j++) max = Math.max(max, logits[i * k + j]);
                for (int j = 0; j < k; j++) sum += Math.exp(logits[i * k + j] - max);
                for (int j = 0; j < k; j++) {
                    double p = Math.exp(logits[i * k + j] - max) / sum;
                    d[i * k + j] = (float) ((p - (j == labels[i] ? 1 : 0)) / batch);
                }
                loss -= logits[i * k + labels[i]] - max - Math.log(sum);
            }
            java.nio.FloatBuffer out = dLogits.data().asNioFloat();
            out.clear();
            out.put(d);
            return loss / batch;
        }

        /** A row of n ones: a product with it sums a matrix's rows (ND4J's sum allocates its result). */
        private INDArray ones(int n) {
            return onesRow.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n));
        }

        private static INDArray rows(INDArray nhwc) {
            return nhwc.reshape(nhwc.length() / nhwc.size(3), nhwc.size(3));
        }

        @Override
        public void close() {
            net.close();
            for (INDArray a : List.of(dLogits, onesRow)) a.close();
        }
    }
}
