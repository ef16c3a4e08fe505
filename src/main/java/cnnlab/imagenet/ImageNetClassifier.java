package cnnlab.imagenet;

import cnnlab.nn.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Names what a photo shows with the converted MobileNet v1 (ImageNet's 1000 classes + background). The photo is
 * centre-cropped and resized to 128x128 ({@link MobileNetInput}). The DL4J network is not thread-safe: calls
 * are serialised on it, which is fine for its ~10 ms forward pass; give a busy server its own copy per worker.
 */
public final class ImageNetClassifier {
    public static final String FILE = "mobilenet-v1-025-128.zip";

    private final MultiLayerNetwork net;

    public ImageNetClassifier(MultiLayerNetwork net) {
        this.net = net;
    }

    /** The converted model in {@code models} (make it with: train mobilenet --data DIR). */
    public static ImageNetClassifier load(Path models) {
        return loadFile(models.resolve(FILE));
    }

    public static ImageNetClassifier loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("model file not found: " + file.toAbsolutePath()
                    + " (convert it with: java -jar target/cnn-lab.jar train mobilenet --data ../shared/data/imagenet-cnn)");
        }
        return new ImageNetClassifier(ModelFiles.load(file));
    }

    /** The k most probable classes for a photo of any size. */
    public List<ImageNetPrediction> top(BufferedImage photo, int k) {
        return ImageNetPrediction.top(probabilities(MobileNetInput.of(photo)), k);
    }

    /** All 1001 probabilities (index 0 = background). */
    public float[] probabilities(MobileNetInput input) {
        INDArray x = input.toNchw();
        try (x) {
            synchronized (net) {
                try (INDArray p = net.output(x)) {
                    return p.data().asFloat();
                }
            }
        }
    }

    /** The network itself, for reading its layers; callers that run it must synchronise on it too. */
    public MultiLayerNetwork network() {
        return net;
    }
}
