package cnnlab.imagenet;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/** The test inputs shipped in src/test/resources/imagenet (see the README there), loaded once per test JVM. */
final class Fixtures {
    static final String TFLITE = "mobilenet_v1_0.25_128_quant.tflite";
    private static TfliteModel model;
    private static MultiLayerNetwork imported;

    private Fixtures() { }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/imagenet/" + name)) {
            if (in == null) throw new IllegalStateException("test resource imagenet/" + name + " is missing");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized TfliteModel model() throws IOException {
        if (model == null) model = TfliteModel.read(bytes(TFLITE));
        return model;
    }

    /** The network converted from the shipped .tflite (not the models/ zip); callers synchronise on it. */
    static synchronized MultiLayerNetwork imported() throws IOException {
        if (imported == null) imported = MobileNetImporter.importModel(model());
        return imported;
    }

    static MobileNetInput photo(String name) {
        try {
            return MobileNetInput.of(ImageIO.read(new java.io.ByteArrayInputStream(bytes(name))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uniform random pixels: an input far from any photo, where nothing dominates. */
    static MobileNetInput noise(long seed) {
        byte[] rgb = new byte[MobileNetInput.SIZE * MobileNetInput.SIZE * 3];
        new Random(seed).nextBytes(rgb);
        return new MobileNetInput(rgb);
    }
}
