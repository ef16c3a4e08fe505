package cnnlab.imagenet;

import cnnlab.imagenet.TfliteModel.Operator;
import cnnlab.imagenet.TfliteModel.Tensor;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The float DL4J network against the quantised model it came from, computed independently in integers by
 * {@link QuantizedReference}. Figures are printed (target/surefire-reports/*-output.txt).
 */
class MobileNetImporterTest {
    /** Measured max |p_float - p_quant| over the three inputs: 0.0176 (noise; the photos 0.0168, 0.0041); 2x that. */
    static final double PROBABILITY_TOLERANCE = 0.035;

    private static TfliteModel model;
    private static MultiLayerNetwork net;
    private static QuantizedReference reference;

    @BeforeAll
    static void load() throws IOException {
        model = Fixtures.model();
        net = Fixtures.imported();
        reference = new QuantizedReference(model);
    }

    private record Case(String name, MobileNetInput input) { }

    private static List<Case> cases() {
        return List.of(new Case("chelsea-crop", Fixtures.photo("chelsea-crop.png")),
                new Case("coffee-crop", Fixtures.photo("coffee-crop.png")),
                new Case("noise(seed 7)", Fixtures.noise(7)));
    }

    @Test
    void floatNetworkAgreesWithTheQuantisedModel() {
        double worst = 0;
        for (Case c : cases()) {
            float[] pFloat;
            synchronized (net) {
                pFloat = net.output(c.input().toNchw()).data().asFloat();
            }
            double[] pQuant = reference.probabilities(c.input());
            int top = argmax(pFloat);
            double maxQuant = Arrays.stream(pQuant).max().orElseThrow();
            double diff = 0;
            for (int i = 0; i < pQuant.length; i++) diff = Math.max(diff, Math.abs(pFloat[i] - pQuant[i]));
            worst = Math.max(worst, diff);
            long tied = Arrays.stream(pQuant).filter(p -> p == maxQuant).count();
            System.out.printf(Locale.ROOT, "%s: float top-1 %d '%s' p=%.4f; quantised p=%.4f (max %.4f, %d class(es) at the max); max|dp|=%.4f%n",
                    c.name(), top, ImageNetLabels.of(top), pFloat[top], pQuant[top], maxQuant, tied, diff);
            // the quantised output has 1/256 steps: the float top-1 must be one of its most probable classes
            assertEquals(maxQuant, pQuant[top], 1e-12, c.name() + ": top-1 differs");
            assertTrue(diff <= PROBABILITY_TOLERANCE, c.name() + ": max |p_float - p_quant| = " + diff);
        }
        System.out.printf(Locale.ROOT, "worst max|dp|=%.4f%n", worst);
    }

    @Test
    void firstLayerIsTheDequantisedConvolution() {
        MobileNetInput input = Fixtures.photo("chelsea-crop.png");
        Operator op = model.operators().get(0);
        Tensor in = model.tensor(op.inputs()[0]), w = model.tensor(op.inputs()[1]), out = model.tensor(op.outputs()[0]);
        double[] expected = dequantisedConv0(input, in, w, model.tensor(op.inputs()[2]), out);   // NHWC [64, 64, 8]
        INDArray actual;
        synchronized (net) {
            actual = net.feedForward(input.toNchw(), false).get(1);   // NCHW [1, 8, 64, 64]
        }
        float[] a = toNhwc(actual);
        int[] quantised = reference.run(input).get(out.index());
        double scale = out.quantisation().scale(), vsDouble = 0, vsQuantised = 0;
        for (int i = 0; i < a.length; i++) {
            vsDouble = Math.max(vsDouble, Math.abs(a[i] - expected[i]));
            vsQuantised = Math.max(vsQuantised, Math.abs(a[i] - scale * (quantised[i] - out.quantisation().zeroPoint())));
        }
        double bound = reference.roundingSteps(op) * scale;
        System.out.printf(Locale.ROOT, "Conv2d_0: max error vs double arithmetic %.2e, vs the quantised layer %.5f (rounding bound %.5f)%n",
                vsDouble, vsQuantised, bound);
        assertTrue(vsDouble < 1e-5, "DL4J's Conv2d_0 vs the same arithmetic in double: " + vsDouble);
        assertTrue(vsQuantised <= bound + 1e-5, "the quantised layer only rounds: " + vsQuantised);
    }

    /**
     * Each DL4J layer, fed the quantised model's own input to that layer, gives its output to within the integer
     * kernel's rounding (about half a quantisation step): layouts, padding and strides match layer by layer.
     */
    @Test
    void everyLayerReproducesTheQuantisedLayer() {
        MobileNetInput input = Fixtures.photo("coffee-crop.png");
        Map<Integer, int[]> q = reference.run(input);
        List<Operator> ops = model.operators();
        int layer = 0;
        for (Operator op : ops) {
            if (op.opcode() == TfliteModel.RESHAPE || op.opcode() == TfliteModel.SOFTMAX) continue;
            Tensor in = model.tensor(op.inputs()[0]), out = model.tensor(op.outputs()[0]);
            Layer l = net.getLayer(layer);
            INDArray x = toNchw(dequantise(q.get(in.index()), in), in.shape());
            float[] actual;
            synchronized (net) {
                if (layer == net.getnLayers() - 1) {   // the output layer: compare logits, before its softmax
                    INDArray flat = x.reshape(1, x.length());
                    actual = flat.mmul(l.getParam("W")).addi(l.getParam("b").reshape(1, -1)).data().asFloat();
                } else {
                    actual = toNhwc(l.activate(x, false, LayerWorkspaceMgr.noWorkspaces()).reshape(1, -1, out.shape()[1], out.shape()[2]));
                }
            }
            double[] expected = dequantise(q.get(out.index()), out);
            double err = 0;
            for (int i = 0; i < expected.length; i++) err = Math.max(err, Math.abs(actual[i] - expected[i]));
            double step = out.quantisation().scale(), bound = reference.roundingSteps(op);
            System.out.printf(Locale.ROOT, "%-20s %-17s max error %.5f = %.3f steps (rounding bound %.3f)%n",
                    l.conf().getLayer().getLayerName(), op.opName(), err, err / step, bound);
            assertTrue(err <= bound * step + 1e-4, l.conf().getLayer().getLayerName() + ": " + err / step + " steps > " + bound);
            layer++;
        }
        assertEquals(net.getnLayers(), layer);
    }

    @Test
    void layersAreNamedAndListedAsInTensorFlow() {
        List<MobileNetLayers.FeatureLayer> layers = MobileNetLayers.of(net);
        assertEquals(27, layers.size());
        assertEquals(new MobileNetLayers.FeatureLayer(0, "Conv2d_0", MobileNetLayers.Kind.CONV, 3, 2, 8, 64), layers.get(0));
        assertEquals(new MobileNetLayers.FeatureLayer(3, "Conv2d_2_depthwise", MobileNetLayers.Kind.DEPTHWISE, 3, 2, 16, 32), layers.get(3));
        assertEquals(new MobileNetLayers.FeatureLayer(26, "Conv2d_13_pointwise", MobileNetLayers.Kind.CONV, 1, 1, 256, 4), layers.get(26));
        assertEquals("AvgPool_1a", net.getLayer(27).conf().getLayer().getLayerName());
        assertEquals("Conv2d_1c_1x1", net.getLayer(28).conf().getLayer().getLayerName());
        assertEquals(467_593, net.numParams());
    }

    @Test
    void aFileThatIsNotTfliteIsRefusedWithAMessage(@TempDir Path dir) throws IOException {
        Path png = Files.write(dir.resolve("cat.tflite"), Fixtures.bytes("chelsea-crop.png"));
        IOException e = assertThrows(IOException.class, () -> MobileNetImporter.importFile(png));
        assertTrue(e.getMessage().contains("not a TensorFlow Lite model"), e.getMessage());
        Path empty = Files.write(dir.resolve("empty.tflite"), new byte[0]);
        e = assertThrows(IOException.class, () -> MobileNetImporter.importFile(empty));
        assertTrue(e.getMessage().contains("not a TensorFlow Lite model"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefusedWithAMessage(@TempDir Path dir) throws IOException {
        byte[] whole = Fixtures.bytes(Fixtures.TFLITE);
        // the FlatBuffer is the first 503,776 bytes; a ZIP of the labels (TFLite metadata) is appended after it
        for (int length : new int[]{8, 1000, whole.length / 2, 500_000}) {
            Path cut = Files.write(dir.resolve("cut" + length + ".tflite"), Arrays.copyOf(whole, length));
            IOException e = assertThrows(IOException.class, () -> MobileNetImporter.importFile(cut), "cut at " + length);
            assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
        }
    }

    /** Conv2d_0 evaluated in double on the dequantised input, weights and bias, with ReLU6 and TF 'SAME' padding. */
    private static double[] dequantisedConv0(MobileNetInput input, Tensor in, Tensor w, Tensor b, Tensor out) {
        int size = in.shape()[1], outSize = out.shape()[1], k = w.shape()[1], c = 3, filters = w.shape()[0], stride = 2;
        int pad = QuantizedReference.padding(TfliteModel.Padding.SAME, size, k, stride, outSize);
        double sIn = in.quantisation().scale(), sW = w.quantisation().scale();
        int zW = w.quantisation().zeroPoint(), zIn = in.quantisation().zeroPoint();
        java.nio.ByteBuffer bias = java.nio.ByteBuffer.wrap(b.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double[] out2 = new double[outSize * outSize * filters];
        for (int f = 0; f < filters; f++) {
            double bf = bias.getInt(4 * f) * sIn * sW;
            for (int oy = 0; oy < outSize; oy++) {
                for (int ox = 0; ox < outSize; ox++) {
                    double acc = bf;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int iy = oy * stride - pad + ky, ix = ox * stride - pad + kx;
                            if (iy < 0 || ix < 0 || iy >= size || ix >= size) continue;
                            for (int ch = 0; ch < c; ch++) {
                                double x = sIn * (input.pixel(iy, ix, ch) - zIn);
                                double wv = sW * ((w.data()[((f * k + ky) * k + kx) * c + ch] & 0xff) - zW);
                                acc += x * wv;
                            }
                        }
                    }
                    out2[(oy * outSize + ox) * filters + f] = Math.min(6, Math.max(0, acc));
                }
            }
        }
        return out2;
    }

    private static double[] dequantise(int[] q, Tensor t) {
        double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) out[i] = t.quantisation().scale() * (q[i] - t.quantisation().zeroPoint());
        return out;
    }

    /** NHWC values of batch 1 as an NCHW array. */
    private static INDArray toNchw(double[] nhwc, int[] shape) {
        int h = shape[1], w = shape[2], c = shape[3];
        float[] out = new float[nhwc.length];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) for (int ch = 0; ch < c; ch++) out[(ch * h + y) * w + x] = (float) nhwc[(y * w + x) * c + ch];
        return Nd4j.create(out, new long[]{1, c, h, w}, 'c');
    }

    /** An NCHW array of batch 1 as NHWC values. */
    private static float[] toNhwc(INDArray nchw) {
        return nchw.permute(0, 2, 3, 1).dup('c').data().asFloat();
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
