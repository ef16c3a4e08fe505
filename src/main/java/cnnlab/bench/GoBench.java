package cnnlab.bench;

import cnnlab.go.Board;
import cnnlab.go.BuiltInGames;
import cnnlab.go.FeaturePlanes;
import cnnlab.go.GoService;
import cnnlab.go.IllegalMove;
import cnnlab.go.PolicyNet;
import cnnlab.jobs.JobRunner;
import cnnlab.nn.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.nio.file.Path;

import static cnnlab.bench.Timing.medianMs;
import static cnnlab.bench.Timing.print;

/**
 * {@code bench go}: what one move on the Go page costs, on move 100 of a built-in game: planes_ms (the 7 input
 * planes), network_go_unpooled_ms / network_go_pooled_ms (each net's forward pass, batch 1), predict_ms (both nets
 * with the legal-move masks, as the page asks after every move), first_layer_ms (the "what does it see" maps), and
 * train_batch64_&lt;net&gt;_ms (one training step, the cost behind the model cards' training time).
 */
public final class GoBench {
    private final Path models;

    public GoBench(Path models) {
        this.models = models;
    }

    public void run(PrintStream out) throws IllegalMove {
        Board board = BuiltInGames.all().get(0).record().positionAfter(100);
        try (JobRunner jobs = new JobRunner(1, 1)) {   // the bench reads no uploaded records
            run(out, board, GoService.load(models, jobs));
        }
    }

    private void run(PrintStream out, Board board, GoService go) {
        print(out, "planes_ms", medianMs(50, 500, () -> FeaturePlanes.of(board)));
        INDArray x = Nd4j.create(FeaturePlanes.of(board), new long[] {1, FeaturePlanes.PLANES, Board.SIZE, Board.SIZE}, 'c');
        for (PolicyNet n : PolicyNet.values()) {
            if (!go.has(n)) continue;
            MultiLayerNetwork net = ModelFiles.load(models.resolve(n.file()));
            print(out, "network_" + n.id().replace('-', '_') + "_ms", medianMs(10, 100, () -> net.output(x).close()));
        }
        print(out, "predict_ms", medianMs(10, 100, () -> go.predict(board)));
        if (go.has(PolicyNet.UNPOOLED)) print(out, "first_layer_ms", medianMs(10, 100, () -> go.firstLayer(PolicyNet.UNPOOLED, board)));
        INDArray batch = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 64, FeaturePlanes.PLANES, Board.SIZE, Board.SIZE);
        INDArray labels = Nd4j.zeros(64, Board.POINTS);
        for (int i = 0; i < 64; i++) labels.putScalar(i, (i * 37) % Board.POINTS, 1);
        for (PolicyNet n : PolicyNet.values()) {
            MultiLayerNetwork net = n.create(1, 1e-3);
            print(out, "train_batch64_" + n.id().replace('-', '_') + "_ms", medianMs(3, 15, () -> net.fit(batch, labels)));
        }
    }
}
