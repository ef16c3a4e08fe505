package cnnlab.imagenet;

import cnnlab.imagenet.TfliteModel.ConvOptions;
import cnnlab.imagenet.TfliteModel.Operator;
import cnnlab.imagenet.TfliteModel.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The quantised model run as TFLite's reference uint8 kernels run it, on the raw tensors of the file and without
 * DL4J: int32 accumulators of (q_in - zp_in)(q_w - zp_w) plus the int32 bias, requantised by the real multiplier
 * s_in s_w / s_out held as a Q31 fixed-point number and a power-of-two shift (rounding as gemmlowp does), plus the
 * output zero point, clamped to the fused activation's quantised range; average pooling as a rounded integer
 * mean. The one step not in integers is the softmax: TFLite's uint8 kernel evaluates exp in fixed point, here it
 * is a double softmax of the dequantised uint8 logits, rounded to the output's 1/256 steps (so it can differ from
 * TFLite's own output by a step, never more than the model's own output resolution).
 */
final class QuantizedReference {
    private final TfliteModel model;

    QuantizedReference(TfliteModel model) {
        this.model = model;
    }

    /** Every activation tensor's uint8 values (NHWC, batch 1) after a run, by tensor index. */
    Map<Integer, int[]> run(MobileNetInput input) {
        Map<Integer, int[]> values = new HashMap<>();
        int[] x = new int[input.rgb().length];
        for (int i = 0; i < x.length; i++) x[i] = input.rgb()[i] & 0xff;
        values.put(model.inputs()[0], x);
        for (Operator op : model.operators()) {
            int[] in = values.get(op.inputs()[0]);
            int[] out = switch (op.opcode()) {
                case TfliteModel.CONV_2D -> convolution(op, in, false);
                case TfliteModel.DEPTHWISE_CONV_2D -> convolution(op, in, true);
                case TfliteModel.AVERAGE_POOL_2D -> averagePool(op, in);
                case TfliteModel.RESHAPE -> in.clone();
                case TfliteModel.SOFTMAX -> softmax(op, in);
                default -> throw new IllegalArgumentException(op.opName());
            };
            values.put(op.outputs()[0], out);
        }
        return values;
    }

    /** The model's output: 1001 probabilities in steps of 1/256. */
    double[] probabilities(MobileNetInput input) {
        Tensor outTensor = model.tensor(model.outputs()[0]);
        int[] q = run(input).get(outTensor.index());
        double[] p = new double[q.length];
        for (int i = 0; i < q.length; i++) p[i] = outTensor.quantisation().scale() * (q[i] - outTensor.quantisation().zeroPoint());
        return p;
    }

    /**
     * How far, in output steps, an operator's uint8 output may lie from the exact real result of its quantised
     * inputs: half a step for the final rounding, plus, for convolutions, half a step / 2^shift from the first
     * rounding inside the fixed-point multiply (TFLite rounds twice too).
     */
    double roundingSteps(Operator op) {
        if (op.opcode() != TfliteModel.CONV_2D && op.opcode() != TfliteModel.DEPTHWISE_CONV_2D) return 0.5;
        return 0.5 + 0.5 / (1 << multiplier(op).rightShift());
    }

    private FixedPointMultiplier multiplier(Operator op) {
        return FixedPointMultiplier.of(model.tensor(op.inputs()[0]).quantisation().scale()
                * model.tensor(op.inputs()[1]).quantisation().scale() / model.tensor(op.outputs()[0]).quantisation().scale());
    }

    private int[] convolution(Operator op, int[] in, boolean depthwise) {
        Tensor input = model.tensor(op.inputs()[0]), weights = model.tensor(op.inputs()[1]), output = model.tensor(op.outputs()[0]);
        ConvOptions o = op.conv();
        int inH = input.shape()[1], inW = input.shape()[2], inC = input.shape()[3];
        int outH = output.shape()[1], outW = output.shape()[2], outC = output.shape()[3];
        int kH = weights.shape()[1], kW = weights.shape()[2];
        int padTop = padding(o.padding(), inH, kH, o.strideH(), outH), padLeft = padding(o.padding(), inW, kW, o.strideW(), outW);
        int zpIn = input.quantisation().zeroPoint(), zpW = weights.quantisation().zeroPoint(), zpOut = output.quantisation().zeroPoint();
        byte[] w = weights.data();
        int[] bias = int32s(model.tensor(op.inputs()[2]));
        FixedPointMultiplier m = multiplier(op);
        int[] range = activationRange(o.activation(), output);
        int[] out = new int[outH * outW * outC];
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int oc = 0; oc < outC; oc++) {
                    int acc = bias[oc];
                    for (int ky = 0; ky < kH; ky++) {
                        int iy = oy * o.strideH() - padTop + ky;
                        if (iy < 0 || iy >= inH) continue;   // outside: the zero point, adding nothing
                        for (int kx = 0; kx < kW; kx++) {
                            int ix = ox * o.strideW() - padLeft + kx;
                            if (ix < 0 || ix >= inW) continue;
                            int base = (iy * inW + ix) * inC;
                            if (depthwise) {
                                int ic = oc / o.depthMultiplier();
                                acc += (in[base + ic] - zpIn) * ((w[(ky * kW + kx) * outC + oc] & 0xff) - zpW);
                            } else {
                                int wBase = ((oc * kH + ky) * kW + kx) * inC;
                                for (int ic = 0; ic < inC; ic++) acc += (in[base + ic] - zpIn) * ((w[wBase + ic] & 0xff) - zpW);
                            }
                        }
                    }
                    int q = m.apply(acc) + zpOut;
                    out[(oy * outW + ox) * outC + oc] = Math.max(range[0], Math.min(range[1], q));
                }
            }
        }
        return out;
    }

    private int[] averagePool(Operator op, int[] in) {
        Tensor input = model.tensor(op.inputs()[0]), output = model.tensor(op.outputs()[0]);
        TfliteModel.PoolOptions o = op.pool();
        if (input.quantisation().scale() != output.quantisation().scale() || input.quantisation().zeroPoint() != output.quantisation().zeroPoint()) {
            throw new IllegalArgumentException("average pooling must keep its quantisation");
        }
        int inH = input.shape()[1], inW = input.shape()[2], c = input.shape()[3], outH = output.shape()[1], outW = output.shape()[2];
        int padTop = padding(o.padding(), inH, o.filterH(), o.strideH(), outH), padLeft = padding(o.padding(), inW, o.filterW(), o.strideW(), outW);
        int[] range = activationRange(o.activation(), output);
        int[] out = new int[outH * outW * c];
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int ch = 0; ch < c; ch++) {
                    int sum = 0, count = 0;
                    for (int fy = 0; fy < o.filterH(); fy++) {
                        int iy = oy * o.strideH() - padTop + fy;
                        if (iy < 0 || iy >= inH) continue;
                        for (int fx = 0; fx < o.filterW(); fx++) {
                            int ix = ox * o.strideW() - padLeft + fx;
                            if (ix < 0 || ix >= inW) continue;
                            sum += in[(iy * inW + ix) * c + ch];
                            count++;
                        }
                    }
                    int mean = (sum + count / 2) / count;   // values are non-negative: round half up
                    out[(oy * outW + ox) * c + ch] = Math.max(range[0], Math.min(range[1], mean));
                }
            }
        }
        return out;
    }

    private int[] softmax(Operator op, int[] in) {
        Tensor input = model.tensor(op.inputs()[0]), output = model.tensor(op.outputs()[0]);
        double s = input.quantisation().scale() * op.softmaxBeta();
        int max = Integer.MIN_VALUE;
        for (int q : in) max = Math.max(max, q);
        double[] e = new double[in.length];
        double sum = 0;
        for (int i = 0; i < in.length; i++) sum += e[i] = Math.exp(s * (in[i] - max));
        int[] out = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            long q = Math.round(e[i] / sum / output.quantisation().scale()) + output.quantisation().zeroPoint();
            out[i] = (int) Math.max(0, Math.min(255, q));
        }
        return out;
    }

    /** TF 'SAME': out = ceil(in / stride), the odd padding pixel goes to the bottom/right; 'VALID': none. */
    static int padding(TfliteModel.Padding p, int in, int kernel, int stride, int out) {
        return p == TfliteModel.Padding.VALID ? 0 : Math.max(((out - 1) * stride + kernel - in) / 2, 0);
    }

    /** The fused activation as a clamp in the output's quantised units. */
    private static int[] activationRange(TfliteModel.Activation a, Tensor output) {
        double s = output.quantisation().scale();
        int zp = output.quantisation().zeroPoint();
        int zero = zp + (int) Math.round(0 / s), six = zp + (int) Math.round(6 / s);
        return switch (a) {
            case NONE -> new int[]{0, 255};
            case RELU -> new int[]{Math.max(0, zero), 255};
            case RELU6 -> new int[]{Math.max(0, zero), Math.min(255, six)};
            default -> throw new IllegalArgumentException("activation " + a);
        };
    }

    private static int[] int32s(Tensor t) {
        ByteBuffer b = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[t.elements()];
        for (int i = 0; i < out.length; i++) out[i] = b.getInt();
        return out;
    }

    /**
     * A real multiplier 0 < m < 1 as q * 2^-shift with q a Q31 number in [0.5, 1): x * m is then a rounding
     * doubling high multiply by q followed by a rounding right shift, all in integers (TFLite's requantisation).
     */
    record FixedPointMultiplier(int q, int rightShift) {
        static FixedPointMultiplier of(double m) {
            if (!(m > 0 && m < 1)) throw new IllegalArgumentException("multiplier " + m + " is not in (0, 1)");
            int exponent = Math.getExponent(m) + 1;           // m = f * 2^exponent, f in [0.5, 1)
            long q = Math.round(Math.scalb(m, -exponent) * (1L << 31));
            if (q == 1L << 31) {                               // f rounded up to 1
                q /= 2;
                exponent++;
            }
            if (-exponent > 30) throw new IllegalArgumentException("multiplier " + m + " is too small");
            return new FixedPointMultiplier((int) q, -exponent);
        }

        int apply(int x) {
            return roundingRightShift(roundingDoublingHighMultiply(x, q), rightShift);
        }

        /** round(a * b / 2^31), saturating the one overflowing case. */
        static int roundingDoublingHighMultiply(int a, int b) {
            if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) return Integer.MAX_VALUE;
            long ab = (long) a * b;
            long nudge = ab >= 0 ? 1L << 30 : 1 - (1L << 30);
            return (int) ((ab + nudge) / (1L << 31));   // Java's division truncates toward zero, as C's does
        }

        /** x / 2^exponent rounded to nearest, ties away from zero. */
        static int roundingRightShift(int x, int exponent) {
            int mask = (1 << exponent) - 1;
            int remainder = x & mask;
            int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
            return (x >> exponent) + (remainder > threshold ? 1 : 0);
        }
    }
}
