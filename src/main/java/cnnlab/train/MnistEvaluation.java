package cnnlab.train;

import cnnlab.nn.LectureCnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test-set accuracy of a digit network. */
public final class MnistEvaluation {
    private static final int BATCH = 500;

    private MnistEvaluation() { }

    public static double accuracy(MultiLayerNetwork net, MnistData data) {
        int correct = 0;
        for (int start = 0; start < data.size(); start += BATCH) {
            int b = Math.min(BATCH, data.size() - start);
            float[] x = new float[b * LectureCnn.PIXELS];
            for (int i = 0; i < b; i++) System.arraycopy(data.images()[start + i], 0, x, i * LectureCnn.PIXELS, LectureCnn.PIXELS);
            INDArray out = net.output(Nd4j.create(x, new long[]{b, 1, LectureCnn.SIDE, LectureCnn.SIDE}, DataType.FLOAT));
            INDArray predicted = out.argMax(1);
            for (int i = 0; i < b; i++) if (predicted.getInt(i) == data.labels()[start + i]) correct++;
        }
        return correct / (double) data.size();
    }
}
