package cnnlab.bench;

import cnnlab.digits.DigitsService;
import cnnlab.digits.Drawing;
import cnnlab.digits.MnistPreprocessor;
import cnnlab.digits.StrokeRenderer;
import cnnlab.nn.InputGradients;
import cnnlab.nn.LectureWeights;
import cnnlab.nn.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;

import static cnnlab.bench.Timing.medianMs;
import static cnnlab.bench.Timing.print;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code bench digits}: what a drawing costs on the server. Prints medians as name=value lines:
 * preprocess_drawing_ms (render the strokes + MNIST preprocessing), classify_drawing_ms (that + every layer's
 * output through the shared batching queue, one drawing),
 * classify_b1_ms / classify_b64_ms (the network's forward + softmax as the server runs it, comparable with
 * ../shared/bench/peer_torch.py; dl4j_* the same on DL4J's own network), classify_layers_b1_ms (with every layer's
 * output copied out, as the digits page needs), and
 * concurrent64_ms / concurrent64_per_s (64 drawings submitted at once, as when a class draws together).
 */
public final class DigitsBench {
    private final Path models;

    public DigitsBench(Path models) {
        this.models = models;
    }

    private static void softmax(InputGradients pass, float[] images) {
        pass.forward(images, InputGradients.Depth.OUTPUT);
        INDArray logits = pass.activation(InputGradients.Depth.OUTPUT);
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax(logits, logits.ulike()))[0].close();
    }

    public void run(PrintStream out) throws Exception {
        MultiLayerNetwork net = ModelFiles.load(models.resolve(ModelFiles.MNIST));
        INDArray x1 = Nd4j.rand(DataType.FLOAT, 1, 1, 28, 28);
        INDArray x64 = Nd4j.rand(DataType.FLOAT, 64, 1, 28, 28);
        print(out, "dl4j_classify_b1_ms", medianMs(300, 500, () -> net.output(x1)));
        print(out, "dl4j_classify_b64_ms", medianMs(20, 100, () -> net.output(x64)));
        // the product's pass (BatchedInference): im2col + one product per layer, softmax, as peer_torch's row does
        LectureWeights weights = LectureWeights.of(net);
        try (InputGradients one = InputGradients.forwardOnly(weights, 1); InputGradients many = InputGradients.forwardOnly(weights, 64)) {
            float[] p1 = x1.data().asFloat(), p64 = x64.data().asFloat();
            print(out, "classify_b1_ms", medianMs(300, 500, () -> softmax(one, p1)));
            print(out, "classify_b64_ms", medianMs(20, 100, () -> softmax(many, p64)));
            print(out, "classify_layers_b1_ms", medianMs(300, 500, () -> {
                one.forward(p1, InputGradients.Depth.OUTPUT);
                one.layerActivations(p1, 1);
            }));
        }

        Drawing seven = Drawing.parse("{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":"
                + "[[70,60,120,58,170,57,215,60,200,100,180,140,160,185,145,230],[110,145,190,140]]}");
        ExecutorService users = Executors.newFixedThreadPool(64);   // 64 request threads, as Jetty would have
        try (DigitsService classifier = new DigitsService(ModelFiles.load(models.resolve(ModelFiles.MNIST)))) {
            print(out, "preprocess_drawing_ms", medianMs(200, 500, () -> MnistPreprocessor.toMnist(StrokeRenderer.render(seven))));
            print(out, "classify_drawing_ms", medianMs(200, 500, () -> classifier.read(seven).join()));
            double[] rounds = new double[30];
            for (int r = -5; r < rounds.length; r++) {
                long t0 = System.nanoTime();
                List<CompletableFuture<?>> all = new ArrayList<>(64);
                for (int i = 0; i < 64; i++) all.add(CompletableFuture.supplyAsync(() -> classifier.read(seven).join(), users));
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
                if (r >= 0) rounds[r] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(rounds);
            double median = rounds[rounds.length / 2];
            print(out, "concurrent64_ms", median);
            print(out, "concurrent64_per_s", 64 / (median / 1000));
        } finally {
            users.shutdownNow();
        }
        print(out, "params", net.numParams());
        out.println("threads=" + Runtime.getRuntime().availableProcessors() + " (cores seen by the JVM)");
    }
}
