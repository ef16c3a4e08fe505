package cnnlab.style;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LbfgsTest {
    /** Rosenbrock's valley, f = (1-x)^2 + 100 (y-x^2)^2: steepest descent crawls, L-BFGS reaches (1,1). */
    @Test
    void findsTheMinimumOfRosenbrocksFunction() {
        INDArray p = Nd4j.create(new double[] {-1.2, 1.0});
        Lbfgs lbfgs = new Lbfgs(8);
        Lbfgs.Function f = (x, g) -> {
            double a = x.getDouble(0), b = x.getDouble(1);
            g.putScalar(0, -2 * (1 - a) - 400 * a * (b - a * a));
            g.putScalar(1, 200 * (b - a * a));
            return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
        };
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < 100; i++) {
            double v = lbfgs.step(p, f);
            assertTrue(v <= previous + 1e-12, "never goes up");
            previous = v;
        }
        assertEquals(1.0, p.getDouble(0), 1e-3);
        assertEquals(1.0, p.getDouble(1), 1e-3);
        assertTrue(lbfgs.evaluations() < 200, "evaluations " + lbfgs.evaluations());
    }

    @Test
    void aQuadraticInManyDimensionsConvergesFast() {
        int n = 1000;
        INDArray scale = Nd4j.linspace(1, 50, n).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray x = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, n);
        Lbfgs lbfgs = new Lbfgs(8);
        Lbfgs.Function f = (p, g) -> {
            g.assign(p.mul(scale));
            return 0.5 * p.mul(p).mul(scale).sumNumber().doubleValue();
        };
        double start = f.evaluate(x, x.ulike());
        for (int i = 0; i < 40; i++) lbfgs.step(x, f);
        assertTrue(lbfgs.value() < start * 1e-6, "from " + start + " to " + lbfgs.value());
    }
}
