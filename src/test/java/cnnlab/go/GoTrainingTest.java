package cnnlab.go;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training pipeline on the three shipped games: positions from every move, symmetric batches, falling loss. */
class GoTrainingTest {
    static GoGames shipped() throws Exception {
        return GoGames.of(List.of(
                new GoGames.Game("shusaku-001", Sgf.parse(SgfTest.resource("shusaku-001.sgf"))),
                new GoGames.Game("dosaku-002", Sgf.parse(SgfTest.resource("dosaku-002-handicap5.sgf"))),
                new GoGames.Game("shusaku-265", Sgf.parse(SgfTest.resource("shusaku-265-variation.sgf")))));
    }

    @Test
    void everyMoveBecomesAPositionLabelledWithThePointPlayed() throws Exception {
        GoPositions positions = GoPositions.of(shipped());
        assertEquals(191 + 149 + 253, positions.size(), "no passes in these games");
        GoPositions.Position first = positions.get(0);
        assertEquals(Stone.BLACK, first.toPlay());
        assertEquals(3 * 19 + 16, first.played(), "Shusaku 001 opens at qd");
        var batch = positions.batch(new int[] {0, 1, 2}, true, new java.util.Random(1));
        assertEquals(3, batch.getLabels().rows());
        assertEquals(3.0, batch.getLabels().sumNumber().doubleValue(), 1e-6);
        // the label of an augmented example is still an empty point of its (transformed) board
        for (int i = 0; i < 3; i++) {
            int label = batch.getLabels().getRow(i).argMax().getInt(0);
            assertEquals(1f, batch.getFeatures().getFloat(i, 2, label / 19, label % 19), "label on an empty point");
        }
    }

    @Test
    void trainingLowersTheLossAndAccuracyIsMeasuredOnLegalMoves() throws Exception {
        GoGames[] split = shipped().split(1.0 / 3, 7);
        assertEquals(2, split[0].size());
        assertEquals(1, split[1].size());
        GoPositions train = GoPositions.of(split[0]), test = GoPositions.of(split[1]);
        GoTraining training = new GoTraining(new GoTraining.Settings(4, 32, 42, 2e-3, 0), new PrintStream(OutputStream.nullOutputStream()));
        MultiLayerNetwork net = training.train(PolicyNet.UNPOOLED, train, test);
        List<Double> losses = training.epochLosses();
        assertTrue(losses.get(losses.size() - 1) < losses.get(0), "loss per epoch " + losses);
        GoTraining.Accuracy a = GoTraining.accuracy(net, test, 0);
        assertEquals(test.size(), a.n());
        assertTrue(a.top5() >= a.top1() && a.top1() >= 0 && a.top5() <= 1, a.toString());
    }
}
