package cnnlab.go;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both policy networks map 7 planes to 361 probabilities; predictions cover legal moves only. */
class PolicyNetTest {
    @Test
    void bothNetworksGiveADistributionOverLegalMovesOnly() throws Exception {
        // a position with occupied points, a suicide point (aa) and a ko point
        Board b = BoardTest.position("db cc dd ba ab", "eb fc ed dc", Stone.BLACK);
        b.play(Move.at(Stone.BLACK, 2, 4));                   // black takes the ko at ec: white may not retake dc
        for (PolicyNet kind : PolicyNet.values()) {
            MultiLayerNetwork net = kind.create(42, 1e-3);
            INDArray out = net.output(Nd4j.create(FeaturePlanes.of(b), new long[] {1, FeaturePlanes.PLANES, 19, 19}, 'c'));
            assertArrayEquals(new long[] {1, Board.POINTS}, out.shape(), kind + " output shape");
            MovePrediction p = MovePrediction.of(net, b);
            double sum = 0;
            for (int i = 0; i < Board.POINTS; i++) {
                sum += p.probabilities()[i];
                boolean legal = b.isLegal(Move.at(Stone.WHITE, i / 19, i % 19));
                if (!legal) assertEquals(0f, p.probabilities()[i], kind + " gives an illegal point probability: " + i);
                else assertTrue(p.probabilities()[i] > 0, kind + " leaves a legal point at zero: " + i);
            }
            assertEquals(1.0, sum, 1e-4);
            assertEquals(0f, p.probabilities()[2 * 19 + 3], "the ko point");
            assertEquals(0f, p.probabilities()[0], "white aa would be suicide");
            assertEquals(5, p.top(5).size());
        }
    }

    @Test
    void thePooledNetworkDiffersOnlyByPoolingAndUpsampling() {
        long unpooled = PolicyNet.UNPOOLED.create(1, 1e-3).numParams(), pooled = PolicyNet.POOLED.create(1, 1e-3).numParams();
        assertEquals(unpooled, pooled, "pooling and upsampling add no parameters");
        int f = PolicyNet.FILTERS;
        assertEquals(7 * 25 * f + f + 2 * (f * 9 * f + f) + f + 1, unpooled);
        assertEquals(24_161, unpooled, "the shipped networks' size (32 filters)");
    }
}
