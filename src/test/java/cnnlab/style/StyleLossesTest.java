package cnnlab.style;

import cnnlab.vision.Picture;
import cnnlab.vision.RandomTextureNet;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gram matrices, the content/style/smoothness losses against hand-computed values, and their gradients. */
class StyleLossesTest {
    /** 2x2 positions, 2 filters: filter 0 = 1,2,3,4; filter 1 = 0,1,0,1 (NHWC). */
    private static INDArray tiny() {
        return Nd4j.create(new float[] {1, 0, 2, 1, 3, 0, 4, 1}, new long[] {1, 2, 2, 2}, 'c');
    }

    @Test
    void gramIsTheMeanProductOfFiltersOverPositions() {
        // G00 = (1+4+9+16)/4 = 7.5; G01 = (0+2+0+4)/4 = 1.5; G11 = (0+1+0+1)/4 = 0.5
        float[] expected = {7.5f, 1.5f, 1.5f, 0.5f};
        assertArrayEquals(expected, StyleLosses.gram(tiny()).data().asFloat(), 1e-6f);
        SameDiff sd = SameDiff.create();
        SDVariable g = StyleLosses.gram(sd, sd.constant(tiny()), 4, 2);
        assertArrayEquals(expected, g.eval().dup('c').data().asFloat(), 1e-6f);
    }

    @Test
    void lossesMatchHandComputedValues() {
        SameDiff sd = SameDiff.create();
        SDVariable f = sd.constant(tiny());
        // content against a target of all ones: squared errors 0,1,1,0,4,1,9,0 -> mean 2; mean target^2 = 1
        INDArray ones = Nd4j.ones(1, 2, 2, 2);
        assertEquals(2.0, StyleLosses.content(sd, f, ones).eval().getDouble(0), 1e-6);
        // style against target Gram [[1,0],[0,1]]: (6.5^2 + 1.5^2 + 1.5^2 + 0.5^2)/4 = 47/4 = 11.75; mean target^2 = 0.5
        INDArray identity = Nd4j.create(new float[] {1, 0, 0, 1}, new long[] {2, 2}, 'c');
        assertEquals(11.75 / 0.5, StyleLosses.style(sd, f, identity, 4).eval().getDouble(0), 1e-5);
        // smoothness of a 2x2 one-channel picture 0,1 / 1,3: vertical diffs 1,2 -> mean 2.5; horizontal 1,2 -> 2.5
        INDArray p = Nd4j.create(new float[] {0, 1, 1, 3}, new long[] {1, 2, 2, 1}, 'c');
        assertEquals(5.0, StyleLosses.totalVariation(sd, sd.constant(p), 2, 2).eval().getDouble(0), 1e-6);
    }

    @Test
    void gradientOfTheWholeStyleLossMatchesFiniteDifferences() {
        RandomTextureNet net = new RandomTextureNet();
        int side = 16;
        Picture start = noise(side, 1), content = noise(side, 2), style = noise(side, 3);
        List<String> layers = List.of("rand3", "rand5/2", "rand5/4");
        var contentMaps = cnnlab.vision.FeatureMaps.of(net, content, layers);
        var styleMaps = cnnlab.vision.FeatureMaps.of(net, style, layers);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", start.tensor());
        Map<String, SDVariable> f = net.build(sd, x, layers);
        SDVariable loss = StyleLosses.content(sd, f.get("rand5/2"), contentMaps.get("rand5/2"))
                .add(StyleLosses.style(sd, f.get("rand3"), StyleLosses.gram(styleMaps.get("rand3")), side * side))
                .add(StyleLosses.style(sd, f.get("rand5/4"), StyleLosses.gram(styleMaps.get("rand5/4")), (side / 4) * (side / 4)))
                .add(StyleLosses.totalVariation(sd, x, side, side).mul(0.5));
        sd.identity("loss", loss);
        sd.setLossVariables("loss");
        INDArray analytic = sd.calculateGradients(Map.of(), "x").get("x").dup();
        INDArray arr = sd.getVariable("x").getArr();
        Random rng = new Random(7);
        int n = 40;
        double[] a = new double[n], numeric = new double[n];
        double eps = 1e-2;
        for (int i = 0; i < n; i++) {
            long k = rng.nextInt((int) arr.length());
            double v = arr.getDouble(k);
            arr.putScalar(k, v + eps);
            double up = sd.output(Map.of(), "loss").get("loss").getDouble(0);
            arr.putScalar(k, v - eps);
            double down = sd.output(Map.of(), "loss").get("loss").getDouble(0);
            arr.putScalar(k, v);
            numeric[i] = (up - down) / (2 * eps);
            a[i] = analytic.getDouble(k);
        }
        double dot = 0, na = 0, nn = 0;
        for (int i = 0; i < n; i++) {
            dot += a[i] * numeric[i];
            na += a[i] * a[i];
            nn += numeric[i] * numeric[i];
        }
        double cosine = dot / Math.sqrt(na * nn);
        assertTrue(cosine > 0.99, "cosine analytic vs finite differences " + cosine);
        assertEquals(1.0, Math.sqrt(na / nn), 0.05, "magnitude ratio");
    }

    static Picture noise(int side, long seed) {
        Random r = new Random(seed);
        float[] p = new float[side * side * 3];
        for (int i = 0; i < p.length; i++) p[i] = r.nextFloat();
        return new Picture(side, side, 3, p);
    }
}
