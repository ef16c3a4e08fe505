package cnnlab.train;

import cnnlab.nn.ShippedModel;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped model on the first 1,000 MNIST test images (shipped under src/test/resources/mnist). */
class MnistAccuracyTest {
    static MnistData slice() throws Exception {
        try (InputStream im = new GZIPInputStream(MnistAccuracyTest.class.getResourceAsStream("/mnist/t10k-1000-images-idx3-ubyte.gz"));
             InputStream lb = new GZIPInputStream(MnistAccuracyTest.class.getResourceAsStream("/mnist/t10k-1000-labels-idx1-ubyte.gz"))) {
            return MnistData.read(im, lb, Integer.MAX_VALUE);
        }
    }

    @Test
    void theSliceIsTheRealTestSet() throws Exception {
        MnistData data = slice();
        assertEquals(1000, data.size());
        assertEquals(7, data.labels()[0]);
        assertEquals(2, data.labels()[1]);
    }

    @Test
    void shippedModelReadsAtLeast985PercentOfTheSlice() throws Exception {
        double accuracy = MnistEvaluation.accuracy(ShippedModel.network(), slice());
        System.out.printf("accuracy on the 1,000-image slice: %.4f%n", accuracy);
        assertTrue(accuracy >= 0.985, "accuracy " + accuracy);
    }

    @Test
    void shiftMovesPixelsAndFillsWithBackground() {
        float[] src = new float[784];
        src[14 * 28 + 14] = 1f;
        float[] dst = new float[784];
        MnistTraining.shiftInto(src, dst, 0, 2, -1);
        assertEquals(1f, dst[13 * 28 + 16]);
        assertEquals(1f, sum(dst));
        float[] edge = new float[784];
        edge[0] = 1f;
        float[] out = new float[784];
        MnistTraining.shiftInto(edge, out, 0, -1, 0);
        assertEquals(0f, sum(out), "pixels shifted off the field disappear");
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) s += v;
        return s;
    }
}
