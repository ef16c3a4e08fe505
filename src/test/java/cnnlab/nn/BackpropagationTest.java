package cnnlab.nn;

import cnnlab.train.MnistData;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast training pass against DL4J's own: same loss, same gradients, same Adam step, on real digits. */
class BackpropagationTest {
    static MnistData digits;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream im = new GZIPInputStream(BackpropagationTest.class.getResourceAsStream("/mnist/t10k-1000-images-idx3-ubyte.gz"));
             InputStream lb = new GZIPInputStream(BackpropagationTest.class.getResourceAsStream("/mnist/t10k-1000-labels-idx1-ubyte.gz"))) {
            digits = MnistData.read(im, lb, Integer.MAX_VALUE);
        }
    }

    private static float[] images(int from, int n) {
        float[] x = new float[n * LectureCnn.PIXELS];
        for (int i = 0; i < n; i++) System.arraycopy(digits.images()[from + i], 0, x, i * LectureCnn.PIXELS, LectureCnn.PIXELS);
        return x;
    }

    private static int[] labels(int from, int n) {
        return java.util.Arrays.copyOfRange(digits.labels(), from, from + n);
    }

    private static DataSet dataSet(int from, int n) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, LectureCnn.CLASSES);
        int[] l = labels(from, n);
        for (int i = 0; i < n; i++) y.putScalar(i, l[i], 1);
        return new DataSet(Nd4j.create(images(from, n), new long[]{n, 1, 28, 28}, DataType.FLOAT), y);
    }

    /** Largest |a - b| relative to the largest |b| of the array. */
    private static double relativeError(INDArray a, INDArray b) {
        double scale = Math.max(1e-12, b.amaxNumber().doubleValue());
        return a.sub(b).amaxNumber().doubleValue() / scale;
    }

    private static void assertSameWeights(LectureWeights expected, LectureWeights actual, double tolerance, String what) {
        List<INDArray> e = expected.all(), a = actual.all();
        String[] names = {"conv1", "conv1 bias", "conv2", "conv2 bias", "dense", "dense bias", "output", "output bias"};
        for (int i = 0; i < e.size(); i++) {
            assertEquals(java.util.Arrays.toString(e.get(i).shape()), java.util.Arrays.toString(a.get(i).shape()), names[i]);
            double err = relativeError(a.get(i), e.get(i));
            assertTrue(err < tolerance, what + ", " + names[i] + ": relative error " + err);
        }
    }

    @Test
    void lossAndGradientsAreDl4jsOnRealDigits() {
        for (MultiLayerNetwork net : List.of(LectureCnn.create(5, 1e-3), ShippedModel.network().clone())) {
            DataSet batch = dataSet(100, 32);
            net.setInput(batch.getFeatures());
            net.setLabels(batch.getLabels());
            net.computeGradientAndScore();
            Gradient g = net.gradient();
            MultiLayerNetwork asWeights = net.clone();
            // DL4J's gradient is summed over the batch (its updater divides by the batch size later), ours is the mean;
            // read it through the same layouts as the weights
            asWeights.setParams(g.gradient().div(32));
            try (Backpropagation bp = new Backpropagation(net, 1e-3)) {
                double loss = bp.computeGradients(images(100, 32), labels(100, 32));
                assertEquals(net.score(), loss, 1e-4 * Math.max(1, net.score()), "mean cross-entropy");
                assertSameWeights(LectureWeights.of(asWeights), bp.gradients(), 1e-3, "gradient");
            }
        }
    }

    @Test
    void adamStepsMatchDl4jsFit() {
        MultiLayerNetwork net = LectureCnn.create(11, 1e-3);
        try (Backpropagation bp = new Backpropagation(net, 1e-3)) {
            for (int step = 0; step < 3; step++) {
                int from = step * 64;
                bp.step(images(from, 64), labels(from, 64));
                net.fit(dataSet(from, 64));
            }
            assertSameWeights(LectureWeights.of(net), bp.weights(), 1e-3, "weights after 3 Adam steps");
            MultiLayerNetwork copy = LectureCnn.create(99, 1e-3);
            bp.copyInto(copy);
            assertEquals(0.0, relativeError(copy.params(), net.params()), 1e-3, "copyInto writes DL4J's layouts");
        }
    }

    @Test
    void splittingTheBatchBetweenWorkersGivesTheSameGradientsAndSteps() {
        MultiLayerNetwork net = LectureCnn.create(7, 1e-3);
        try (Backpropagation one = new Backpropagation(net, 1e-3); Backpropagation two = new Backpropagation(net, 1e-3, 2)) {
            for (int n : new int[] {64, 37}) {   // equal and unequal shares
                double a = one.computeGradients(images(0, n), labels(0, n)), b = two.computeGradients(images(0, n), labels(0, n));
                assertEquals(a, b, 1e-5, "mean loss of " + n);
                assertSameWeights(one.gradients(), two.gradients(), 1e-4, "gradients of " + n + " images");
            }
            for (int step = 0; step < 3; step++) {
                one.step(images(step * 64, 64), labels(step * 64, 64));
                two.step(images(step * 64, 64), labels(step * 64, 64));
            }
            assertSameWeights(one.weights(), two.weights(), 1e-4, "weights after 3 steps");
        }
    }

    @Test
    void trainingLearnsDigitsAndALastSmallerBatchWorks() {
        MultiLayerNetwork net = LectureCnn.create(3, 1e-3);
        try (Backpropagation bp = new Backpropagation(net, 2e-3)) {
            double first = 0, last = 0;
            for (int epoch = 0; epoch < 4; epoch++) {
                double sum = 0;
                for (int from = 0; from < 800; from += 50) sum += bp.step(images(from, 50), labels(from, 50));
                if (epoch == 0) first = sum / 16;
                last = sum / 16;
            }
            bp.step(images(800, 7), labels(800, 7));   // a batch of another size gets its own buffers
            assertTrue(last < first / 3, "mean loss fell from " + first + " to " + last);
            bp.copyInto(net);
            int right = 0;
            for (int i = 800; i < 1000; i++) {
                INDArray p = net.output(Nd4j.create(digits.images()[i], new long[]{1, 1, 28, 28}, DataType.FLOAT));
                if (p.argMax(1).getInt(0) == digits.labels()[i]) right++;
            }
            assertTrue(right >= 150, "held-out digits right: " + right + " of 200 after 800 training images");
        }
    }
}
