package cnnlab.go;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The two move-prediction (policy) networks the Go page compares (lecture section 4.1). Both: 7 input planes ->
 * conv 5x5 -> conv 3x3 -> conv 3x3 ('same' padding, ReLU) -> a 1x1 convolution to one plane -> softmax over the 361
 * points. {@link #UNPOOLED} is AlphaGo's design; {@link #POOLED} inserts 2x2 max pooling after the first layer and
 * brings the 10x10 maps back to 19x19 by 2x upsampling and cropping, the design the lecture warns against: dropping
 * every other row and column changes the whole game. Same stack, same filters, nearly the same parameter count.
 */
public enum PolicyNet {
    UNPOOLED("go-unpooled", "go-unpooled.zip", "no pooling (AlphaGo)"),
    POOLED("go-pooled", "go-pooled.zip", "2x2 max pooling + upsampling");

    public static final int FILTERS = 32;

    private final String id, file, description;

    PolicyNet(String id, String file, String description) {
        this.id = id;
        this.file = file;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String file() {
        return file;
    }

    public String description() {
        return description;
    }

    public static PolicyNet byId(String id) {
        for (PolicyNet n : values()) if (n.id.equals(id)) return n;
        return null;
    }

    public MultiLayerConfiguration configuration(long seed, double learningRate) {
        var list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(conv(5));
        if (this == POOLED) {
            list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());   // 19 -> 10
        }
        list.layer(conv(3)).layer(conv(3));
        if (this == POOLED) {
            list.layer(new Upsampling2D.Builder(2).build())                  // 10 -> 20
                    .layer(new Cropping2D.Builder(0, 1, 0, 1).build());    // 20 -> 19
        }
        return list.layer(new ConvolutionLayer.Builder(1, 1).nOut(1).activation(Activation.IDENTITY).build())
                .layer(new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(Board.SIZE, Board.SIZE, FeaturePlanes.PLANES))
                .build();
    }

    private static ConvolutionLayer conv(int kernel) {
        return new ConvolutionLayer.Builder(kernel, kernel).nOut(FILTERS).activation(Activation.RELU).build();
    }

    public MultiLayerNetwork create(long seed, double learningRate) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(seed, learningRate));
        net.init();
        return net;
    }
}
