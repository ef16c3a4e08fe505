package cnnlab.imagenet;

import cnnlab.nn.ShippedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The converted model shipped in models/ (written by {@code train mobilenet}). */
class ShippedMobileNetTest {
    /** tabby, tiger cat, Persian, Siamese, Egyptian cat */
    private static final Set<Integer> DOMESTIC_CATS = Set.of(282, 283, 284, 285, 286);
    private static ImageNetClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = ImageNetClassifier.load(ShippedModel.MODELS);
    }

    @Test
    void readsTheCatAsACat() throws IOException {
        List<ImageNetPrediction> top = classifier.top(ImageIO.read(new ByteArrayInputStream(Fixtures.bytes("chelsea-crop.png"))), 5);
        assertTrue(DOMESTIC_CATS.contains(top.get(0).index()), "top-1 " + top.get(0));
        assertTrue(top.get(0).probability() > 0.5f, "top-1 " + top.get(0));
        assertEquals("Egyptian cat", ImageNetLabels.of(286));
    }

    @Test
    void readsTheCoffeeAsEspresso() throws IOException {
        List<ImageNetPrediction> top = classifier.top(ImageIO.read(new ByteArrayInputStream(Fixtures.bytes("coffee-crop.png"))), 5);
        assertEquals("espresso", top.get(0).label());
    }

    @Test
    void computesWhatTheConversionOfTheTfliteFileComputes() throws IOException {
        MobileNetInput x = Fixtures.noise(3);
        float[] shipped = classifier.probabilities(x), fresh = new ImageNetClassifier(Fixtures.imported()).probabilities(x);
        for (int i = 0; i < fresh.length; i++) assertEquals(fresh[i], shipped[i], 1e-6f, "class " + i);
        assertEquals(467_593, classifier.network().numParams());
    }
}
