package cnnlab.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped models live and how they are read and written (DL4J's zip format, no updater state). */
public final class ModelFiles {
    public static final String MNIST = "mnist-cnn.zip";

    private ModelFiles() { }

    public static MultiLayerNetwork load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("model file not found: " + file.toAbsolutePath()
                    + " (train it with: java -jar target/cnn-lab.jar train mnist --data DIR)");
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file, e);
        }
    }

    /** A file that belongs to a model: models/x.zip -> models/x{@code suffix} (".md" for its card, ".vocab.txt", ...). */
    public static Path sibling(Path model, String suffix) {
        return model.resolveSibling(model.getFileName().toString().replaceFirst("\\.zip$", "") + suffix);
    }

    public static void save(MultiLayerNetwork net, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        ModelSerializer.writeModel(net, file.toFile(), false);
    }
}
