package cnnlab.vision;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plain chain of convolution, depthwise convolution and pooling stages in NHWC, as both the lecture CNN's and
 * MobileNet's feature layers are. Weights are SameDiff constants: only the picture is optimised.
 */
public final class ConvStack {
    /** What follows a convolution. */
    public enum Activation { NONE, RELU, RELU6 }

    /** One stage; {@code name} is null for stages a user never picks (pooling). */
    public sealed interface Stage permits Conv, Depthwise, Pool {
        String name();
    }

    /** A full convolution; weights [kH,kW,in,out] (DL4J's [out,in,kH,kW] permuted 2,3,1,0), bias [out]. */
    public record Conv(String name, INDArray weights, INDArray bias, int stride, boolean same, Activation activation) implements Stage { }

    /** One filter per input channel (MobileNet's depthwise step); weights [kH,kW,channels,1], bias [channels]. */
    public record Depthwise(String name, INDArray weights, INDArray bias, int stride, boolean same, Activation activation) implements Stage { }

    /** Max or average pooling, {@code size} x {@code size} with stride {@code size}. */
    public record Pool(String name, int size, boolean max) implements Stage { }

    private final List<Stage> stages;

    public ConvStack(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    /** The stages' outputs for the wanted names, stopping after the deepest one wanted. */
    public Map<String, SDVariable> build(SameDiff sd, SDVariable input, Collection<String> wanted) {
        Set<String> left = new HashSet<>(wanted);
        Map<String, SDVariable> out = new LinkedHashMap<>();
        SDVariable x = input;
        for (Stage stage : stages) {
            if (left.isEmpty()) break;
            x = apply(sd, stage, x);
            if (stage.name() != null && left.remove(stage.name())) out.put(stage.name(), x);
        }
        if (!left.isEmpty()) throw new IllegalArgumentException("unknown layers " + left);
        return out;
    }

    private static SDVariable apply(SameDiff sd, Stage stage, SDVariable x) {
        if (stage instanceof Conv c) {
            return activate(sd, sd.cnn().conv2d(x, sd.constant(c.weights()), sd.constant(c.bias()),
                    config(c.weights(), c.stride(), c.same())), c.activation());
        }
        if (stage instanceof Depthwise d) {
            return activate(sd, sd.cnn().depthWiseConv2d(x, sd.constant(d.weights()), sd.constant(d.bias()),
                    config(d.weights(), d.stride(), d.same())), d.activation());
        }
        Pool p = (Pool) stage;
        Pooling2DConfig config = Pooling2DConfig.builder().kH(p.size()).kW(p.size()).sH(p.size()).sW(p.size())
                .type(p.max() ? Pooling2D.Pooling2DType.MAX : Pooling2D.Pooling2DType.AVG)
                .paddingMode(PaddingMode.VALID).isNHWC(true).build();
        return p.max() ? sd.cnn().maxPooling2d(x, config) : sd.cnn().avgPooling2d(x, config);
    }

    static Conv2DConfig config(INDArray weights, int stride, boolean same) {
        return Conv2DConfig.builder().kH(weights.size(0)).kW(weights.size(1)).sH(stride).sW(stride)
                .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID).dataFormat("NHWC").build();
    }

    static SDVariable activate(SameDiff sd, SDVariable x, Activation activation) {
        return switch (activation) {
            case NONE -> x;
            case RELU -> sd.nn().relu(x, 0);
            case RELU6 -> sd.nn().relu6(x, 0);
        };
    }

    /** Names of the stages a user can pick, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Stage s : stages) if (s.name() != null) names.add(s.name());
        return names;
    }
}
