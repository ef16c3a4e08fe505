package cnnlab.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LectureCnnTest {
    @Test
    void everyLayerHasTheLecturesShape() {
        MultiLayerNetwork net = LectureCnn.create(7, 1e-3);
        List<INDArray> outs = net.feedForward(Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28), false);
        assertArrayEquals(new long[]{3, 25, 26, 26}, outs.get(1).shape(), "conv1");
        assertArrayEquals(new long[]{3, 25, 13, 13}, outs.get(2).shape(), "pool1");
        assertArrayEquals(new long[]{3, 50, 11, 11}, outs.get(3).shape(), "conv2: the lecture's 11x11 a^k_ij");
        assertArrayEquals(new long[]{3, 50, 5, 5}, outs.get(4).shape(), "pool2");
        assertArrayEquals(new long[]{3, 100}, outs.get(5).shape(), "dense");
        assertArrayEquals(new long[]{3, 10}, outs.get(6).shape(), "output");
        for (int l = 0; l < LectureCnn.LAYERS.size(); l++) {
            assertEquals(LectureCnn.LAYERS.get(l).size() * 3L, outs.get(l + 1).length(), LectureCnn.LAYERS.get(l).name());
        }
    }

    @Test
    void parameterCountMatchesTheArchitecture() {
        long expected = (25 * 9 + 25) + (50 * 25 * 9 + 50) + (1250 * 100 + 100) + (100 * 10 + 10);
        assertEquals(expected, LectureCnn.create(1, 1e-3).numParams());
        assertEquals(137_660, expected);
    }

    @Test
    void theShippedModelLoadsWithTheSameArchitecture() {
        MultiLayerNetwork shipped = ShippedModel.network();
        assertEquals(LectureCnn.create(1, 1e-3).numParams(), shipped.numParams());
        assertEquals(6, shipped.getnLayers());
        INDArray out = shipped.output(Nd4j.zeros(DataType.FLOAT, 1, 1, 28, 28));
        assertEquals(1.0, out.sumNumber().doubleValue(), 1e-4, "softmax output sums to one");
    }

    @Test
    void aMissingModelFileSaysHowToTrainIt() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ModelFiles.load(java.nio.file.Path.of("no-such-folder", "x.zip")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("train mnist"));
    }
}
