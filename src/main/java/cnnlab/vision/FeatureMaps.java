package cnnlab.vision;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A network's activations on a fixed picture: the targets of style transfer and what the pages display. */
public final class FeatureMaps {
    private FeatureMaps() { }

    /** The wanted layers' activations [1,h,w,filters] for {@code picture} (converted to the network's channels). */
    public static Map<String, INDArray> of(FeatureNetwork net, Picture picture, Collection<String> layers) {
        SameDiff sd = SameDiff.create();
        SDVariable pixels = sd.constant("pixels", picture.withChannels(net.channels()).tensor());
        Map<String, SDVariable> features = net.build(sd, pixels, layers);
        List<String> names = features.values().stream().map(SDVariable::name).toList();
        Map<String, INDArray> arrays = sd.output(Map.of(), names);
        Map<String, INDArray> out = new LinkedHashMap<>();
        features.forEach((layer, v) -> out.put(layer, arrays.get(v.name()).detach()));
        return out;
    }
}
