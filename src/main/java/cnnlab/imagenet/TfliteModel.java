package cnnlab.imagenet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TensorFlow Lite model as its FlatBuffer file describes it (tensorflow/lite/schema/schema.fbs, version 3): the
 * first subgraph's tensors with their constant data and quantisation, its operators in execution order with the
 * options the image-network operators carry, and which tensors are the graph's inputs and outputs. Only what a
 * plain feed-forward image network needs is read; the file is read whole, so a truncated file fails here.
 */
public final class TfliteModel {
    /** TensorType codes of the schema that appear in image networks. */
    public static final int FLOAT32 = 0, INT32 = 2, UINT8 = 3, INT8 = 9;

    /** BuiltinOperator codes of the schema. */
    public static final int AVERAGE_POOL_2D = 1, CONV_2D = 3, DEPTHWISE_CONV_2D = 4, MAX_POOL_2D = 17,
            RESHAPE = 22, SOFTMAX = 25;

    public enum Padding { SAME, VALID }

    /** ActivationFunctionType, in schema order. */
    public enum Activation { NONE, RELU, RELU_N1_TO_1, RELU6, TANH, SIGN_BIT }

    /** real = scale * (q - zeroPoint); one entry per tensor, or per channel along {@code dimension}. */
    public record Quantisation(float[] scales, long[] zeroPoints, int dimension) {
        public static final Quantisation NONE = new Quantisation(new float[0], new long[0], 0);

        public boolean present() {
            return scales.length > 0;
        }

        public boolean perTensor() {
            return scales.length == 1;
        }

        public double scale() {
            return single(scales.length) ? scales[0] : 0;
        }

        public int zeroPoint() {
            return single(zeroPoints.length) ? (int) zeroPoints[0] : 0;
        }

        private static boolean single(int n) {
            if (n > 1) throw new IllegalStateException("per-channel quantisation: no single scale / zero point");
            return n == 1;
        }
    }

    /** {@code data} holds the constant contents (little-endian), empty for activations. */
    public record Tensor(int index, String name, int[] shape, int type, byte[] data, Quantisation quantisation) {
        public int elements() {
            int n = 1;
            for (int d : shape) n *= d;
            return n;
        }

        @Override
        public String toString() {
            return "tensor " + index + " '" + name + "' " + Arrays.toString(shape) + " type " + type;
        }
    }

    /** Conv2DOptions and DepthwiseConv2DOptions (depthMultiplier 1 for a plain convolution). */
    public record ConvOptions(Padding padding, int strideH, int strideW, int dilationH, int dilationW,
                              Activation activation, int depthMultiplier) { }

    public record PoolOptions(Padding padding, int strideH, int strideW, int filterH, int filterW,
                              Activation activation) { }

    /** One operator: its builtin code, tensor indices (-1 = optional input left out) and parsed options or null. */
    public record Operator(int opcode, int[] inputs, int[] outputs, ConvOptions conv, PoolOptions pool,
                           float softmaxBeta) {
        public String opName() {
            return switch (opcode) {
                case AVERAGE_POOL_2D -> "AVERAGE_POOL_2D";
                case CONV_2D -> "CONV_2D";
                case DEPTHWISE_CONV_2D -> "DEPTHWISE_CONV_2D";
                case MAX_POOL_2D -> "MAX_POOL_2D";
                case RESHAPE -> "RESHAPE";
                case SOFTMAX -> "SOFTMAX";
                default -> "builtin operator " + opcode;
            };
        }
    }

    // union type codes of BuiltinOptions
    private static final int CONV_OPTIONS = 1, DEPTHWISE_OPTIONS = 2, POOL_OPTIONS = 5, SOFTMAX_OPTIONS = 9;

    private final int version;
    private final List<Tensor> tensors;
    private final List<Operator> operators;
    private final int[] inputs, outputs;

    private TfliteModel(int version, List<Tensor> tensors, List<Operator> operators, int[] inputs, int[] outputs) {
        this.version = version;
        this.tensors = List.copyOf(tensors);
        this.operators = List.copyOf(operators);
        this.inputs = inputs;
        this.outputs = outputs;
    }

    public static TfliteModel read(Path file) throws IOException {
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static TfliteModel read(byte[] data) throws IOException {
        FlatBuffer fb = new FlatBuffer(data);
        if (!"TFL3".equals(fb.identifier())) {
            throw new IOException("not a TensorFlow Lite model (no 'TFL3' identifier at byte 4)");
        }
        int model = fb.root();
        int version = fb.intField(model, 0, 0);
        int[] opcodes = operatorCodes(fb, fb.tables(model, 1));
        int[] subgraphs = fb.tables(model, 2);
        int[] buffers = fb.tables(model, 4);
        if (subgraphs.length == 0) throw new IOException("the TFLite model has no subgraph");
        int graph = subgraphs[0];

        List<Tensor> tensors = new ArrayList<>();
        int[] tensorTables = fb.tables(graph, 0);
        for (int i = 0; i < tensorTables.length; i++) {
            int t = tensorTables[i];
            int buffer = fb.intField(t, 2, 0);
            if (buffer < 0 || buffer >= Math.max(buffers.length, 1)) {
                throw new IOException("tensor " + i + " refers to buffer " + buffer + " of " + buffers.length);
            }
            byte[] content = buffers.length == 0 ? new byte[0] : fb.byteVector(buffers[buffer], 0);
            tensors.add(new Tensor(i, fb.string(t, 3), fb.ints(t, 0), fb.byteField(t, 1, FLOAT32), content,
                    quantisation(fb, fb.referenceField(t, 4))));
        }

        List<Operator> operators = new ArrayList<>();
        for (int op : fb.tables(graph, 3)) {
            int index = fb.intField(op, 0, 0);
            if (index < 0 || index >= opcodes.length) throw new IOException("operator code index " + index + " out of range");
            int[] in = fb.ints(op, 1), out = fb.ints(op, 2);
            for (int[] refs : new int[][]{in, out}) {
                for (int r : refs) {
                    if (r < -1 || r >= tensors.size()) throw new IOException("an operator refers to tensor " + r + " of " + tensors.size());
                }
            }
            int optionsType = fb.byteField(op, 3, 0) & 0xff;
            int options = fb.referenceField(op, 4);
            ConvOptions conv = null;
            PoolOptions pool = null;
            float beta = 0;
            if (options != 0) {
                switch (optionsType) {
                    case CONV_OPTIONS -> conv = new ConvOptions(padding(fb, options), fb.intField(options, 2, 0), fb.intField(options, 1, 0),
                            fb.intField(options, 5, 1), fb.intField(options, 4, 1), activation(fb, options, 3), 1);
                    case DEPTHWISE_OPTIONS -> conv = new ConvOptions(padding(fb, options), fb.intField(options, 2, 0), fb.intField(options, 1, 0),
                            fb.intField(options, 6, 1), fb.intField(options, 5, 1), activation(fb, options, 4), fb.intField(options, 3, 0));
                    case POOL_OPTIONS -> pool = new PoolOptions(padding(fb, options), fb.intField(options, 2, 0), fb.intField(options, 1, 0),
                            fb.intField(options, 4, 0), fb.intField(options, 3, 0), activation(fb, options, 5));
                    case SOFTMAX_OPTIONS -> beta = fb.floatField(options, 0, 0f);
                    default -> { }   // options of operators an image network does not need
                }
            }
            operators.add(new Operator(opcodes[index], in, out, conv, pool, beta));
        }
        return new TfliteModel(version, tensors, operators, fb.ints(graph, 1), fb.ints(graph, 2));
    }

    /** Builtin codes; files from before schema 3a kept them in the byte-sized deprecated field. */
    private static int[] operatorCodes(FlatBuffer fb, int[] tables) throws IOException {
        int[] codes = new int[tables.length];
        for (int i = 0; i < tables.length; i++) {
            codes[i] = Math.max(fb.byteField(tables[i], 0, 0), fb.intField(tables[i], 3, 0));
        }
        return codes;
    }

    private static Quantisation quantisation(FlatBuffer fb, int q) throws IOException {
        if (q == 0) return Quantisation.NONE;
        return new Quantisation(fb.floats(q, 2), fb.longs(q, 3), fb.intField(q, 6, 0));
    }

    private static Padding padding(FlatBuffer fb, int options) throws IOException {
        int p = fb.byteField(options, 0, 0);
        if (p < 0 || p > 1) throw new IOException("unknown padding " + p);
        return Padding.values()[p];
    }

    private static Activation activation(FlatBuffer fb, int options, int slot) throws IOException {
        int a = fb.byteField(options, slot, 0);
        if (a < 0 || a >= Activation.values().length) throw new IOException("unknown fused activation " + a);
        return Activation.values()[a];
    }

    /** The schema version the file declares (3 for current files). */
    public int version() {
        return version;
    }

    public List<Tensor> tensors() {
        return tensors;
    }

    public Tensor tensor(int index) {
        return tensors.get(index);
    }

    public List<Operator> operators() {
        return operators;
    }

    public int[] inputs() {
        return inputs.clone();
    }

    public int[] outputs() {
        return outputs.clone();
    }
}
