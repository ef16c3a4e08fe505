package cnnlab.bench;

import cnnlab.nn.Backpropagation;
import cnnlab.nn.LectureCnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.util.Random;

import static cnnlab.bench.Timing.medianMs;
import static cnnlab.bench.Timing.print;

/**
 * {@code bench train}: one training step of the lecture CNN on a batch of 64 (forward, backward, Adam), as
 * {@code train mnist} runs it: train_b64_ms on {@link Backpropagation} (comparable with ../shared/bench/peer_torch.py's
 * train_b64_ms; the batch split between the cores, one BLAS thread each), dl4j_train_b64_ms with DL4J's {@code fit};
 * and the images per second each means. Random weights and images: the time does not depend on them.
 */
public final class TrainBench {
    public void run(PrintStream out) {
        Random r = new Random(1);
        float[] x = new float[64 * LectureCnn.PIXELS];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        int[] y = new int[64];
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 64, LectureCnn.CLASSES);
        for (int i = 0; i < 64; i++) {
            y[i] = i % LectureCnn.CLASSES;
            labels.putScalar(i, y[i], 1);
        }
        MultiLayerNetwork net = LectureCnn.create(1, 1e-4);
        try (Backpropagation bp = new Backpropagation(net, 1e-4, Runtime.getRuntime().availableProcessors())) {
            double ms = medianMs(20, 200, () -> bp.step(x, y));
            print(out, "train_b64_ms", ms);
            print(out, "train_images_per_s", 64 / (ms / 1000));
        }
        DataSet batch = new DataSet(Nd4j.create(x, new long[]{64, 1, 28, 28}, DataType.FLOAT), labels);
        double dl4j = medianMs(5, 40, () -> net.fit(batch));
        print(out, "dl4j_train_b64_ms", dl4j);
        print(out, "dl4j_train_images_per_s", 64 / (dl4j / 1000));
    }
}
