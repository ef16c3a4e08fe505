package cnnlab.imagenet;

import cnnlab.imagenet.TfliteModel.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Real values of a quantised constant tensor: real = scale * (q - zero point), per tensor. */
final class Dequantise {
    private Dequantise() { }

    /** An 8-bit tensor (uint8 or int8) with its own scale and zero point. */
    static float[] weights(Tensor t) throws IOException {
        requirePerTensor(t);
        byte[] q = data(t, 1);
        double scale = t.quantisation().scale();
        int zero = t.quantisation().zeroPoint();
        boolean unsigned = t.type() == TfliteModel.UINT8;
        if (!unsigned && t.type() != TfliteModel.INT8) throw new IOException(t + ": expected 8-bit weights");
        float[] out = new float[q.length];
        for (int i = 0; i < q.length; i++) out[i] = (float) (scale * ((unsigned ? q[i] & 0xff : q[i]) - zero));
        return out;
    }

    /**
     * An int32 bias, whose scale is by construction input scale x weight scale and zero point 0 (the integer
     * kernels add it straight to their input x weight accumulators); the file's own scale must agree.
     */
    static float[] bias(Tensor t, double inputScale, double weightScale) throws IOException {
        if (t.type() != TfliteModel.INT32) throw new IOException(t + ": expected an int32 bias");
        requirePerTensor(t);
        double scale = inputScale * weightScale;
        if (Math.abs(t.quantisation().scale() - scale) > 1e-3 * scale || t.quantisation().zeroPoint() != 0) {
            throw new IOException(t + ": bias scale " + t.quantisation().scale() + " is not input x weight scale " + scale);
        }
        ByteBuffer in = ByteBuffer.wrap(data(t, 4)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[t.elements()];
        for (int i = 0; i < out.length; i++) out[i] = (float) (scale * in.getInt());
        return out;
    }

    private static byte[] data(Tensor t, int bytesPerElement) throws IOException {
        if (t.data().length != t.elements() * bytesPerElement) {
            throw new IOException(t + ": holds " + t.data().length + " bytes, its shape needs " + t.elements() * bytesPerElement);
        }
        return t.data();
    }

    private static void requirePerTensor(Tensor t) throws IOException {
        if (!t.quantisation().perTensor()) throw new IOException(t + ": only per-tensor quantisation is supported");
    }
}
