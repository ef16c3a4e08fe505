package cnnlab.imagenet;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature layers of the converted MobileNet, in order, as pages list them: every standard and depthwise
 * convolution with its filter size, stride, channels and map size for a 128x128 input. Read from the network
 * itself, so the list always matches the shipped model ('SAME' padding: a map of n pixels becomes ceil(n / stride)).
 */
public final class MobileNetLayers {
    public enum Kind { CONV, DEPTHWISE }

    /** {@code index} is the layer's position in the DL4J network (for getLayer, feedForward's list is index + 1). */
    public record FeatureLayer(int index, String name, Kind kind, int kernel, int stride, int channels, int size) { }

    private MobileNetLayers() { }

    public static List<FeatureLayer> of(MultiLayerNetwork net) {
        List<FeatureLayer> out = new ArrayList<>();
        int size = MobileNetInput.SIZE;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer conf = net.getLayer(i).conf().getLayer();
            if (!(conf instanceof ConvolutionLayer conv)) continue;   // DepthwiseConvolution2D extends ConvolutionLayer
            int stride = conv.getStride()[0], kernel = conv.getKernelSize()[0];
            size = conv.getConvolutionMode() == ConvolutionMode.Same ? (size + stride - 1) / stride : (size - kernel) / stride + 1;
            Kind kind = conf instanceof DepthwiseConvolution2D ? Kind.DEPTHWISE : Kind.CONV;
            out.add(new FeatureLayer(i, conf.getLayerName(), kind, kernel, stride, (int) conv.getNOut(), size));
        }
        return List.copyOf(out);
    }
}
