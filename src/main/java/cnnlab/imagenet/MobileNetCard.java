package cnnlab.imagenet;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The model card written next to the converted MobileNet: where it comes from, what it is, how far to trust it. */
final class MobileNetCard {
    private MobileNetCard() { }

    static String text(MultiLayerNetwork net, String sha256, int bytes, String command, List<ImageFolder.Result> art, LocalDate date) {
        String layers = MobileNetLayers.of(net).stream()
                .map(l -> String.format(Locale.ROOT, "| %d | %s | %s | %dx%d | %d | %d | %dx%d |", l.index(), l.name(),
                        l.kind() == MobileNetLayers.Kind.CONV ? "conv" : "depthwise", l.kernel(), l.kernel(), l.stride(),
                        l.channels(), l.size(), l.size()))
                .collect(Collectors.joining("\n"));
        int n = net.getnLayers();
        String top5 = art.isEmpty() ? "(the art folder was not found beside the data folder)"
                : art.stream().map(r -> "    " + r.line()).collect(Collectors.joining("\n"));
        return String.format(Locale.ROOT, """
                # mobilenet-v1-025-128: MobileNet v1 0.25/128 on ImageNet, converted from 8-bit TFLite

                **Architecture** (A. G. Howard et al., "MobileNets", arXiv:1704.04861, 2017; depth multiplier 0.25,
                128x128 input): Conv2d_0 3x3 stride 2 (8 filters) -> 13 blocks of a depthwise 3x3 and a pointwise 1x1
                convolution (16, 32, 32, 64, 64, 128 x6, 256, 256 channels; stride 2 in blocks 2, 4, 6 and 12), every
                convolution with ReLU6 -> global average pooling (4x4 -> 1x1) -> 1x1 convolution to 1001 logits -> softmax.
                %,d parameters (batch norm is folded into the weights). DL4J %s, float32. Nothing was trained: the
                weights are the quantisation-aware-trained TFLite model's, dequantised.

                | | |
                |---|---|
                | source | `mobilenet_v1_0.25_128_quant.tflite` (%,d bytes, sha256 `%s`) from GitHub `google-coral/test_data`, commit `104342d2d3480b3e66203073dac24f4e2dbb4c41` (../shared/data/imagenet-cnn) |
                | licence | Apache License 2.0 (the source repository's), text in `LICENSE-mobilenet-Apache-2.0.txt`; the class names (`imagenet_labels.txt`, shipped in the app) come from the same place |
                | conversion | real = scale x (q - zero point) per tensor; int32 biases x (input scale x weight scale); CONV_2D -> ConvolutionLayer (OHWI -> [out, in, kH, kW]), DEPTHWISE_CONV_2D -> DepthwiseConvolution2D ([1, kH, kW, C] -> [kH, kW, C, 1]), fused ReLU6 as the layer activation, TF 'SAME' -> ConvolutionMode.Same (same padding, checked); AVERAGE_POOL_2D 4x4 -> global average pooling; the last 1x1 conv + RESHAPE + SOFTMAX -> a dense softmax output layer |
                | input | NCHW [n, 3, 128, 128], channels R, G, B, value (p - 128) / 128 for 8-bit pixels p, i.e. the TFLite model's own input quantisation; photos are centre-cropped to a square and area-averaged to 128x128 |
                | output | 1001 probabilities; index 0 = background, 1-1000 the ILSVRC-2012 classes |
                | command | `%s` |
                | converted | %s |
                | **agreement with the quantised model** | measured by `MobileNetImporterTest` against a test-only integer implementation of TFLite's uint8 reference kernels, on two photo crops (cat, coffee) and one seeded noise image: **same top-1 on all 3**, **max \\|p_float - p_quant\\| = 0.0041, 0.0168, 0.0176** (the quantised output has steps of 1/256 = 0.0039). Fed the quantised model's own input to it, every layer reproduces its uint8 output to within the kernel's rounding (0.50-0.56 quantisation steps); Conv2d_0 matches the dequantised arithmetic done in double to 1e-6. |
                | accuracy | not measured here (no ImageNet validation set on this machine); about 40%% top-1 is published for this smallest MobileNet v1 variant: for looking at weights and feature maps, not serious classification |

                ## Feature layers (DL4J layer index, name as in TensorFlow's graph)

                | layer | name | kind | kernel | stride | channels | map for 128x128 |
                |---|---|---|---|---|---|---|
                %s

                Then layer %d `%s` (global average) and layer %d `%s` (dense 256 -> 1001, softmax).

                ## Top-5 on the art images (`evaluate mobilenet --data ../shared/data/art`)

                %s
                """, net.numParams(), "1.0.0-M2.1", bytes, sha256, command, date, layers,
                n - 2, name(net, n - 2), n - 1, name(net, n - 1), top5);
    }

    private static String name(MultiLayerNetwork net, int layer) {
        return net.getLayer(layer).conf().getLayer().getLayerName();
    }
}
