package cnnlab.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.nio.file.Path;

/** The model the app ships, loaded once per test JVM (tests run from the project folder). */
public final class ShippedModel {
    /** The shipped models folder; -Dcnnlab.models=DIR points the tests at another one. */
    public static final Path MODELS = Path.of(System.getProperty("cnnlab.models", "models"));
    private static MultiLayerNetwork net;

    private ShippedModel() { }

    public static synchronized MultiLayerNetwork network() {
        if (net == null) net = ModelFiles.load(MODELS.resolve(ModelFiles.MNIST));
        return net;
    }
}
