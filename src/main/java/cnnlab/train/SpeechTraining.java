package cnnlab.train;

import cnnlab.speech.SpeechInput;
import cnnlab.speech.SpeechNet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.util.Random;

/**
 * Trains a spoken-digit net on FSDD: Adam, mini-batches in a seeded random order, each clip shifted in time by up to
 * {@code maxShift} frames (the network must not care where in its second the digit is spoken).
 */
public final class SpeechTraining {
    /** @param halveEvery the learning rate halves every this many epochs (Adam alone kept wandering: 98% -> 95% at the end) */
    public record Settings(int epochs, int batchSize, long seed, double learningRate, int halveEvery, int maxShift) { }

    private final SpeechNet kind;
    private final Settings settings;
    private final PrintStream log;

    public SpeechTraining(SpeechNet kind, Settings settings, PrintStream log) {
        this.kind = kind;
        this.settings = settings;
        this.log = log;
    }

    public MultiLayerNetwork train(FsddData train, FsddData test) {
        MultiLayerNetwork net = kind.create(settings.seed(), settings.learningRate());
        Random random = new Random(settings.seed());
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double lr = settings.learningRate() * Math.pow(0.5, (epoch - 1) / settings.halveEvery());
            net.setLearningRate(lr);
            long t0 = System.nanoTime();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double loss = 0;
            int batches = 0;
            for (int from = 0; from < n; from += settings.batchSize()) {
                int b = Math.min(settings.batchSize(), n - from);
                int[] idx = new int[b];
                System.arraycopy(order, from, idx, 0, b);
                DataSet batch = batch(kind, train, idx, random, settings.maxShift());
                net.fit(batch);
                loss += net.score();
                batches++;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            log.printf("epoch %d/%d  lr %.6f  loss %.4f  test accuracy %.4f  (%.0f s, %.0f clips/s)%n", epoch, settings.epochs(),
                    lr, loss / batches, accuracy(kind, net, test), seconds, n / seconds);
        }
        return net;
    }

    /** A batch of clips as DL4J recurrent input [clips, bands x context, frames] with one-hot labels. */
    static DataSet batch(SpeechNet kind, FsddData data, int[] idx, Random random, int maxShift) {
        int features = SpeechInput.BANDS * kind.context(), frames = SpeechInput.FRAMES;
        float[] x = new float[idx.length * features * frames];
        float[] y = new float[idx.length * 10];
        for (int i = 0; i < idx.length; i++) {
            SpeechInput in = data.inputs().get(idx[i]);
            if (random != null && maxShift > 0) in = shifted(in, random.nextInt(2 * maxShift + 1) - maxShift);
            System.arraycopy(in.sequence(kind.context()), 0, x, i * features * frames, features * frames);
            y[i * 10 + data.labels()[idx[i]]] = 1;
        }
        return new DataSet(Nd4j.create(x, new long[]{idx.length, features, frames}, 'c'),
                Nd4j.create(y, new long[]{idx.length, 10}, 'c'));
    }

    static SpeechInput shifted(SpeechInput in, int by) {
        float[][] v = in.values(), out = new float[v.length][v[0].length];
        for (int b = 0; b < v.length; b++) {
            for (int t = 0; t < v[b].length; t++) {
                int src = t - by;
                out[b][t] = src >= 0 && src < v[b].length ? v[b][src] : 0;
            }
        }
        return new SpeechInput(out);
    }

    public static double accuracy(SpeechNet kind, MultiLayerNetwork net, FsddData test) {
        int correct = 0;
        for (int from = 0; from < test.size(); from += 100) {
            int b = Math.min(100, test.size() - from);
            int[] idx = new int[b];
            for (int i = 0; i < b; i++) idx[i] = from + i;
            DataSet batch = batch(kind, test, idx, null, 0);
            INDArray p = net.output(batch.getFeatures());
            INDArray predicted = p.argMax(1);
            for (int i = 0; i < b; i++) if (predicted.getInt(i) == test.labels()[from + i]) correct++;
        }
        return correct / (double) test.size();
    }
}
