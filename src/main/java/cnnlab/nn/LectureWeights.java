package cnnlab.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * A read-only copy of the lecture CNN's trained parameters, laid out as right-hand sides of one matrix product per
 * layer over channels-last (NHWC) activations: row (dy, dx, channel), column filter. Copied once, so gradient jobs
 * never touch the DL4J network (which is not thread-safe) and many jobs can read the same weights at once.
 */
public record LectureWeights(INDArray conv1, INDArray conv1Bias, INDArray conv2, INDArray conv2Bias,
                             INDArray dense, INDArray denseBias, INDArray output, INDArray outputBias) {

    public static LectureWeights of(MultiLayerNetwork net) {
        return new LectureWeights(
                convColumns(net.getLayer(LectureCnn.CONV1).getParam("W")), row(net.getLayer(LectureCnn.CONV1).getParam("b")),
                convColumns(net.getLayer(LectureCnn.CONV2).getParam("W")), row(net.getLayer(LectureCnn.CONV2).getParam("b")),
                denseFromChannelsLast(net.getLayer(4).getParam("W")), row(net.getLayer(4).getParam("b")),
                net.getLayer(5).getParam("W").dup('c'), row(net.getLayer(5).getParam("b")));
    }

    /** DL4J's [out, in, kH, kW] kernel as a [(kH kW in), out] matrix: rows match an NHWC im2col row. */
    private static INDArray convColumns(INDArray w) {
        long out = w.size(0), in = w.size(1), kh = w.size(2), kw = w.size(3);
        return w.permute(2, 3, 1, 0).dup('c').reshape(kh * kw * in, out).castTo(DataType.FLOAT);
    }

    /**
     * DL4J flattens pool2's NCHW output (channel, y, x) into the dense layer; our activations are NHWC, so the
     * dense rows are reordered once to (y, x, channel) instead of transposing the activations every step.
     */
    private static INDArray denseFromChannelsLast(INDArray w) {
        LectureCnn.LayerShape pool2 = LectureCnn.LAYERS.get(3);
        return w.reshape('c', pool2.maps(), pool2.height(), pool2.width(), w.size(1)).permute(1, 2, 0, 3).dup('c')
                .reshape(pool2.size(), w.size(1));
    }

    /** Zero arrays of the same shapes (e.g. for gradients). */
    public static LectureWeights zerosLike(LectureWeights w) {
        List<INDArray> z = w.all().stream().map(a -> Nd4j.zeros(DataType.FLOAT, a.shape())).toList();
        return new LectureWeights(z.get(0), z.get(1), z.get(2), z.get(3), z.get(4), z.get(5), z.get(6), z.get(7));
    }

    /** The eight arrays, in declaration order. */
    public List<INDArray> all() {
        return List.of(conv1, conv1Bias, conv2, conv2Bias, dense, denseBias, output, outputBias);
    }

    /** Writes these values into {@code net}'s parameters, undoing the layouts of {@link #of}. */
    public void copyInto(MultiLayerNetwork net) {
        net.getLayer(LectureCnn.CONV1).getParam("W").assign(kernel(conv1, net.getLayer(LectureCnn.CONV1).getParam("W")));
        net.getLayer(LectureCnn.CONV1).getParam("b").assign(conv1Bias.reshape(net.getLayer(LectureCnn.CONV1).getParam("b").shape()));
        net.getLayer(LectureCnn.CONV2).getParam("W").assign(kernel(conv2, net.getLayer(LectureCnn.CONV2).getParam("W")));
        net.getLayer(LectureCnn.CONV2).getParam("b").assign(conv2Bias.reshape(net.getLayer(LectureCnn.CONV2).getParam("b").shape()));
        LectureCnn.LayerShape pool2 = LectureCnn.LAYERS.get(3);
        net.getLayer(4).getParam("W").assign(dense.reshape('c', pool2.height(), pool2.width(), pool2.maps(), dense.size(1))
                .permute(2, 0, 1, 3).dup('c').reshape(pool2.size(), dense.size(1)));
        net.getLayer(4).getParam("b").assign(denseBias.reshape(net.getLayer(4).getParam("b").shape()));
        net.getLayer(5).getParam("W").assign(output);
        net.getLayer(5).getParam("b").assign(outputBias.reshape(net.getLayer(5).getParam("b").shape()));
    }

    /** [(kH kW in), out] back to DL4J's [out, in, kH, kW]. */
    private static INDArray kernel(INDArray columns, INDArray like) {
        long out = like.size(0), in = like.size(1), kh = like.size(2), kw = like.size(3);
        return columns.reshape('c', kh, kw, in, out).permute(3, 2, 0, 1);
    }

    private static INDArray row(INDArray b) {
        return b.dup('c').reshape(1, b.length());
    }
}
