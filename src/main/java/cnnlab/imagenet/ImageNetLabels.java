package cnnlab.imagenet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 1001 class names of the TFLite ImageNet models: index 0 is "background" (the TF-slim convention), 1..1000
 * are the ILSVRC-2012 classes. Shipped inside the app (see ATTRIBUTION.md next to the file).
 */
public final class ImageNetLabels {
    public static final int COUNT = 1001;
    private static final List<String> LABELS = read();

    private ImageNetLabels() { }

    public static String of(int index) {
        return LABELS.get(index);
    }

    public static List<String> all() {
        return LABELS;
    }

    private static List<String> read() {
        try (InputStream in = ImageNetLabels.class.getResourceAsStream("imagenet_labels.txt")) {
            if (in == null) throw new IllegalStateException("imagenet_labels.txt is missing from the classpath");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (lines.size() != COUNT) throw new IllegalStateException("expected " + COUNT + " ImageNet labels, found " + lines.size());
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
