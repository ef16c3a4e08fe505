package cnnlab.vision;

import cnnlab.nn.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The feature networks Deep Dream and Deep Style can use, and which one each page starts with. */
public final class FeatureNetworks {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureNetworks.class);
    public static final String MOBILENET_FILE = "mobilenet-v1-025-128.zip";

    private final List<FeatureNetwork> all;

    public FeatureNetworks(List<FeatureNetwork> all) {
        if (all.isEmpty()) throw new IllegalArgumentException("no feature networks");
        this.all = List.copyOf(all);
    }

    /** The lecture CNN, MobileNet (when its converted model is in {@code models}) and the random multi-scale filters. */
    public static FeatureNetworks load(Path models, MultiLayerNetwork mnist) {
        List<FeatureNetwork> nets = new ArrayList<>();
        Path mobileNet = models.resolve(MOBILENET_FILE);
        if (Files.isRegularFile(mobileNet)) {
            nets.add(new MobileNetFeatureNet(ModelFiles.load(mobileNet)));
        } else {
            LOG.warn("{} not found: Deep Dream and Deep Style run without MobileNet (convert it with: train mobilenet)", mobileNet);
        }
        nets.add(new RandomTextureNet());
        nets.add(new LectureFeatureNet(mnist));
        return new FeatureNetworks(nets);
    }

    public List<FeatureNetwork> all() {
        return all;
    }

    public Optional<FeatureNetwork> byId(String id) {
        return all.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public FeatureNetwork require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown network '" + id + "'"));
    }

    /** Dreams need knowledge of the world: MobileNet when present. */
    public FeatureNetwork dreamDefault() {
        return byId(MobileNetFeatureNet.ID).orElse(all.get(0));
    }

    /**
     * Chosen by looking at the three side by side on the same pair (README, "Deep Style: which network"): the random
     * multi-scale filters carry the painting's colours and brush texture; MobileNet 0.25's Gram matrices are matched
     * with little visible change, and the lecture CNN sees only grey strokes.
     */
    public FeatureNetwork styleDefault() {
        return byId(RandomTextureNet.ID).orElse(all.get(0));
    }
}
