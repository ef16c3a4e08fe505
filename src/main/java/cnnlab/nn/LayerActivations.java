package cnnlab.nn;

import java.util.List;

/**
 * What one image does to the lecture CNN: the input and every layer's output (after its activation function),
 * one flat row-major array per layer, shaped as in {@link LectureCnn#LAYERS}.
 */
public record LayerActivations(float[] input, List<float[]> layers) {
    public float[] layer(int i) {
        return layers.get(i);
    }

    /** The softmax output: the 10 class probabilities. */
    public float[] probabilities() {
        return layers.get(layers.size() - 1);
    }

    public int predictedClass() {
        float[] p = probabilities();
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /** The lecture's degree of activation of filter k in a conv layer: a^k = sum over i,j of a^k_ij. */
    public double totalActivation(int layer, int k) {
        LectureCnn.LayerShape shape = LectureCnn.LAYERS.get(layer);
        int area = shape.height() * shape.width();
        float[] a = layers.get(layer);
        double sum = 0;
        for (int p = k * area; p < (k + 1) * area; p++) sum += a[p];
        return sum;
    }
}
