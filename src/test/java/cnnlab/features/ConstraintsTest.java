package cnnlab.features;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConstraintsTest {
    /** addGradient must be the gradient of -penalty: checked by central differences on every pixel of a small image. */
    @Test
    void theGradientIsMinusThePenaltysDerivative() {
        Constraints c = new Constraints(0.03, 0.07, 0.05, 0, 0);
        int side = 6;
        Random r = new Random(1);
        float[] x = new float[side * side];
        for (int i = 0; i < x.length; i++) x[i] = 0.1f + 0.8f * r.nextFloat();   // away from 0, where |x| has its kink
        float[] g = new float[x.length];
        c.addGradient(x, g, 0, side);
        float eps = 1e-3f;
        for (int i = 0; i < x.length; i++) {
            float[] plus = x.clone(), minus = x.clone();
            plus[i] += eps;
            minus[i] -= eps;
            double fd = -(c.penalty(plus, 0, side) - c.penalty(minus, 0, side)) / (2 * eps);
            assertEquals(fd, g[i], 2e-3, "pixel " + i);
        }
    }

    @Test
    void noConstraintsNoPenalty() {
        float[] x = {0.5f, 1f, 0f, 0.2f};
        float[] g = new float[4];
        Constraints.NONE.addGradient(x, g, 0, 2);
        assertEquals(0, Constraints.NONE.penalty(x, 0, 2));
        assertEquals(0f, g[0] + g[1] + g[2] + g[3]);
    }

    @Test
    void l1CountsInk() {
        float[] x = {0.5f, 1f, 0f, 0.25f};
        assertEquals(1.75 * 0.1, new Constraints(0.1, 0, 0, 0, 0).penalty(x, 0, 2), 1e-6);
        // TV of a 2x2: pairs (0,1) (2,3) across, (0,2) (1,3) down
        double tv = Math.pow(0.5, 2) + Math.pow(0.25, 2) + Math.pow(0.5, 2) + Math.pow(0.75, 2);
        assertEquals(tv, new Constraints(0, 1, 0, 0, 0).penalty(x, 0, 2), 1e-6);
    }
}
