package cnnlab.text;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

/**
 * Kim (2014)'s sentence CNN (lecture section 4.3): word embeddings, then filters of widths 3, 4 and 5 words (100 of
 * each, ReLU) that slide along the sentence and always cover whole embeddings, max-over-time pooling of every filter,
 * dropout 0.5, and a softmax over negative / positive. Layer names are what the page's explanations read.
 */
public final class KimCnn {
    public static final List<Integer> WIDTHS = List.of(3, 4, 5);
    public static final int FILTERS = 100, CLASSES = 2;
    /** Every sentence gets this many padding words on each side, so that even one word fills the widest filter. */
    public static final int PAD = 4;
    public static final String EMBEDDING = "embedding", OUTPUT = "output";

    private KimCnn() { }

    /** How the weights move: Adam with a learning rate, or Kim's Adadelta (rho 0.95, epsilon 1e-6, no learning rate). */
    public enum Optimizer {
        ADAM, ADADELTA;

        IUpdater updater(double learningRate) {
            return this == ADAM ? new Adam(learningRate) : new AdaDelta();   // ND4J's AdaDelta defaults are Kim's rho and epsilon
        }
    }

    /**
     * Kim's variants of the embeddings: fine-tuned (CNN-non-static) or frozen as initialised (CNN-static). His
     * multichannel variant (both, merged for the filters) is not offered: DL4J 1.0.0-M2's MergeVertex turns the two
     * sentence masks into a boolean one that the convolutions' mask pooling then rejects.
     */
    public enum Embeddings { NON_STATIC, STATIC }

    /**
     * Training choices that change the graph: the optimiser, the {@link Embeddings} variant and dropout on the
     * embeddings the convolutions read (0 = none; the probability to DROP).
     */
    public record Options(Optimizer optimizer, double learningRate, Embeddings embeddings, double embeddingDropout) {
        public static Options adam(double learningRate) {
            return new Options(Optimizer.ADAM, learningRate, Embeddings.NON_STATIC, 0);
        }
    }

    public static String conv(int width) {
        return "conv" + width;
    }

    public static String pool(int width) {
        return "maxpool" + width;
    }

    public static ComputationGraphConfiguration configuration(int vocabulary, int dimensions, long seed, double learningRate) {
        return configuration(vocabulary, dimensions, seed, Options.adam(learningRate));
    }

    public static ComputationGraphConfiguration configuration(int vocabulary, int dimensions, long seed, Options o) {
        var embedding = new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(dimensions)
                .weightInit(new WeightInitDistribution(new UniformDistribution(-0.25, 0.25)));   // Kim's U[-a, a]
        // frozen by a zero step (same layer and name, so the page reads it as before); NOT NoOp, which applies the raw gradient
        if (o.embeddings() == Embeddings.STATIC) embedding.updater(new Sgd(0));
        var g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(o.optimizer().updater(o.learningRate()))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder()
                .addInputs("tokens")   // no input type: DL4J would then take the embedding's nIn from it (1)
                .addLayer(EMBEDDING, embedding.build(), "tokens");
        String[] pools = new String[WIDTHS.size()];
        for (int i = 0; i < WIDTHS.size(); i++) {
            int h = WIDTHS.get(i);
            var conv = new Convolution1DLayer.Builder().kernelSize(h).nIn(dimensions).nOut(FILTERS).activation(Activation.RELU);
            if (o.embeddingDropout() > 0) conv.dropOut(1 - o.embeddingDropout());   // DL4J drops a layer's INPUT, here the embeddings
            g.addLayer(conv(h), conv.build(), EMBEDDING)
                    .addLayer(pool(h), new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), conv(h));
            pools[i] = pool(h);
        }
        return g.addVertex("features", new MergeVertex(), pools)
                .addLayer(OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(WIDTHS.size() * FILTERS).nOut(CLASSES).dropOut(0.5)   // DL4J's dropOut is the probability to KEEP an input: Kim's p = 0.5
                        .constrainWeights(new MaxNormConstraint(3, 1))   // Kim's l2 constraint s = 3 on each class's weights
                        .build(), "features")
                .setOutputs(OUTPUT)
                .build();
    }

    public static ComputationGraph create(int vocabulary, int dimensions, long seed, double learningRate) {
        return create(vocabulary, dimensions, seed, Options.adam(learningRate));
    }

    public static ComputationGraph create(int vocabulary, int dimensions, long seed, Options options) {
        ComputationGraph net = new ComputationGraph(configuration(vocabulary, dimensions, seed, options));
        net.init();
        return net;
    }
}
