package cnnlab.nn;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

/**
 * The CNN of the lecture, layer for layer:
 * 28x28x1 -> conv 25@3x3 ReLU -> max-pool 2x2 -> conv 50@3x3 ReLU -> max-pool 2x2 -> dense 100 ReLU -> 10 softmax.
 * Valid convolutions, so conv1 maps are 26x26 and conv2 maps 11x11 (the lecture's a^k_ij).
 */
public final class LectureCnn {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;

    /** The layers a person sees on the digits page, in order, with the shape of one example's output. */
    public static final List<LayerShape> LAYERS = List.of(
            new LayerShape("conv1", "conv 25 filters 3x3 + ReLU", 25, 26, 26),
            new LayerShape("pool1", "max-pool 2x2", 25, 13, 13),
            new LayerShape("conv2", "conv 50 filters 3x3 + ReLU", 50, 11, 11),
            new LayerShape("pool2", "max-pool 2x2", 50, 5, 5),
            new LayerShape("dense", "dense 100 + ReLU", 100, 1, 1),
            new LayerShape("output", "dense 10 + softmax", 10, 1, 1));

    /** Index of the conv layers in the DL4J network (their weights are shown when a map is clicked). */
    public static final int CONV1 = 0, CONV2 = 2;

    private LectureCnn() { }

    public static MultiLayerConfiguration configuration(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nIn(1).nOut(25).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(50).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(100).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(SIDE, SIDE, 1))
                .build();
    }

    public static MultiLayerNetwork create(long seed, double learningRate) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(seed, learningRate));
        net.init();
        return net;
    }

    /** One layer's output for one example: {@code maps} feature maps of {@code height x width} (neurons are 1x1 maps). */
    public record LayerShape(String name, String description, int maps, int height, int width) {
        public int size() {
            return maps * height * width;
        }
    }
}
