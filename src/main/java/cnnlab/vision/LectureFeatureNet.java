package cnnlab.vision;

import cnnlab.nn.LectureCnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The lecture's digit CNN as a feature network: its two conv layers are fully convolutional, so they run on a
 * greyscale picture of any size (white ink on black, as MNIST). Dreams grow strokes; styles transfer stroke texture.
 */
public final class LectureFeatureNet implements FeatureNetwork {
    public static final String ID = "lecture";

    private final ConvStack stack;

    public LectureFeatureNet(MultiLayerNetwork mnist) {
        stack = new ConvStack(List.of(
                conv("conv1", mnist, LectureCnn.CONV1),
                new ConvStack.Pool(null, 2, true),
                conv("conv2", mnist, LectureCnn.CONV2),
                new ConvStack.Pool(null, 2, true)));
    }

    private static ConvStack.Conv conv(String name, MultiLayerNetwork net, int layer) {
        INDArray w = net.getParam(layer + "_W").permute(2, 3, 1, 0).dup();   // [out,in,kH,kW] -> [kH,kW,in,out]
        INDArray b = net.getParam(layer + "_b").reshape(-1).dup();
        return new ConvStack.Conv(name, w, b, 1, false, ConvStack.Activation.RELU);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Lecture CNN (digits)";
    }

    @Override
    public String description() {
        return "The lecture's 3x3 digit network trained on MNIST: greyscale, 25 + 50 filters. "
                + "It only knows strokes, so dreams and styles are made of pen strokes.";
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public List<FeatureLayer> layers() {
        return List.of(new FeatureLayer("conv1", "25 filters 3x3", 25), new FeatureLayer("conv2", "50 filters 3x3 after 2x2 max-pool", 50));
    }

    @Override
    public StyleLayers styleLayers() {
        return new StyleLayers("conv2", List.of("conv1", "conv2"));
    }

    @Override
    public String dreamLayer() {
        return "conv2";
    }

    @Override
    public Map<String, SDVariable> build(SameDiff sd, SDVariable pixels, Collection<String> wanted) {
        return stack.build(sd, pixels, wanted);
    }
}
