package cnnlab.imagenet;

import cnnlab.imagenet.TfliteModel.Operator;
import cnnlab.imagenet.TfliteModel.Tensor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the reader finds in the shipped file, against the facts in ../shared/data/imagenet-cnn/README.md. */
class TfliteModelTest {
    @Test
    void readsTheGraphAsDescribed() throws IOException {
        TfliteModel m = Fixtures.model();
        assertEquals(3, m.version());
        assertEquals(89, m.tensors().size());
        assertEquals(478_812, m.tensors().stream().mapToLong(t -> t.data().length).sum(), "bytes of constant data");
        assertArrayEquals(new int[]{0}, m.inputs());
        assertArrayEquals(new int[]{88}, m.outputs());

        Tensor input = m.tensor(0);
        assertEquals("input", input.name());
        assertArrayEquals(new int[]{1, 128, 128, 3}, input.shape());
        assertEquals(TfliteModel.UINT8, input.type());
        assertEquals(1 / 128.0, input.quantisation().scale());
        assertEquals(128, input.quantisation().zeroPoint());

        Tensor output = m.tensor(88);
        assertEquals("MobilenetV1/Predictions/Reshape_1", output.name());
        assertArrayEquals(new int[]{1, 1001}, output.shape());
        assertEquals(1 / 256.0, output.quantisation().scale());
    }

    @Test
    void readsOperatorsAndTheirOptions() throws IOException {
        TfliteModel m = Fixtures.model();
        Map<String, Integer> counts = new TreeMap<>();
        for (Operator op : m.operators()) counts.merge(op.opName(), 1, Integer::sum);
        assertEquals(Map.of("CONV_2D", 15, "DEPTHWISE_CONV_2D", 13, "AVERAGE_POOL_2D", 1, "RESHAPE", 1, "SOFTMAX", 1), counts);

        Operator conv0 = m.operators().get(0);
        assertArrayEquals(new int[]{0, 30, 29}, conv0.inputs());
        assertEquals(new TfliteModel.ConvOptions(TfliteModel.Padding.SAME, 2, 2, 1, 1, TfliteModel.Activation.RELU6, 1), conv0.conv());
        Tensor w = m.tensor(conv0.inputs()[1]);
        assertArrayEquals(new int[]{8, 3, 3, 3}, w.shape(), "OHWI");
        assertEquals(157, w.quantisation().zeroPoint());
        assertEquals(0.00888, w.quantisation().scale(), 5e-6);
        assertEquals(TfliteModel.INT32, m.tensor(conv0.inputs()[2]).type());

        Operator depthwise = m.operators().get(3);
        assertEquals(TfliteModel.DEPTHWISE_CONV_2D, depthwise.opcode());
        assertEquals(new TfliteModel.ConvOptions(TfliteModel.Padding.SAME, 2, 2, 1, 1, TfliteModel.Activation.RELU6, 1), depthwise.conv());
        assertArrayEquals(new int[]{1, 3, 3, 16}, m.tensor(depthwise.inputs()[1]).shape());

        Operator pool = m.operators().get(27);
        assertNotNull(pool.pool());
        assertEquals(new TfliteModel.PoolOptions(TfliteModel.Padding.VALID, 2, 2, 4, 4, TfliteModel.Activation.NONE), pool.pool());
        assertEquals(1f, m.operators().get(30).softmaxBeta());
    }

    @Test
    void everyActivationFollowsFromTheOneBefore() throws IOException {
        TfliteModel m = Fixtures.model();
        for (int i = 1; i < m.operators().size(); i++) {
            Operator op = m.operators().get(i);
            assertEquals(m.operators().get(i - 1).outputs()[0], op.inputs()[0], "operator " + i + " " + op.opName());
            assertTrue(Arrays.stream(op.outputs()).allMatch(t -> m.tensor(t).data().length == 0), "outputs hold no constant data");
        }
    }
}
