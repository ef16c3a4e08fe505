package cnnlab.features;

import cnnlab.nn.LectureCnn;
import cnnlab.nn.LectureWeights;
import cnnlab.nn.ShippedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Splitting the pictures into parts that run side by side changes nothing but the time. */
class AscentPassesTest {
    @ParameterizedTest
    @EnumSource(value = Target.class, names = {"CONV1", "CONV2", "OUTPUT"})
    void partsGiveTheSameValuesGradientsAndLogitsAsOnePass(Target target) {
        LectureWeights weights = LectureWeights.of(ShippedModel.network());
        int n = 11;   // unequal parts
        int[] units = new int[n];
        for (int i = 0; i < n; i++) units[i] = i % target.units();
        Measure measure = target.isFilter() ? Measure.SUM : Measure.LOGIT;
        float[] x = new float[n * LectureCnn.PIXELS];
        Random r = new Random(5);
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        try (AscentPasses one = new AscentPasses(weights, target, measure, units, 1);
             AscentPasses two = new AscentPasses(weights, target, measure, units, 2)) {
            assertEquals(1, one.parts());
            assertEquals(2, two.parts());
            float[] v1 = one.values(x), v2 = two.values(x);
            assertArrayEquals(v1, v2, 1e-4f * Math.max(1, max(v1)));
            float[] g1 = one.gradient(v1), g2 = two.gradient(v2);
            assertArrayEquals(g1, g2, 1e-4f * Math.max(1e-6f, max(g1)));
            assertArrayEquals(one.logits(x), two.logits(x), 1e-4f);
        }
    }

    private static float max(float[] a) {
        float m = 0;
        for (float v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
