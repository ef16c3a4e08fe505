package cnnlab.style;

import cnnlab.nn.ShippedModel;
import cnnlab.vision.BuiltInImage;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.LectureFeatureNet;
import cnnlab.vision.Picture;
import cnnlab.vision.RandomTextureNet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Style transfer lowers what it optimises, from noise, with both optimisers, and resumes after a stop. */
class StyleTransferTest {
    static final Picture CONTENT = BuiltInImage.byId("tubingen").orElseThrow().picture(3);
    static final Picture STYLE = BuiltInImage.byId("starry-night").orElseThrow().picture(3);

    private static StyleTransfer fromNoise(FeatureNetwork net, StyleSettings.Optimiser o) {
        StyleSettings s = StyleSettings.defaults(net.id()).withSize(64).withIterations(20).withOptimiser(o).withStartFromContent(false);
        return new StyleTransfer(net, CONTENT, STYLE, s);
    }

    @Test
    void lbfgsFromNoiseLowersBothContentAndStyleLoss() {
        StyleTransfer t = fromNoise(new RandomTextureNet(), StyleSettings.Optimiser.LBFGS);
        StyleLossValues before = t.losses();
        while (!t.finished()) t.advance();
        StyleLossValues after = t.losses();
        assertTrue(after.content() < 0.8 * before.content(), before + " -> " + after);
        assertTrue(after.style() < 0.5 * before.style(), before + " -> " + after);
        assertEquals(20, t.history().size());
        for (int i = 1; i < t.history().size(); i++) {
            assertTrue(t.history().get(i).total() <= t.history().get(i - 1).total() + 1e-9, "L-BFGS never goes up");
        }
        Picture p = t.picture();
        assertEquals(64, Math.max(p.width(), p.height()));
        t.close();
    }

    @Test
    void adamOnTheLectureCnnLowersBothLossesToo() {
        StyleTransfer t = fromNoise(new LectureFeatureNet(ShippedModel.network()), StyleSettings.Optimiser.ADAM);
        StyleLossValues before = t.losses();
        while (!t.finished()) t.advance();
        assertEquals(1, t.picture().channels(), "the digit network works in grey");
        assertTrue(t.losses().content() < before.content(), before + " -> " + t.losses());
        assertTrue(t.losses().style() < before.style(), before + " -> " + t.losses());
    }

    @Test
    void aStoppedTransferResumesWhereItWas() {
        StyleTransfer a = fromNoise(new RandomTextureNet(), StyleSettings.Optimiser.ADAM);
        StyleTransfer b = fromNoise(new RandomTextureNet(), StyleSettings.Optimiser.ADAM);
        for (int i = 0; i < 10; i++) a.advance();
        a.close();                                   // the job ended (stopped): graph dropped
        while (!a.finished()) a.advance();
        while (!b.finished()) b.advance();
        assertEquals(b.losses().total(), a.losses().total(), 1e-4 * b.losses().total());
    }

    @Test
    void settingsRefuseWhatCannotRun() {
        StyleSettings d = StyleSettings.defaults("random");
        for (Runnable bad : new Runnable[] {() -> d.withSize(4000), () -> d.withIterations(0), () -> d.withWeights(0, 0, 1),
                () -> d.withWeights(-1, 1, 1)}) {
            try {
                bad.run();
                throw new AssertionError("accepted");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().length() > 5);
            }
        }
    }
}
