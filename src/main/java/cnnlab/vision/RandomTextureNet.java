package cnnlab.vision;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An untrained network of random filters at several scales: Ustyuzhaninov et al. (ICLR 2017, "What does it take to
 * generate natural textures?") showed that one layer of random multi-scale filters already carries enough texture
 * statistics for style. Instead of their 3..55 px kernels we apply 3x3 kernels to the picture and 5x5 kernels to
 * it averaged down by 2, 4 and 8, which covers 3 to 40 px for a fraction of the multiply-adds (a full-resolution 5x5
 * branch cost a third of the time and changed little). Fixed seed: every server builds the same one.
 */
public final class RandomTextureNet implements FeatureNetwork {
    public static final String ID = "random";
    static final long SEED = 2017;

    /** One branch: average the picture down by {@code scale}, then {@code filters} random k x k filters + ReLU. */
    private record Branch(String name, int scale, int kernel, int filters, INDArray weights, INDArray bias) { }

    private final List<Branch> branches = new ArrayList<>();

    public RandomTextureNet() {
        Random rng = new Random(SEED);
        add("rand3", 1, 3, 32, rng);
        add("rand5/2", 2, 5, 64, rng);
        add("rand5/4", 4, 5, 64, rng);
        add("rand5/8", 8, 5, 64, rng);
    }

    private void add(String name, int scale, int kernel, int filters, Random rng) {
        float[] values = new float[kernel * kernel * 3 * filters];
        for (int i = 0; i < values.length; i++) values[i] = (float) rng.nextGaussian();
        INDArray w = Nd4j.create(values, new long[] {kernel, kernel, 3, filters}, 'c');
        // unit-norm filters: every branch answers on the same scale, whatever its kernel size
        INDArray flat = w.reshape(kernel * kernel * 3L, filters);
        w = flat.diviRowVector(flat.norm2(0)).reshape(kernel, kernel, 3, filters);
        branches.add(new Branch(name, scale, kernel, filters, w, Nd4j.zeros(DataType.FLOAT, filters)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Random multi-scale filters";
    }

    @Override
    public String description() {
        return "Never trained: 224 random colour filters seeing 3 to 40 pixels. Texture without knowledge "
                + "(Ustyuzhaninov et al. 2017): good at style, blind to objects, so its dreams are noise.";
    }

    @Override
    public int channels() {
        return 3;
    }

    @Override
    public List<FeatureLayer> layers() {
        List<FeatureLayer> layers = new ArrayList<>();
        for (Branch b : branches) {
            String seen = b.scale == 1 ? b.kernel + " px" : (b.kernel * b.scale) + " px (picture / " + b.scale + ")";
            layers.add(new FeatureLayer(b.name, b.filters + " random filters " + b.kernel + "x" + b.kernel + ", seeing " + seen, b.filters));
        }
        return layers;
    }

    @Override
    public StyleLayers styleLayers() {
        return new StyleLayers("rand5/2", branches.stream().map(Branch::name).toList());
    }

    @Override
    public String dreamLayer() {
        return "rand5/4";
    }

    @Override
    public Map<String, SDVariable> build(SameDiff sd, SDVariable pixels, Collection<String> wanted) {
        Map<String, SDVariable> out = new LinkedHashMap<>();
        SDVariable centred = pixels.sub(0.5);
        for (Branch b : branches) {
            if (!wanted.contains(b.name)) continue;
            SDVariable x = centred;
            if (b.scale > 1) {
                x = sd.cnn().avgPooling2d(x, Pooling2DConfig.builder().kH(b.scale).kW(b.scale).sH(b.scale).sW(b.scale)
                        .type(Pooling2D.Pooling2DType.AVG).paddingMode(PaddingMode.VALID).isNHWC(true).build());
            }
            x = sd.cnn().conv2d(x, sd.constant(b.weights), sd.constant(b.bias), ConvStack.config(b.weights, 1, true));
            out.put(b.name, sd.nn().relu(x, 0));
        }
        if (out.size() != wanted.size()) throw new IllegalArgumentException("unknown layers in " + wanted);
        return out;
    }
}
