package cnnlab.vision;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * MobileNet v1 0.25/128 trained on ImageNet (imported from its TFLite file, see {@code train mobilenet}): 27
 * convolutions, alternately depthwise 3x3 (one filter per channel, looking at space) and pointwise 1x1 (mixing
 * channels). Only its convolution layers are used here, so it runs on pictures of any size.
 */
public final class MobileNetFeatureNet implements FeatureNetwork {
    public static final String ID = "mobilenet";

    private final ConvStack stack;
    private final List<FeatureLayer> layers = new ArrayList<>();

    public MobileNetFeatureNet(MultiLayerNetwork mobileNet) {
        List<ConvStack.Stage> stages = new ArrayList<>();
        for (Layer layer : mobileNet.getLayers()) {
            Object conf = layer.conf().getLayer();
            if (!(conf instanceof ConvolutionLayer c)) break;    // the classifier head starts: global pooling
            String name = c.getLayerName();
            int stride = (int) c.getStride()[0];
            boolean same = c.getConvolutionMode() == ConvolutionMode.Same;
            ConvStack.Activation act = activation(c.getActivationFn());
            INDArray b = layer.getParam("b").reshape(-1).dup();
            if (conf instanceof DepthwiseConvolution2D) {
                stages.add(new ConvStack.Depthwise(name, layer.getParam("W").dup(), b, stride, same, act));
                layers.add(new FeatureLayer(name, "depthwise 3x3" + (stride > 1 ? " stride " + stride : "") + ", " + b.length() + " channels", (int) b.length()));
            } else {
                INDArray w = layer.getParam("W").permute(2, 3, 1, 0).dup();   // [out,in,kH,kW] -> [kH,kW,in,out]
                stages.add(new ConvStack.Conv(name, w, b, stride, same, act));
                layers.add(new FeatureLayer(name, (w.size(0) == 1 ? "pointwise 1x1, " : "conv " + w.size(0) + "x" + w.size(1) + " stride " + stride + ", ")
                        + b.length() + " filters", (int) b.length()));
            }
        }
        stack = new ConvStack(stages);
    }

    private static ConvStack.Activation activation(IActivation a) {
        if (a instanceof ActivationReLU6) return ConvStack.Activation.RELU6;
        if (a instanceof ActivationReLU) return ConvStack.Activation.RELU;
        if (a == null || a instanceof ActivationIdentity) return ConvStack.Activation.NONE;
        throw new IllegalArgumentException("unsupported activation " + a);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "MobileNet v1 (ImageNet)";
    }

    @Override
    public String description() {
        return "A small network trained on 1.2 million photos of 1,000 kinds of things (MobileNet v1 0.25, Apache-2.0): "
                + "its deeper layers know fur, eyes, wheels and leaves, so dreams grow them.";
    }

    @Override
    public int channels() {
        return 3;
    }

    @Override
    public List<FeatureLayer> layers() {
        return List.copyOf(layers);
    }

    @Override
    public StyleLayers styleLayers() {
        // one pointwise layer per resolution (64, 32, 16, 8 px at 128 input) and two deeper ones
        return new StyleLayers("Conv2d_5_pointwise", List.of("Conv2d_1_pointwise", "Conv2d_3_pointwise", "Conv2d_5_pointwise",
                "Conv2d_7_pointwise", "Conv2d_9_pointwise", "Conv2d_11_pointwise"));
    }

    @Override
    public String dreamLayer() {
        return "Conv2d_11_pointwise";   // looked best: eyes and fur on the cat; shallower layers only grow stripes
    }

    @Override
    public Map<String, SDVariable> build(SameDiff sd, SDVariable pixels, Collection<String> wanted) {
        return stack.build(sd, pixels.mul(2).sub(1), wanted);   // trained on inputs in [-1, 1]
    }
}
