package cnnlab.dream;

import cnnlab.nn.ShippedModel;
import cnnlab.vision.BuiltInImage;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.LectureFeatureNet;
import cnnlab.vision.Picture;
import cnnlab.vision.RandomTextureNet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deep Dream raises its objective at every octave, ends at the picture's size, films itself and resumes. */
class DreamTest {
    static final Picture CAT = BuiltInImage.byId("chelsea").orElseThrow().picture(3);

    private static Dream dream(FeatureNetwork net, DreamSettings s) {
        Dream d = new Dream(net, CAT, s);
        while (!d.finished()) d.advance();
        return d;
    }

    @Test
    void theObjectiveRisesWithinEveryOctaveOnTheLectureCnn() {
        FeatureNetwork net = new LectureFeatureNet(ShippedModel.network());
        Dream d = dream(net, DreamSettings.defaults(net.id(), "conv2").withSize(128).withSteps(6, 0.02));
        assertEquals(4, d.octaves());
        assertEquals(24, d.step());
        for (List<Double> o : d.objectives()) {
            assertEquals(6, o.size());
            assertTrue(o.get(o.size() - 1) > 1.2 * o.get(0), "octave objective " + o);
        }
        Picture p = d.picture();
        assertEquals(128, p.width());
        assertEquals(85, p.height());
        assertEquals(1, p.channels());
        assertTrue(d.film().size() >= 2, "film frames " + d.film().size());
    }

    @Test
    void bothObjectivesAndChosenFiltersWorkOnTheRandomNetwork() {
        FeatureNetwork net = new RandomTextureNet();
        for (DreamSettings.Objective objective : DreamSettings.Objective.values()) {
            Dream d = dream(net, DreamSettings.defaults(net.id(), "rand5/2").withLayer("rand5/2", "0-7").withObjective(objective)
                    .withOctaves(2, 1.5).withSize(64).withSteps(5, 0.02));
            for (List<Double> o : d.objectives()) assertTrue(o.get(o.size() - 1) > o.get(0), objective + " " + o);
        }
    }

    @Test
    void aStoppedDreamResumesMidOctaveExactlyWhereItWas() {
        FeatureNetwork net = new RandomTextureNet();
        DreamSettings s = DreamSettings.defaults(net.id(), "rand5/2").withOctaves(2, 1.4).withSize(64).withSteps(4, 0.02);
        Dream a = new Dream(net, CAT, s), b = new Dream(net, CAT, s);
        for (int i = 0; i < 3; i++) a.advance();
        a.close();
        while (!a.finished()) a.advance();
        while (!b.finished()) b.advance();
        assertArrayEquals(b.picture().pixels(), a.picture().pixels(), 1e-5f);
        assertNotEquals(0f, diff(a.picture(), CAT.fitLongSide(64)), "the dream changed the picture");
    }

    @Test
    void smallPicturesDropOctavesTooSmallToSee() {
        FeatureNetwork net = new LectureFeatureNet(ShippedModel.network());
        Dream d = new Dream(net, CAT, DreamSettings.defaults(net.id(), "conv2").withSize(40).withOctaves(6, 2.0));
        assertEquals(1, d.octaves(), "40 px / 2 is already below the smallest octave");
    }

    @Test
    void unknownLayersAndFiltersAreRefusedReadably() {
        FeatureNetwork net = new LectureFeatureNet(ShippedModel.network());
        assertThrows(IllegalArgumentException.class, () -> new Dream(net, CAT, DreamSettings.defaults(net.id(), "conv9")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dream(net, CAT, DreamSettings.defaults(net.id(), "conv1").withLayer("conv1", "3-40")));
        assertTrue(e.getMessage().contains("0-24"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DreamSettings.defaults(net.id(), "conv1").withSize(5000));
        assertThrows(IllegalArgumentException.class, () -> DreamSettings.defaults(net.id(), "conv1").withOctaves(9, 1.4));
    }

    private static float diff(Picture a, Picture b) {
        float d = 0;
        Picture g = b.withChannels(a.channels());
        for (int i = 0; i < a.pixels().length; i++) d += Math.abs(a.pixels()[i] - g.pixels()[i]);
        return d;
    }
}
