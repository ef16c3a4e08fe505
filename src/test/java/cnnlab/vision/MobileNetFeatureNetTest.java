package cnnlab.vision;

import cnnlab.nn.ModelFiles;
import cnnlab.nn.ShippedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SameDiff NHWC graph Deep Dream and Style use computes what the imported DL4J MobileNet computes. */
class MobileNetFeatureNetTest {
    static final MultiLayerNetwork NET = ModelFiles.load(ShippedModel.MODELS.resolve(FeatureNetworks.MOBILENET_FILE));

    @Test
    void featureMapsEqualTheDl4jNetworksActivations() {
        MobileNetFeatureNet features = new MobileNetFeatureNet(NET);
        assertEquals(27, features.layers().size());
        Picture cat = BuiltInImage.byId("chelsea").orElseThrow().picture(3).resize(128, 128);
        List<String> names = List.of("Conv2d_0", "Conv2d_1_depthwise", "Conv2d_5_pointwise", "Conv2d_13_pointwise");
        Map<String, INDArray> ours = FeatureMaps.of(features, cat, names);
        // the DL4J network: NCHW, input already in [-1, 1]
        INDArray nchw = cat.tensor().permute(0, 3, 1, 2).mul(2).sub(1);
        List<INDArray> acts = NET.feedForward(nchw, false);
        for (String name : names) {
            int index = indexOf(name);
            INDArray dl4j = acts.get(index + 1).permute(0, 2, 3, 1);
            INDArray mine = ours.get(name);
            assertEquals(List.of(dl4j.shape()[1], dl4j.shape()[2], dl4j.shape()[3]).toString(),
                    List.of(mine.shape()[1], mine.shape()[2], mine.shape()[3]).toString(), name);
            double maxDiff = Transforms.abs(dl4j.sub(mine)).maxNumber().doubleValue();
            assertTrue(maxDiff < 1e-4, name + " differs by " + maxDiff);
        }
    }

    @Test
    void itRunsOnPicturesOfAnySize() {
        MobileNetFeatureNet features = new MobileNetFeatureNet(NET);
        Picture odd = BuiltInImage.byId("tubingen").orElseThrow().picture(3).resize(97, 61);
        INDArray a = FeatureMaps.of(features, odd, List.of("Conv2d_3_pointwise")).get("Conv2d_3_pointwise");
        assertEquals(16, a.size(1));   // ceil(61 / 4)
        assertEquals(25, a.size(2));   // ceil(97 / 4)
        assertEquals(32, a.size(3));
    }

    private static int indexOf(String name) {
        for (int i = 0; i < NET.getLayers().length; i++) {
            if (name.equals(NET.getLayer(i).conf().getLayer().getLayerName())) return i;
        }
        throw new AssertionError(name);
    }
}
