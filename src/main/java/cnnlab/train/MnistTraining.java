package cnnlab.train;

import cnnlab.nn.Backpropagation;
import cnnlab.nn.LectureCnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.PrintStream;
import java.util.Random;

/**
 * Trains the lecture CNN on MNIST: Adam, mini-batches, a step-decayed learning rate, and random shifts of up to
 * {@code maxShift} pixels as augmentation (drawn digits are never perfectly centred; shifts also regularise).
 */
public final class MnistTraining {
    public record Settings(int epochs, int batchSize, long seed, double learningRate, int maxShift) {
        public static Settings defaults() {
            return new Settings(12, 64, 42, 1e-3, 2);
        }
    }

    private final Settings settings;
    private final PrintStream log;

    public MnistTraining(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * Trains from scratch; {@code test} (may be null) is only reported after each epoch, never used to choose. The
     * steps run on {@link Backpropagation} (the same loss, gradients and Adam as DL4J's fit, ~10x faster here), the
     * batch split between the cores (run with one BLAS thread: {@code NativeThreads}); the result is written into a
     * DL4J network to save and serve.
     */
    public MultiLayerNetwork train(MnistData train, MnistData test) {
        MultiLayerNetwork net = LectureCnn.create(settings.seed(), settings.learningRate());
        Random random = new Random(settings.seed());
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        try (Backpropagation bp = new Backpropagation(net, settings.learningRate(), Runtime.getRuntime().availableProcessors())) {
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                double lr = learningRate(epoch);
                bp.setLearningRate(lr);
                shuffle(order, random);
                long t0 = System.nanoTime();
                double loss = 0;
                int steps = 0;
                for (int start = 0; start < n; start += settings.batchSize()) {
                    int b = Math.min(settings.batchSize(), n - start);
                    float[] x = new float[b * LectureCnn.PIXELS];
                    int[] y = new int[b];
                    batch(train, order, start, b, random, x, y);
                    loss += bp.step(x, y);
                    steps++;
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                bp.copyInto(net);
                String testPart = test == null ? "" : String.format(" test_accuracy=%.4f", MnistEvaluation.accuracy(net, test));
                log.printf("epoch=%d lr=%.6f loss=%.4f seconds=%.1f images_per_s=%.0f%s%n",
                        epoch, lr, loss / steps, seconds, n / seconds, testPart);
            }
        }
        return net;
    }

    /** Halve the rate every 3 epochs: large steps first, fine ones at the end. */
    double learningRate(int epoch) {
        return settings.learningRate() * Math.pow(0.5, (epoch - 1) / 3);
    }

    /** Images {@code order[start..start+b)}, each shifted at random by up to maxShift pixels, into x; labels into y. */
    private void batch(MnistData data, int[] order, int start, int b, Random random, float[] x, int[] y) {
        for (int i = 0; i < b; i++) {
            int idx = order[start + i];
            int s = settings.maxShift();
            int dx = s == 0 ? 0 : random.nextInt(2 * s + 1) - s;
            int dy = s == 0 ? 0 : random.nextInt(2 * s + 1) - s;
            shiftInto(data.images()[idx], x, i * LectureCnn.PIXELS, dx, dy);
            y[i] = data.labels()[idx];
        }
    }

    /** Copies a 28x28 image shifted by (dx, dy), filling with background. */
    static void shiftInto(float[] src, float[] dst, int offset, int dx, int dy) {
        int side = LectureCnn.SIDE;
        for (int r = 0; r < side; r++) {
            int sr = r - dy;
            if (sr < 0 || sr >= side) continue;
            for (int c = 0; c < side; c++) {
                int sc = c - dx;
                if (sc >= 0 && sc < side) dst[offset + r * side + c] = src[sr * side + sc];
            }
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
