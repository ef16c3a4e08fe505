package cnnlab.imagenet;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * DL4J's ConvolutionMode.Same pads as TensorFlow's 'SAME': out = ceil(in / stride), and when the padding total is
 * odd (stride 2 on an even input) the extra row/column goes to the bottom/right, none to the top/left. A 3x3 sum
 * filter over x = row * 10 + column shows which pixels each output reads.
 */
class SamePaddingTest {
    private static double[][] tfSame(double[][] x, int stride) {
        int n = x.length, out = (n + stride - 1) / stride;
        int top = Math.max(((out - 1) * stride + 3 - n) / 2, 0);
        double[][] y = new double[out][out];
        for (int oy = 0; oy < out; oy++) {
            for (int ox = 0; ox < out; ox++) {
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        int iy = oy * stride - top + ky, ix = ox * stride - top + kx;
                        if (iy >= 0 && ix >= 0 && iy < n && ix < n) y[oy][ox] += x[iy][ix];
                    }
                }
            }
        }
        return y;
    }

    private static double[][] dl4j(Layer layer, double[][] x) {
        int n = x.length;
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(layer).setInputType(InputType.convolutional(n, n, 1)).build());
        net.init();
        net.getLayer(0).getParam("W").assign(1);
        net.getLayer(0).getParam("b").assign(0);
        INDArray in = Nd4j.create(x).castTo(DataType.FLOAT).reshape(1, 1, n, n);
        INDArray y = net.output(in);
        return y.reshape(y.size(2), y.size(3)).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private static double[][] ramp(int n) {
        double[][] x = new double[n][n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) x[r][c] = r * 10 + c;
        return x;
    }

    private static void check(int n, int stride) {
        double[][] x = ramp(n), expected = tfSame(x, stride);
        Layer conv = new ConvolutionLayer.Builder(3, 3).stride(stride, stride).nIn(1).nOut(1)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build();
        Layer depthwise = new DepthwiseConvolution2D.Builder(3, 3).stride(stride, stride).nIn(1).depthMultiplier(1).nOut(1)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build();
        double[][] a = dl4j(conv, x), b = dl4j(depthwise, x);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], a[r], 1e-3, "conv, input " + n + ", stride " + stride + ", row " + r);
            assertArrayEquals(expected[r], b[r], 1e-3, "depthwise, input " + n + ", stride " + stride + ", row " + r);
        }
    }

    @Test
    void strideTwoOnAnEvenInputPadsOnlyBottomAndRight() {
        check(8, 2);
    }

    @Test
    void strideTwoOnAnOddInputPadsBothSides() {
        check(7, 2);
    }

    @Test
    void strideOnePadsBothSides() {
        check(6, 1);
    }
}
