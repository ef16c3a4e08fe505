package cnnlab.style;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4) with a backtracking Armijo line
 * search: the optimiser Gatys et al. used for style transfer. It runs on float arrays of a few hundred thousand
 * pixels, which the generic solvers in DL4J (tied to a Model's parameters) and Commons Math (no L-BFGS) do not offer.
 * Vector operations are done in place (BLAS dot/axpy) and temporaries closed at once: a picture-sized temporary per
 * operation would otherwise pile up off-heap until the next garbage collection.
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
        double slope = dot(direction, gradient);
        if (!(slope < 0)) {                      // lost descent (curvature noise): restart from steepest descent
            forget();
            direction.assign(gradient).negi();
            slope = -dot(gradient, gradient);
        }
        // the first step has no curvature to scale it: start the search at a step of unit length
        double t = pairs.isEmpty() ? 1.0 / Math.max(1e-12, direction.norm2Number().doubleValue()) : 1.0;
        INDArray start = x.dup();
        INDArray newGradient = x.ulike();
        double newValue = Double.NaN;
        for (int tries = 0; tries < 20; tries++) {
            x.assign(start);
            axpy(t, direction, x);
            newValue = f.evaluate(x, newGradient);
            evaluations++;
            if (newValue <= value + 1e-4 * t * slope) break;
            t *= 0.5;
        }
        direction.close();
        if (!(newValue <= value)) {              // no progress along this direction: stay, forget curvature
            x.assign(start);
            start.close();
            newGradient.close();
            forget();
            moved = false;
            return value;
        }
        INDArray s = start.rsubi(x);             // x - start, reusing start's buffer
        INDArray y = gradient.rsubi(newGradient); // newGradient - gradient, reusing the old gradient's buffer
        if (dot(y, s) > 1e-10) {
            pairs.addFirst(new INDArray[] {s, y});
            if (pairs.size() > memory) close(pairs.removeLast());
        } else {
            s.close();
            y.close();
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
            rho[i] = 1.0 / dot(p[1], p[0]);
            alpha[i] = rho[i] * dot(p[0], q);
            axpy(-alpha[i], p[1], q);
            i++;
        }
        if (k > 0) {
            INDArray[] newest = pairs.peekFirst();
            q.muli(dot(newest[0], newest[1]) / dot(newest[1], newest[1]));
        }
        Iterator<INDArray[]> oldestFirst = pairs.descendingIterator();
        i = k - 1;
        while (oldestFirst.hasNext()) {
            INDArray[] p = oldestFirst.next();
            double beta = rho[i] * dot(p[1], q);
            axpy(alpha[i] - beta, p[0], q);
            i--;
        }
        return q.negi();
    }

    private void forget() {
        while (!pairs.isEmpty()) close(pairs.removeFirst());
    }

    private static void close(INDArray[] pair) {
        pair[0].close();
        pair[1].close();
    }

    private static double dot(INDArray a, INDArray b) {
        return Nd4j.getBlasWrapper().dot(a.reshape(a.length()), b.reshape(b.length()));
    }

    /** y += alpha x, in place. */
    private static void axpy(double alpha, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(y.length(), alpha, x.reshape(x.length()), y.reshape(y.length()));
    }
}
