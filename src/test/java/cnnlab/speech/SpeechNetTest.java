package cnnlab.speech;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lecture's point in tests: the frequency-only net's filters never mix time frames before the LSTM. */
class SpeechNetTest {
    private static SpeechInput randomInput(long seed) {
        Random r = new Random(seed);
        float[][] v = new float[SpeechInput.BANDS][SpeechInput.FRAMES];
        for (float[] row : v) for (int t = 0; t < row.length; t++) row[t] = r.nextFloat();
        return new SpeechInput(v);
    }

    /** Output of pool2 (before the LSTM) per time frame: [frames][channels*bands]. */
    private static float[][] convOutput(MultiLayerNetwork net, SpeechNet kind, SpeechInput in) {
        INDArray x = Nd4j.create(in.sequence(kind.context()), new long[]{1, (long) SpeechInput.BANDS * kind.context(), SpeechInput.FRAMES}, 'c');
        INDArray pool2 = net.feedForward(x, false).get(4);   // [frames, 32, 7, 1]: one row per frame of the clip
        float[][] out = new float[SpeechInput.FRAMES][];
        for (int t = 0; t < SpeechInput.FRAMES; t++) out[t] = pool2.get(org.nd4j.linalg.indexing.NDArrayIndex.point(t)).dup().data().asFloat();
        return out;
    }

    private static int[] framesThatChange(SpeechNet kind, int frame) {
        MultiLayerNetwork net = kind.create(3, 1e-3);
        SpeechInput in = randomInput(1);
        float[][] before = convOutput(net, kind, in);
        float[][] v = new float[SpeechInput.BANDS][];
        for (int b = 0; b < v.length; b++) v[b] = in.values()[b].clone();
        for (int b = 0; b < v.length; b++) v[b][frame] = 1 - v[b][frame];
        float[][] after = convOutput(net, kind, new SpeechInput(v));
        return java.util.stream.IntStream.range(0, SpeechInput.FRAMES)
                .filter(t -> maxDifference(before[t], after[t]) > 1e-4).toArray();
    }

    private static double maxDifference(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    @Test
    void frequencyOnlyFiltersSeeOneFrameAtATime() {
        assertArrayEquals(new int[]{50}, framesThatChange(SpeechNet.FREQUENCY, 50), "changing frame 50 changes only frame 50's filter outputs");
    }

    @Test
    void twoDimensionalFiltersMixNeighbouringFrames() {
        int[] changed = framesThatChange(SpeechNet.TWO_D, 50);
        assertTrue(changed.length > 1, "a 5x5 filter spreads a change over neighbouring frames");
        assertTrue(changed[0] >= 48 && changed[changed.length - 1] <= 52, "but only within its reach (one 5-wide layer)");
    }

    @Test
    void shiftingTheClipInTimeShiftsTheFilterOutputsInTimeOnly() {
        SpeechNet kind = SpeechNet.FREQUENCY;
        MultiLayerNetwork net = kind.create(4, 1e-3);
        SpeechInput in = randomInput(2);
        int shift = 7;
        float[][] v = new float[SpeechInput.BANDS][SpeechInput.FRAMES];
        for (int b = 0; b < v.length; b++) for (int t = shift; t < SpeechInput.FRAMES; t++) v[b][t] = in.values()[b][t - shift];
        float[][] a = convOutput(net, kind, in), b = convOutput(net, kind, new SpeechInput(v));
        for (int t = shift; t < SpeechInput.FRAMES; t++) assertArrayEquals(a[t - shift], b[t], 1e-4f, "frame " + t);   // float rounding of rows in other places
    }

    @Test
    void bothNetsMakeTenProbabilities() {
        for (SpeechNet kind : SpeechNet.values()) {
            MultiLayerNetwork net = kind.create(5, 1e-3);
            INDArray p = net.output(Nd4j.rand(DataType.FLOAT, 2, SpeechInput.BANDS * kind.context(), SpeechInput.FRAMES));
            assertArrayEquals(new long[]{2, 10}, p.shape());
            assertEquals(2.0, p.sumNumber().doubleValue(), 1e-4);
        }
    }
}
