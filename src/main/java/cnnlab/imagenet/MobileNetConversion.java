package cnnlab.imagenet;

import cnnlab.nn.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code train mobilenet --data DIR}: converts the quantised TFLite MobileNet in DIR into the float DL4J model
 * (nothing is trained), and writes its model card and a copy of its Apache licence next to it. The card lists the
 * top-5 on the style-transfer photos when they are in {@code art/} beside DIR (../shared/data/art).
 */
public final class MobileNetConversion {
    public static final String TFLITE = "mobilenet_v1_0.25_128_quant.tflite";
    public static final String LICENCE = "LICENSE-Apache-2.0.txt";
    public static final String LICENCE_COPY = "LICENSE-mobilenet-Apache-2.0.txt";

    private MobileNetConversion() { }

    public static int run(Path data, Path target, PrintStream log) throws IOException {
        Path tflite = data.resolve(TFLITE), licence = data.resolve(LICENCE);
        if (!Files.isRegularFile(tflite) || !Files.isRegularFile(licence)) {
            throw new IOException("expected " + TFLITE + " and " + LICENCE + " in " + data.toAbsolutePath());
        }
        byte[] bytes = Files.readAllBytes(tflite);
        long t0 = System.nanoTime();
        MultiLayerNetwork net = MobileNetImporter.importModel(TfliteModel.read(bytes));
        ModelFiles.save(net, target);
        Path licenceCopy = target.resolveSibling(LICENCE_COPY);
        Files.write(licenceCopy, Files.readAllBytes(licence));   // not Files.copy: the source's read-only mode would come along

        // what ships is the zip: read it back, check it computes what was converted, and describe that
        ImageNetClassifier saved = ImageNetClassifier.loadFile(target);
        MobileNetInput probe = noise();
        float[] before = new ImageNetClassifier(net).probabilities(probe), after = saved.probabilities(probe);
        double roundTrip = 0;
        for (int i = 0; i < before.length; i++) roundTrip = Math.max(roundTrip, Math.abs(before[i] - after[i]));
        if (roundTrip > 1e-6) throw new IOException("the saved model differs from the converted one by " + roundTrip);

        Path art = data.toAbsolutePath().normalize().resolveSibling("art");
        List<ImageFolder.Result> top5 = Files.isDirectory(art) ? ImageFolder.classify(saved, art, 5) : List.of();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String command = "java -jar target/cnn-lab.jar train mobilenet --data " + data;
        Path card = cnnlab.nn.ModelFiles.sibling(target, ".md");
        Files.writeString(card, MobileNetCard.text(saved.network(), sha256(bytes), bytes.length, command, top5, LocalDate.now()));
        top5.forEach(r -> log.println(r.line()));
        log.printf("saved %s, %s and %s in %.1f s%n", target, card, licenceCopy, seconds);
        log.printf("parameters=%d%n", net.numParams());
        return 0;
    }

    /** A fixed input for the round-trip check. */
    private static MobileNetInput noise() {
        byte[] rgb = new byte[MobileNetInput.SIZE * MobileNetInput.SIZE * 3];
        new java.util.Random(1).nextBytes(rgb);
        return new MobileNetInput(rgb);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
