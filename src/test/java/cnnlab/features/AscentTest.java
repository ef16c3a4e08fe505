package cnnlab.features;

import cnnlab.nn.InputGradients;
import cnnlab.nn.LectureCnn;
import cnnlab.nn.LectureWeights;
import cnnlab.nn.ShippedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AscentTest {
    private static MultiLayerNetwork net;
    private static LectureWeights weights;

    @BeforeAll
    static void load() {
        net = ShippedModel.network();
        weights = LectureWeights.of(net);
    }

    static AscentFrame run(AscentSettings s) {
        try (Ascent a = new Ascent(weights, s, null)) {
            while (!a.finished()) a.advance();
            return a.frame();
        }
    }

    /** Each unit's objective averaged over 20 uniform-noise images: what "random inputs" give. */
    private static float[] onRandomInputs(AscentSettings s) {
        int n = 20;
        int[] units = s.units();
        float[] mean = new float[units.length];
        Random r = new Random(99);
        try (InputGradients g = new InputGradients(weights, units.length);
             Objective o = new Objective(s.target(), s.measure(), units)) {
            for (int k = 0; k < n; k++) {
                float[] x = new float[units.length * LectureCnn.PIXELS];
                for (int p = 0; p < x.length; p++) x[p] = r.nextFloat();
                g.forward(x, s.target().depth());
                float[] v = o.values(g);
                for (int i = 0; i < v.length; i++) mean[i] += v[i] / n;
            }
        }
        return mean;
    }

    @Test
    void theLecturesConv2FiltersRiseFarAboveTheirValueOnRandomInputs() {
        AscentSettings s = AscentSettings.DEFAULT;
        AscentFrame f = run(s);
        float[] random = onRandomInputs(s);
        double worst = Double.MAX_VALUE;
        for (int i = 0; i < f.pictures(); i++) {
            double factor = f.objective()[i] / Math.max(random[i], 1e-3);
            worst = Math.min(worst, factor);
            float[] curve = f.curves()[i];
            assertEquals(s.steps() + 1, curve.length);
            assertTrue(curve[curve.length - 1] > curve[0], "filter " + i + " rises");
        }
        System.out.printf("conv2 filters after 200 Adam steps: worst factor over random inputs %.1f%n", worst);
        assertTrue(worst > 3, "every filter at least 3x its random-input value, worst " + worst);
    }

    @Test
    void denseNeuronsAndConv1FiltersRiseToo() {
        for (Target t : new Target[]{Target.CONV1, Target.DENSE}) {
            AscentSettings s = new AscentSettings(t, t.measures()[0], Units.range(0, 6), Constraints.NONE, false,
                    Start.NOISE, 3, 100, 0.05, Optimiser.ADAM);
            AscentFrame f = run(s);
            float[] random = onRandomInputs(s);
            for (int i = 0; i < f.pictures(); i++) {
                assertTrue(f.objective()[i] > 2 * random[i] && f.objective()[i] > 0,
                        t + " unit " + i + ": " + f.objective()[i] + " vs random " + random[i]);
            }
        }
    }

    @Test
    void classPicturesAreClassifiedAsTheirClassAndL1ReducesInk() {
        AscentSettings s = AscentSettings.CLASSES_WITH_AND_WITHOUT_L1;
        AscentFrame f = run(s);
        // the DL4J network, not our own forward pass, judges the pictures
        INDArray probabilities = net.output(Nd4j.createFromArray(f.images()).reshape(f.pictures(), 1, 28, 28));
        for (int i = 0; i < f.pictures(); i++) {
            int target = s.unitOf(i);
            assertEquals(target, probabilities.getRow(i).argMax().getInt(0), "picture " + i + " is read as " + target);
            assertEquals(target, f.verdict()[i]);
        }
        double[] ink = Ascent.ink(f.images());
        double without = 0, with = 0;
        for (int i = 0; i < 10; i++) {
            without += ink[i] / 10;
            with += ink[10 + i] / 10;
        }
        System.out.printf("class pictures, mean |x|: without L1 %.3f, with L1 %.3f%n", without, with);
        assertTrue(with < 0.7 * without, "L1 removes ink: " + with + " vs " + without);
    }

    @Test
    void totalVariationMakesNeighboursAlike() {
        AscentSettings plain = AscentSettings.DEFAULT;
        AscentSettings smooth = new AscentSettings(plain.target(), plain.measure(), plain.units(), new Constraints(0, 0.2, 0, 0, 0),
                false, plain.start(), plain.seed(), plain.steps(), plain.stepSize(), plain.optimiser());
        double rough = neighbourDifference(run(plain).images()), calm = neighbourDifference(run(smooth).images());
        System.out.printf("mean squared neighbour difference: plain %.4f, with TV %.4f%n", rough, calm);
        assertTrue(calm < 0.6 * rough, "TV smooths: " + calm + " vs " + rough);
    }

    static double neighbourDifference(float[] images) {
        double sum = 0;
        int n = 0;
        for (int base = 0; base < images.length; base += 784) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x + 1 < 28; x++) {
                    sum += Math.pow(images[base + y * 28 + x + 1] - images[base + y * 28 + x], 2);
                    sum += Math.pow(images[base + x * 28 + y + 28] - images[base + x * 28 + y], 2);
                    n += 2;
                }
            }
        }
        return sum / n;
    }

    @Test
    void theSameSettingsPaintTheSamePicturesAndTheSeedMatters() {
        AscentSettings s = new AscentSettings(Target.CONV2, Measure.SUM, Units.range(0, 3), new Constraints(0.01, 0.01, 0.01, 2, 5),
                false, Start.NOISE, 5, 30, 0.1, Optimiser.NORMALISED);
        AscentFrame a = run(s), b = run(s);
        assertArrayEquals(a.images(), b.images());
        AscentSettings other = new AscentSettings(s.target(), s.measure(), s.units(), s.constraints(), false, s.start(), 6,
                s.steps(), s.stepSize(), s.optimiser());
        assertFalse(java.util.Arrays.equals(a.images(), run(other).images()));
    }

    @Test
    void picturesStayInTheUnitRange() {
        AscentSettings s = new AscentSettings(Target.OUTPUT, Measure.LOG_PROBABILITY, Units.range(0, 4), Constraints.NONE, false,
                Start.BLANK, 1, 40, 0.5, Optimiser.NORMALISED);
        for (float p : run(s).images()) assertTrue(p >= 0 && p <= 1);
    }

    @Test
    void startingFromADrawingNeedsOne() {
        AscentSettings s = new AscentSettings(Target.OUTPUT, Measure.LOGIT, new int[]{8}, Constraints.NONE, false,
                Start.DRAWING, 1, 5, 0.05, Optimiser.ADAM);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Ascent(weights, s, null));
        assertTrue(e.getMessage().contains("draw a digit"));
        float[] three = new float[784];
        for (int y = 6; y < 22; y++) three[y * 28 + 18] = 1;
        try (Ascent a = new Ascent(weights, s, three)) {
            assertArrayEquals(three, a.frame().picture(0), "the first frame is the drawing itself");
        }
    }

    @Test
    void rollWrapsRound() {
        float[] img = new float[784];
        img[0] = 1;
        float[] r = Ascent.roll(img, 1, -1);
        assertEquals(1f, r[28 + 27]);
        assertArrayEquals(img, Ascent.roll(r, -1, 1));
    }
}
