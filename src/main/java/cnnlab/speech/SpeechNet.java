package cnnlab.speech;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The two spoken-digit networks of lecture section 4.2. Both read 100 frames of a 40-band log-mel spectrogram and
 * end in an LSTM over time:
 * <ul>
 *   <li>{@link #FREQUENCY}: the lecture's design. Every time frame goes through the same convolutions on its own
 *   (DL4J's RnnToCnn pre-processor turns frames into separate images 40 bands x 1), so the 5x1 filters slide along
 *   frequency only, share their weights over time and cannot mix frames; the LSTM then reads the frames in order.</li>
 *   <li>{@link #TWO_D}: the same stack whose first-layer filters are 5x5, spanning 5 frames too: a 2D convolution
 *   sliding along time and frequency over the spectrogram (each frame is fed with its 5-frame neighbourhood, which
 *   the 5-wide valid convolution reduces to one column again). Its second layer stays 5x1: a 5x5 second layer made
 *   an epoch take ~160 s instead of ~40 s on the lab machine (the neighbourhoods are recomputed per frame).</li>
 * </ul>
 * conv 16 + ReLU -> max-pool 2 along frequency -> conv 32 + ReLU -> max-pool 2 -> LSTM 64 -> max over time -> 10.
 */
public enum SpeechNet {
    FREQUENCY("speech", "speech-cnn-lstm.zip", 1, 1, "filters slide along frequency only (5x1)"),
    TWO_D("speech-2d", "speech-2d-cnn-lstm.zip", 5, 5, "first-layer filters slide along time and frequency (5x5)");

    public static final int FILTERS1 = 16, FILTERS2 = 32, KERNEL = 5, LSTM_UNITS = 64;

    private final String id, file, description;
    private final int context, kernelWidth;

    SpeechNet(String id, String file, int context, int kernelWidth, String description) {
        this.id = id;
        this.file = file;
        this.context = context;
        this.kernelWidth = kernelWidth;
        this.description = description;
    }

    /** Name on the command line: {@code train speech}, {@code train speech-2d}. */
    public String id() {
        return id;
    }

    public String file() {
        return file;
    }

    /** Frames each time step sees (1 for the frequency-only net). */
    public int context() {
        return context;
    }

    public String description() {
        return description;
    }

    /** Height (bands) of conv1's output map. */
    public static int conv1Bands() {
        return SpeechInput.BANDS - KERNEL + 1;
    }

    public MultiLayerConfiguration configuration(long seed, double learningRate) {
        int h1 = conv1Bands(), p1 = h1 / 2, h2 = p1 - KERNEL + 1, p2 = h2 / 2;
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(KERNEL, kernelWidth).nIn(1).nOut(FILTERS1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 1).stride(2, 1).build())
                .layer(new ConvolutionLayer.Builder(KERNEL, 1).nOut(FILTERS2).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 1).stride(2, 1).build())
                .layer(new LSTM.Builder().nIn((long) FILTERS2 * p2).nOut(LSTM_UNITS).activation(Activation.TANH)
                        .weightInit(WeightInit.XAVIER).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(LSTM_UNITS).nOut(10)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .inputPreProcessor(0, new RnnToCnnPreProcessor(SpeechInput.BANDS, context, 1))
                .inputPreProcessor(4, new CnnToRnnPreProcessor(p2, 1, FILTERS2))
                .setInputType(InputType.recurrent((long) SpeechInput.BANDS * context, SpeechInput.FRAMES))
                .build();
    }

    public MultiLayerNetwork create(long seed, double learningRate) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(seed, learningRate));
        net.init();
        return net;
    }

    public static SpeechNet byId(String id) {
        for (SpeechNet n : values()) if (n.id.equals(id)) return n;
        return null;
    }
}
