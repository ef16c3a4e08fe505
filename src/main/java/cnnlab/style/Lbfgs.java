package cnnlab.style;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4) with a backtracking Armijo line
 * search: the optimiser Gatys et al. used for style transfer. It runs on flat float vectors of a few hundred thousand
 * pixels, which the generic solvers in DL4J (tied to a Model's parameters) and Commons Math (no L-BFGS) do not offer.
 */
public final class Lbfgs {
    /** The function to minimise: returns f(x) and writes its gradient into {@code gradient}. */
    public interface Function {
        double evaluate(INDArray x, INDArray gradient);
    }

    private final int memory;
    private final Deque<INDArray[]> pairs = new ArrayDeque<>();   // newest first: {s = step taken, y = change of gradient}
    private INDArray gradient;
    private double value = Double.NaN;
    private int evaluations;
    private boolean moved;

    public Lbfgs(int memory) {
        this.memory = memory;
    }

    /** f at the current point after the last {@link #step} (NaN before the first). */
    public double value() {
        return value;
    }

    /** Whether the last step moved x (false when no point along the search direction was better). */
    public boolean moved() {
        return moved;
    }

    /** Function evaluations so far (an iteration takes one, sometimes a few more while the line search backtracks). */
    public int evaluations() {
        return evaluations;
    }

    /** One iteration from {@code x}, which is moved in place. Returns f at the new point. */
    public double step(INDArray x, Function f) {
        if (gradient == null) {
            gradient = x.ulike();
            value = f.evaluate(x, gradient);
            evaluations++;
        }
        INDArray direction = direction(gradient);
        double slope = direction.mul(gradient).sumNumber().doubleValue();
        if (!(slope < 0)) {                      // lost descent (curvature noise): restart from steepest descent
            pairs.clear();
            direction = gradient.neg();
            slope = -gradient.mul(gradient).sumNumber().doubleValue();
        }
        // the first step has no curvature to scale it: start the search at a step of unit length
        double t = pairs.isEmpty() ? 1.0 / Math.max(1e-12, direction.norm2Number().doubleValue()) : 1.0;
        INDArray start = x.dup();
        INDArray newGradient = x.ulike();
        double newValue = Double.NaN;
        for (int tries = 0; tries < 20; tries++) {
            x.assign(start).addi(direction.mul(t));
            newValue = f.evaluate(x, newGradient);
            evaluations++;
            if (newValue <= value + 1e-4 * t * slope) break;
            t *= 0.5;
        }
        if (!(newValue <= value)) {              // no progress along this direction: stay, forget curvature
            x.assign(start);
            pairs.clear();
            moved = false;
            return value;
        }
        INDArray s = x.sub(start), y = newGradient.sub(gradient);
        double ys = y.mul(s).sumNumber().doubleValue();
        if (ys > 1e-10) {
            pairs.addFirst(new INDArray[] {s, y});
            if (pairs.size() > memory) pairs.removeLast();
        }
        gradient = newGradient;
        value = newValue;
        moved = true;
        return value;
    }

    /** -H g by the two-loop recursion, H the inverse Hessian approximated from the stored (s, y) pairs. */
    private INDArray direction(INDArray g) {
        INDArray q = g.dup();
        int k = pairs.size();
        double[] alpha = new double[k], rho = new double[k];
        int i = 0;
        for (INDArray[] p : pairs) {
            rho[i] = 1.0 / p[1].mul(p[0]).sumNumber().doubleValue();
            alpha[i] = rho[i] * p[0].mul(q).sumNumber().doubleValue();
            q.subi(p[1].mul(alpha[i]));
            i++;
        }
        if (k > 0) {
            INDArray[] newest = pairs.peekFirst();
            double gamma = newest[0].mul(newest[1]).sumNumber().doubleValue() / newest[1].mul(newest[1]).sumNumber().doubleValue();
            q.muli(gamma);
        }
        Iterator<INDArray[]> oldestFirst = pairs.descendingIterator();
        i = k - 1;
        while (oldestFirst.hasNext()) {
            INDArray[] p = oldestFirst.next();
            double beta = rho[i] * p[1].mul(q).sumNumber().doubleValue();
            q.addi(p[0].mul(alpha[i] - beta));
            i--;
        }
        return q.negi();
    }
}
