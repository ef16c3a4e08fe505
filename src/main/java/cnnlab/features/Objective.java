package cnnlab.features;

import cnnlab.nn.InputGradients;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

/**
 * The number each image of a batch tries to make large: image i maximises unit {@code units[i]} of the target layer,
 * measured as the chosen {@link Measure}. As the objective is linear in the layer's output for every measure but
 * log-probability, its gradient there is a fixed selection tensor (built once): ones on the chosen map (sum),
 * 1/area (mean), or a single one (centre unit, neuron, logit).
 */
public final class Objective implements AutoCloseable {
    private final Target target;
    private final Measure measure;
    private final int[] units;
    private final INDArray selection;
    private final INDArray gradient;

    public Objective(Target target, Measure measure, int[] units) {
        this.target = target;
        this.measure = measure;
        this.units = units.clone();
        int b = units.length;
        if (target.isFilter()) {
            int side = target.mapSide();
            selection = Nd4j.zeros(DataType.FLOAT, b, side, side, target.units());
            for (int i = 0; i < b; i++) {
                switch (measure) {
                    case SUM -> selection.get(point(i), all(), all(), point(units[i])).assign(1);
                    case MEAN -> selection.get(point(i), all(), all(), point(units[i])).assign(1.0 / (side * side));
                    case CENTRE -> selection.putScalar(new long[]{i, side / 2, side / 2, units[i]}, 1);
                    default -> throw new IllegalArgumentException(measure + " does not apply to a filter");
                }
            }
        } else {
            selection = Nd4j.zeros(DataType.FLOAT, b, target.units());
            for (int i = 0; i < b; i++) selection.putScalar(i, units[i], 1);
        }
        gradient = selection.dup();
    }

    public Target target() {
        return target;
    }

    public int[] units() {
        return units.clone();
    }

    /** The objective of each image after {@code net.forward(..., target.depth())}. */
    public float[] values(InputGradients net) {
        INDArray a = net.activation(target.depth());
        float[] v = new float[units.length];
        if (measure == Measure.LOG_PROBABILITY) {
            float[] logits = a.data().asFloat();
            for (int i = 0; i < v.length; i++) v[i] = (float) logSoftmax(logits, i * 10, 10)[units[i]];
            return v;
        }
        // one row per image, so the sum is a plain row reduction (a reduction over dims 1-3 of NCHW-like data is slow)
        try (INDArray picked = a.reshape(units.length, a.length() / units.length).mul(selection.reshape(units.length, a.length() / units.length));
             INDArray sums = picked.sum(1)) {
            float[] s = sums.data().asFloat();
            System.arraycopy(s, 0, v, 0, v.length);
        }
        return v;
    }

    /**
     * Pixel gradient of every image's objective. {@code values} are the ones just computed: an image whose unit is
     * still silent (0 after ReLU) gets the gradient of the unit's input instead, or it would never wake up.
     */
    public float[] gradient(InputGradients net, float[] values) {
        if (measure == Measure.LOG_PROBABILITY) {
            // d log p_j / d logits = onehot(j) - softmax
            float[] logits = net.activation(target.depth()).data().asFloat();
            float[] g = new float[logits.length];
            for (int i = 0; i < units.length; i++) {
                double[] ls = logSoftmax(logits, i * 10, 10);
                for (int c = 0; c < 10; c++) g[i * 10 + c] = (float) ((c == units[i] ? 1 : 0) - Math.exp(ls[c]));
            }
            java.nio.FloatBuffer buffer = gradient.data().asNioFloat();
            buffer.clear();
            buffer.put(g);
        }
        boolean[] throughRelu = new boolean[units.length];
        for (int i = 0; i < units.length; i++) throughRelu[i] = values[i] > 0;
        return net.backward(target.depth(), gradient, throughRelu);
    }

    private static double[] logSoftmax(float[] logits, int offset, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) max = Math.max(max, logits[offset + c]);
        double sum = 0;
        for (int c = 0; c < n; c++) sum += Math.exp(logits[offset + c] - max);
        double log = max + Math.log(sum);
        double[] out = new double[n];
        for (int c = 0; c < n; c++) out[c] = logits[offset + c] - log;
        return out;
    }

    @Override
    public void close() {
        selection.close();
        gradient.close();
    }
}
