package cnnlab.vision;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A convolutional network seen as a stack of feature maps over a picture of any size: what Deep Dream ascends on and
 * Deep Style matches. Built into a SameDiff graph whose input is the picture itself (pixels in 0..1, NHWC), so the
 * gradient of any objective reaches the pixels.
 */
public interface FeatureNetwork {
    /** Short id used in URLs and the REST API, e.g. "mobilenet". */
    String id();

    String title();

    /** One sentence for the page: what the network was trained on and why it is here. */
    String description();

    /** 1 for a greyscale network (the lecture CNN), 3 for RGB. */
    int channels();

    /** The layers a user can pick, shallow to deep. */
    List<FeatureLayer> layers();

    /** The layers Deep Style uses by default: one for content, several for style (Gatys et al.). */
    StyleLayers styleLayers();

    /** The layer Deep Dream amplifies by default. */
    String dreamLayer();

    /**
     * Adds the network to {@code sd} on top of {@code pixels} ([1,H,W,channels()], values 0..1), up to the deepest of
     * {@code wanted}, and returns the activations of the wanted layers by name ([1,h,w,filters]).
     */
    Map<String, SDVariable> build(SameDiff sd, SDVariable pixels, Collection<String> wanted);

    default FeatureLayer layer(String name) {
        return layers().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer '" + name + "' in " + title()));
    }

    /** The content layer and the style layers with their weights (which sum to 1). */
    record StyleLayers(String content, List<String> style) { }
}
