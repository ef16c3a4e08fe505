package cnnlab.imagenet;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The photos of a folder (PNG, JPEG, GIF, BMP), in name order, each with the classifier's top k. */
public final class ImageFolder {
    public record Result(String file, List<ImageNetPrediction> top) {
        /** {@code chelsea.png: Egyptian cat 0.402 | tabby, tabby cat 0.180 | ...} (labels contain commas). */
        public String line() {
            return file + ": " + top.stream().map(ImageNetPrediction::toString).collect(Collectors.joining(" | "));
        }
    }

    private ImageFolder() { }

    public static List<Result> classify(ImageNetClassifier classifier, Path folder, int k) throws IOException {
        List<Result> out = new ArrayList<>();
        for (Path f : images(folder)) {
            BufferedImage image = ImageIO.read(f.toFile());
            if (image == null) throw new IOException(f + ": not an image Java can read");
            out.add(new Result(f.getFileName().toString(), classifier.top(image, k)));
        }
        return out;
    }

    static List<Path> images(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException("not a folder: " + folder.toAbsolutePath());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|gif|bmp)"))
                    .sorted().toList();
        }
    }
}
