package cnnlab.nn;

import cnnlab.nn.InputGradients.Depth;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputGradientsTest {
    private static final int BATCH = 3;
    private static MultiLayerNetwork net;
    private static InputGradients engine;

    @BeforeAll
    static void load() {
        net = ShippedModel.network();
        engine = new InputGradients(LectureWeights.of(net), BATCH);
    }

    @AfterAll
    static void free() {
        engine.close();
    }

    private static float[] randomImages(long seed) {
        Random r = new Random(seed);
        float[] x = new float[BATCH * LectureCnn.PIXELS];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        return x;
    }

    /** The DL4J network's output of layer {@code layer} (1-based as in feedForward), channels moved last. */
    private static INDArray dl4j(float[] images, int layer) {
        INDArray in = Nd4j.createFromArray(images).reshape(BATCH, 1, 28, 28);
        INDArray out = net.feedForward(in, false).get(layer);
        return out.rank() == 4 ? out.permute(0, 2, 3, 1) : out;
    }

    @ParameterizedTest
    @EnumSource(Depth.class)
    void forwardAgreesWithTheDl4jNetwork(Depth depth) {
        float[] images = randomImages(1);
        engine.forward(images, depth);
        INDArray mine = engine.activation(depth);
        INDArray theirs = switch (depth) {
            case CONV1 -> dl4j(images, 1);
            case CONV2 -> dl4j(images, 3);
            case DENSE -> dl4j(images, 5);
            case OUTPUT -> null;
        };
        if (depth == Depth.OUTPUT) {
            // DL4J's last layer gives probabilities: compare softmax(logits)
            INDArray probabilities = Nd4j.nn().softmax(mine.dup(), 1);
            assertTrue(probabilities.equalsWithEps(dl4j(images, 6), 1e-5), "softmax of logits = DL4J output");
        } else {
            assertArrayEquals(theirs.shape(), mine.shape());
            double scale = theirs.amaxNumber().doubleValue();
            assertTrue(mine.equalsWithEps(theirs, 1e-5 * Math.max(1, scale)), depth + " activations = DL4J's");
        }
    }

    /**
     * Objective J = sum(G * activation) for a fixed random G; its pixel gradient from backward() must match central
     * finite differences. Compared as a vector over many pixels (ReLU kinks can spoil a single difference).
     */
    @ParameterizedTest
    @EnumSource(Depth.class)
    void gradientMatchesFiniteDifferences(Depth depth) {
        float[] images = randomImages(2);
        engine.forward(images, depth);
        Nd4j.getRandom().setSeed(5);
        INDArray g = Nd4j.rand(DataType.FLOAT, engine.activation(depth).shape()).subi(0.3);
        boolean[] throughRelu = new boolean[BATCH];
        Arrays.fill(throughRelu, true);
        float[] analytic = engine.backward(depth, g, throughRelu);

        Random r = new Random(3 + depth.ordinal());
        double dot = 0, na = 0, nf = 0;
        float eps = 5e-3f;
        for (int s = 0; s < 60; s++) {
            int p = r.nextInt(images.length);
            float[] plus = images.clone(), minus = images.clone();
            plus[p] += eps;
            minus[p] -= eps;
            double fd = (objective(plus, depth, g) - objective(minus, depth, g)) / (2 * eps);
            dot += fd * analytic[p];
            na += analytic[p] * (double) analytic[p];
            nf += fd * fd;
        }
        double cosine = dot / Math.sqrt(na * nf);
        System.out.printf("%s: cosine %.5f, magnitude ratio %.4f%n", depth, cosine, Math.sqrt(na / nf));
        assertTrue(na > 0, "gradient is not all zero");
        // float32 forward passes and the odd ReLU/max-pool switch inside +-eps keep this from 1; a wrong gradient is far off
        assertTrue(cosine > 0.99, depth + ": cosine(finite differences, backward) = " + cosine);
        assertEquals(1.0, Math.sqrt(na / nf), 0.05, depth + ": gradient magnitude");
    }

    private static double objective(float[] images, Depth depth, INDArray g) {
        engine.forward(images, depth);
        return engine.activation(depth).castTo(DataType.DOUBLE).mul(g.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
    }

    @ParameterizedTest
    @EnumSource(value = Depth.class, names = {"CONV1", "CONV2", "DENSE"})
    void anImageThatBypassesTheReluStillGetsAGradient(Depth depth) {
        float[] images = new float[BATCH * LectureCnn.PIXELS];   // blank: many units are off
        engine.forward(images, depth);
        INDArray g = Nd4j.ones(DataType.FLOAT, engine.activation(depth).shape());
        boolean[] through = {true, false, true};
        float[] grad = engine.backward(depth, g, through);
        double bypass = 0;
        for (int p = LectureCnn.PIXELS; p < 2 * LectureCnn.PIXELS; p++) bypass += Math.abs(grad[p]);
        assertTrue(bypass > 0, "the image that bypasses the ReLU gets a non-zero gradient");
    }

    @ParameterizedTest
    @EnumSource(Depth.class)
    void theBatchIsIndependentPerImage(Depth depth) {
        float[] images = randomImages(4);
        engine.forward(images, depth);
        INDArray g = Nd4j.rand(DataType.FLOAT, engine.activation(depth).shape());
        boolean[] through = {true, true, true};
        float[] all = engine.backward(depth, g.dup(), through);
        // zero the objective for images 0 and 2: image 1's gradient must not change, theirs must vanish
        for (int i : List.of(0, 2)) g.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).assign(0);
        engine.forward(images, depth);
        float[] one = engine.backward(depth, g, through);
        for (int p = 0; p < images.length; p++) {
            boolean middle = p >= LectureCnn.PIXELS && p < 2 * LectureCnn.PIXELS;
            assertEquals(middle ? all[p] : 0f, one[p], 1e-5f, "pixel " + p);
        }
    }

    /** im2col by hand for one patch, and col2im is its adjoint: <im2col(x), c> = <x, col2im(c)> for any x and c. */
    @org.junit.jupiter.api.Test
    void im2colPicksPatchesAndCol2imIsItsAdjoint() {
        int batch = 2, side = 5, c = 3, out = side - 2;
        Random r = new Random(4);
        float[] x = new float[batch * side * side * c], cols = new float[batch * out * out * 9 * c];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < cols.length; i++) cols[i] = r.nextFloat() - 0.5f;
        float[] im = new float[cols.length];
        ConvIndexing.im2col(x, batch, side, c, im);
        // image 1, output (y, x) = (2, 1), kernel offset (dy, dx) = (1, 2), channel 2
        int row = (1 * out + 2) * out + 1, entry = (1 * 3 + 2) * c + 2;
        assertEquals(x[((1 * side + 2 + 1) * side + 1 + 2) * c + 2], im[row * 9 * c + entry]);
        double left = 0, right = 0;
        float[] back = new float[x.length];
        ConvIndexing.col2im(cols, batch, side, c, back);
        for (int i = 0; i < im.length; i++) left += (double) im[i] * cols[i];
        for (int i = 0; i < x.length; i++) right += (double) x[i] * back[i];
        assertEquals(left, right, 1e-6 * Math.max(1, Math.abs(left)), "float sums");
    }
}
