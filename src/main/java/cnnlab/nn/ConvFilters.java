package cnnlab.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A conv layer's filters copied out of the network once (read-only, so any thread may read them):
 * {@code count} filters, each {@code inChannels} slices of {@code size x size} weights.
 */
public record ConvFilters(int count, int inChannels, int size, float[] weights, float[] biases) {
    public static ConvFilters of(MultiLayerNetwork net, int layer) {
        INDArray w = net.getLayer(layer).getParam("W");   // [out, in, kh, kw]
        INDArray b = net.getLayer(layer).getParam("b");
        long[] s = w.shape();
        return new ConvFilters((int) s[0], (int) s[1], (int) s[2], w.dup('c').data().asFloat(), b.dup('c').data().asFloat());
    }

    /** Filter k's weights: inChannels slices of size x size, row-major. */
    public float[] filter(int k) {
        int n = inChannels * size * size;
        float[] f = new float[n];
        System.arraycopy(weights, k * n, f, 0, n);
        return f;
    }
}
