package cnnlab.go;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.PrintStream;
import java.util.Random;

/**
 * Trains a policy network on professional moves: Adam, shuffled positions, a random board symmetry per example; both
 * networks get the same budget (epochs x positions per epoch) and seed. Accuracy = the professional's move is the
 * network's top legal move (top-1) or among its 5 most likely legal moves (top-5), on held-out games.
 */
public final class GoTraining {
    /** Epochs, batch size, seed, learning rate, and at most this many positions per epoch (0 = all). */
    public record Settings(int epochs, int batch, long seed, double learningRate, int positionsPerEpoch) { }

    /** Top-1 and top-5 accuracy on {@code n} positions. */
    public record Accuracy(double top1, double top5, int n) { }

    private final Settings settings;
    private final PrintStream log;
    private final java.util.List<Double> epochLosses = new java.util.ArrayList<>();

    public GoTraining(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public MultiLayerNetwork train(PolicyNet kind, GoPositions train, GoPositions test) {
        MultiLayerNetwork net = kind.create(settings.seed(), settings.learningRate());
        Random rng = new Random(settings.seed());
        int perEpoch = settings.positionsPerEpoch() > 0 ? Math.min(settings.positionsPerEpoch(), train.size()) : train.size();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long t0 = System.nanoTime();
            int[] order = shuffled(train.size(), rng);
            double loss = 0;
            int batches = 0, total = perEpoch / settings.batch(), report = Math.max(1, total / 20);
            for (int start = 0; start + settings.batch() <= perEpoch; start += settings.batch()) {
                int[] idx = java.util.Arrays.copyOfRange(order, start, start + settings.batch());
                net.fit(train.batch(idx, true, rng));
                loss += net.score();
                batches++;
                if (batches % report == 0) {   // an epoch can take an hour on two cores: show it moving
                    log.printf("%s epoch %d: %d/%d batches, loss %.3f, %.0f s%n", kind.id(), epoch, batches, total,
                            loss / batches, (System.nanoTime() - t0) / 1e9);
                }
            }
            epochLosses.add(loss / Math.max(1, batches));
            Accuracy a = accuracy(net, test, 2000);
            log.printf("%s epoch %d: loss %.3f, held-out top-1 %.3f top-5 %.3f (n=%d), %.0f s%n", kind.id(), epoch,
                    loss / Math.max(1, batches), a.top1(), a.top5(), a.n(), (System.nanoTime() - t0) / 1e9);
        }
        return net;
    }

    /** The mean training loss of each epoch so far. */
    public java.util.List<Double> epochLosses() {
        return java.util.List.copyOf(epochLosses);
    }

    /** Accuracy on at most {@code limit} positions spread evenly over {@code positions} (0 = all), 256 per forward pass. */
    public static Accuracy accuracy(MultiLayerNetwork net, GoPositions positions, int limit) {
        int n = limit > 0 ? Math.min(limit, positions.size()) : positions.size();
        int top1 = 0, top5 = 0;
        for (int from = 0; from < n; from += 256) {
            int[] idx = new int[Math.min(256, n - from)];
            for (int i = 0; i < idx.length; i++) idx[i] = (int) ((long) (from + i) * positions.size() / n);
            INDArray out = net.output(positions.batch(idx, false, null).getFeatures());
            for (int i = 0; i < idx.length; i++) {
                GoPositions.Position p = positions.get(idx[i]);
                MovePrediction prediction = MovePrediction.masked(out.getRow(i).dup().data().asFloat(), p.board());
                var top = prediction.top(5);
                if (!top.isEmpty() && top.get(0).point() == p.played()) top1++;
                if (top.stream().anyMatch(c -> c.point() == p.played())) top5++;
            }
        }
        return new Accuracy((double) top1 / Math.max(1, n), (double) top5 / Math.max(1, n), n);
    }

    private static int[] shuffled(int n, Random rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
