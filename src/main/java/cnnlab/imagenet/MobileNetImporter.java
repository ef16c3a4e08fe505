package cnnlab.imagenet;

import cnnlab.imagenet.TfliteModel.ConvOptions;
import cnnlab.imagenet.TfliteModel.Operator;
import cnnlab.imagenet.TfliteModel.Tensor;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the quantised MobileNet v1 TFLite file into the equivalent float DL4J network: every constant is
 * dequantised (real = scale * (q - zero point); int32 biases with scale input scale x weight scale) and every
 * operator becomes one DL4J layer named as in TensorFlow's graph:
 * <ul>
 *   <li>CONV_2D -> {@link ConvolutionLayer} ("Conv2d_0", "Conv2d_1_pointwise", ...), weights OHWI -> DL4J's
 *   [out, in, kH, kW];</li>
 *   <li>DEPTHWISE_CONV_2D -> {@link DepthwiseConvolution2D} ("Conv2d_1_depthwise", ...), weights [1, kH, kW, C]
 *   -> DL4J's [kH, kW, C, depth multiplier];</li>
 *   <li>the fused activation (ReLU6 here) as the layer's activation; TF 'SAME' padding as DL4J's
 *   {@link ConvolutionMode#Same}, which pads the extra row/column at the bottom/right as TF does for stride 2 on
 *   an even input (checked numerically by the tests), 'VALID' as {@link ConvolutionMode#Truncate};</li>
 *   <li>AVERAGE_POOL_2D over the whole 4x4 map -> a global average {@link GlobalPoolingLayer} ("AvgPool_1a"), so
 *   the feature layers also run on other input sizes;</li>
 *   <li>the 1x1 CONV_2D to 1001 logits on that 1x1 map, RESHAPE and SOFTMAX -> one dense softmax
 *   {@link OutputLayer} ("Conv2d_1c_1x1").</li>
 * </ul>
 * <b>Input:</b> NCHW, [batch, 3, 128, 128], channels R, G, B, values real = (q - 128) / 128 for 8-bit pixels q, so
 * in [-1, 1) (the file's input quantisation). Output: 1001 probabilities, index 0 = background.
 */
public final class MobileNetImporter {
    private MobileNetImporter() { }

    public static MultiLayerNetwork importFile(Path tflite) throws IOException {
        return importModel(TfliteModel.read(tflite));
    }

    public static MultiLayerNetwork importModel(TfliteModel model) throws IOException {
        Tensor input = model.tensor(single(model.inputs(), "input"));
        if (input.shape().length != 4 || input.shape()[0] != 1 || input.shape()[3] != 3) {
            throw new IOException("expected an image input [1, H, W, 3], got " + input);
        }
        if (input.quantisation().scale() != 1.0 / 128 || input.quantisation().zeroPoint() != 128) {
            throw new IOException("expected input pixels mapped by (q - 128) / 128, got " + input.quantisation());
        }
        List<Planned> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int current = input.index();
        boolean pooled = false, softmax = false;
        Planned logits = null;
        for (Operator op : model.operators()) {
            if (op.inputs()[0] != current) throw new IOException(op.opName() + " does not follow the previous operator: not a plain chain");
            if (softmax) throw new IOException(op.opName() + " after SOFTMAX");
            Tensor in = model.tensor(op.inputs()[0]), out = model.tensor(op.outputs()[0]);
            switch (op.opcode()) {
                case TfliteModel.CONV_2D -> {
                    if (pooled) {
                        if (logits != null) throw new IOException("a second convolution after the pooling");
                        logits = logits(model, op, in, uniqueName(names, model.tensor(op.inputs()[1]), "Logits"));
                    } else {
                        layers.add(convolution(model, op, in, uniqueName(names, model.tensor(op.inputs()[1]), "Conv2d")));
                    }
                }
                case TfliteModel.DEPTHWISE_CONV_2D -> {
                    if (pooled) throw new IOException("a depthwise convolution after the pooling");
                    layers.add(depthwise(model, op, in, uniqueName(names, model.tensor(op.inputs()[1]), "Depthwise")));
                }
                case TfliteModel.AVERAGE_POOL_2D -> {
                    TfliteModel.PoolOptions p = op.pool();
                    if (pooled || p == null || p.padding() != TfliteModel.Padding.VALID || p.activation() != TfliteModel.Activation.NONE
                            || p.filterH() != in.shape()[1] || p.filterW() != in.shape()[2]) {
                        throw new IOException("only one average pooling over the whole map is supported, got " + p + " on " + in);
                    }
                    requireSameQuantisation(in, out);
                    layers.add(new Planned(new GlobalPoolingLayer.Builder(PoolingType.AVG)
                            .name(uniqueName(names, out, "AvgPool")).build(), null, null));
                    pooled = true;
                }
                case TfliteModel.RESHAPE -> {
                    if (logits == null || out.elements() != in.elements()) throw new IOException("RESHAPE is supported only to flatten the logits");
                    requireSameQuantisation(in, out);
                }
                case TfliteModel.SOFTMAX -> {
                    if (logits == null || op.softmaxBeta() != 1f) throw new IOException("SOFTMAX (beta 1) is supported only on the logits");
                    softmax = true;
                }
                default -> throw new IOException("operator " + op.opName() + " is not supported");
            }
            current = op.outputs()[0];
        }
        if (logits == null || !softmax) throw new IOException("expected the network to end in logits and SOFTMAX");
        if (current != single(model.outputs(), "output")) throw new IOException("the operators do not end at the graph's output");
        layers.add(logits);
        return build(layers, input.shape()[1], input.shape()[2]);
    }

    /** A layer's configuration and its parameters in DL4J's layout (null for a layer without parameters). */
    private record Planned(Layer layer, INDArray weights, INDArray bias) { }

    private static Planned convolution(TfliteModel model, Operator op, Tensor in, String name) throws IOException {
        ConvOptions o = convOptions(op);
        Tensor w = model.tensor(op.inputs()[1]);   // [out, kH, kW, in]
        int[] s = w.shape();
        if (s.length != 4 || s[3] != in.shape()[3]) throw new IOException(name + ": weights " + w + " do not fit input " + in);
        INDArray weights = Nd4j.create(Dequantise.weights(w), new long[]{s[0], s[1], s[2], s[3]}, 'c')
                .permute(0, 3, 1, 2).dup('c');   // OHWI -> OIHW
        Layer layer = new ConvolutionLayer.Builder(s[1], s[2]).stride(o.strideH(), o.strideW())
                .nIn(s[3]).nOut(s[0]).convolutionMode(mode(o)).activation(activation(o.activation(), name)).name(name).build();
        return new Planned(layer, weights, bias(model, op, in, w, s[0]));
    }

    private static Planned depthwise(TfliteModel model, Operator op, Tensor in, String name) throws IOException {
        ConvOptions o = convOptions(op);
        Tensor w = model.tensor(op.inputs()[1]);   // [1, kH, kW, C * multiplier]
        int[] s = w.shape();
        int channels = in.shape()[3], multiplier = o.depthMultiplier();
        if (s.length != 4 || s[0] != 1 || multiplier < 1 || s[3] != channels * multiplier) {
            throw new IOException(name + ": weights " + w + " do not fit input " + in + " with depth multiplier " + multiplier);
        }
        // output channel c * multiplier + m reads input channel c: the c-order flat data is already [kH, kW, C, m]
        INDArray weights = Nd4j.create(Dequantise.weights(w), new long[]{s[1], s[2], channels, multiplier}, 'c');
        Layer layer = new DepthwiseConvolution2D.Builder(s[1], s[2]).stride(o.strideH(), o.strideW())
                .nIn(channels).depthMultiplier(multiplier).nOut((long) channels * multiplier).convolutionMode(mode(o))
                .activation(activation(o.activation(), name)).name(name).build();
        return new Planned(layer, weights, bias(model, op, in, w, s[3]));
    }

    /** The 1x1 convolution on the pooled 1x1 map is a dense layer; with the SOFTMAX after it, DL4J's output layer. */
    private static Planned logits(TfliteModel model, Operator op, Tensor in, String name) throws IOException {
        ConvOptions o = convOptions(op);
        Tensor w = model.tensor(op.inputs()[1]);
        int[] s = w.shape();
        if (in.shape()[1] != 1 || in.shape()[2] != 1 || s[1] != 1 || s[2] != 1 || o.activation() != TfliteModel.Activation.NONE) {
            throw new IOException(name + ": expected a 1x1 convolution without activation on the pooled 1x1 map");
        }
        INDArray weights = Nd4j.create(Dequantise.weights(w), new long[]{s[0], s[3]}, 'c').transpose().dup('c');   // [in, out]
        Layer layer = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(s[3]).nOut(s[0])
                .activation(Activation.SOFTMAX).name(name).build();
        return new Planned(layer, weights, bias(model, op, in, w, s[0]));
    }

    private static INDArray bias(TfliteModel model, Operator op, Tensor in, Tensor w, int channels) throws IOException {
        if (op.inputs().length < 3 || op.inputs()[2] < 0) return Nd4j.zeros(DataType.FLOAT, channels);
        Tensor b = model.tensor(op.inputs()[2]);
        if (b.elements() != channels) throw new IOException(b + ": expected " + channels + " biases");
        return Nd4j.create(Dequantise.bias(b, in.quantisation().scale(), w.quantisation().scale()), new long[]{channels}, 'c');
    }

    private static MultiLayerNetwork build(List<Planned> layers, int height, int width) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(0).dataType(DataType.FLOAT).list();
        for (int i = 0; i < layers.size(); i++) list.layer(i, layers.get(i).layer());
        MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(InputType.convolutional(height, width, 3)).build());
        net.init();
        for (int i = 0; i < layers.size(); i++) {
            Planned p = layers.get(i);
            if (p.weights() == null) continue;
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(i);
            setParam(layer, "W", p.weights());
            setParam(layer, "b", p.bias().reshape(layer.getParam("b").shape()));   // [C] or [1, C] by layer type
        }
        return net;
    }

    private static void setParam(org.deeplearning4j.nn.api.Layer layer, String key, INDArray value) {
        INDArray param = layer.getParam(key);
        if (!Arrays.equals(param.shape(), value.shape())) {
            throw new IllegalStateException(layer.conf().getLayer().getLayerName() + " " + key + ": DL4J expects "
                    + Arrays.toString(param.shape()) + ", got " + Arrays.toString(value.shape()));
        }
        param.assign(value);
    }

    private static ConvOptions convOptions(Operator op) throws IOException {
        ConvOptions o = op.conv();
        if (o == null) throw new IOException(op.opName() + " without its options");
        if (o.dilationH() != 1 || o.dilationW() != 1) throw new IOException("dilated convolutions are not supported");
        if (o.strideH() < 1 || o.strideW() < 1) throw new IOException("invalid stride in " + o);
        return o;
    }

    private static ConvolutionMode mode(ConvOptions o) {
        return o.padding() == TfliteModel.Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    private static Activation activation(TfliteModel.Activation a, String layer) throws IOException {
        return switch (a) {
            case NONE -> Activation.IDENTITY;
            case RELU -> Activation.RELU;
            case RELU6 -> Activation.RELU6;
            case TANH -> Activation.TANH;
            default -> throw new IOException(layer + ": fused activation " + a + " is not supported");
        };
    }

    private static void requireSameQuantisation(Tensor in, Tensor out) throws IOException {
        if (in.quantisation().scale() != out.quantisation().scale() || in.quantisation().zeroPoint() != out.quantisation().zeroPoint()) {
            throw new IOException(out + ": rescales its input, which the float network would not reproduce");
        }
    }

    /**
     * The layer's name in TensorFlow's graph: the scope holding its weights ("MobilenetV1/MobilenetV1/Conv2d_0/
     * Conv2D_Fold" -> "Conv2d_0"), made unique if needed.
     */
    private static String uniqueName(Set<String> taken, Tensor tensor, String fallback) {
        String[] path = tensor.name().split(";")[0].split("/");
        String name = path.length >= 2 ? path[path.length - 2] : fallback;
        String unique = name;
        for (int i = 2; !taken.add(unique); i++) unique = name + "_" + i;
        return unique;
    }

    private static int single(int[] tensors, String what) throws IOException {
        if (tensors.length != 1) throw new IOException("expected one " + what + " tensor, found " + tensors.length);
        return tensors[0];
    }
}
