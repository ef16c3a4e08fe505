package cnnlab.features;

import cnnlab.nn.LectureCnn;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Generated inputs as image files: white ink on black as in MNIST, each pixel drawn as a square block. */
public final class Pictures {
    private static final int SIDE = LectureCnn.SIDE, GAP = 2;

    private Pictures() { }

    /** Pictures {@code from..to-1} of a batch of 28x28 images as one grid, {@code scale} screen pixels per pixel. */
    public static BufferedImage grid(float[] images, int from, int to, int columns, int scale) {
        int n = to - from, cols = Math.max(1, Math.min(columns, n)), rows = (n + cols - 1) / cols, cell = SIDE * scale;
        BufferedImage img = new BufferedImage(cols * (cell + GAP) + GAP, rows * (cell + GAP) + GAP, BufferedImage.TYPE_BYTE_GRAY);
        // the gaps stay mid-grey so black pictures remain visibly separate
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) img.getRaster().setSample(x, y, 0, 110);
        for (int k = 0; k < n; k++) {
            int ox = GAP + (k % cols) * (cell + GAP), oy = GAP + (k / cols) * (cell + GAP), base = (from + k) * LectureCnn.PIXELS;
            for (int y = 0; y < cell; y++) {
                for (int x = 0; x < cell; x++) {
                    float v = images[base + (y / scale) * SIDE + x / scale];
                    img.getRaster().setSample(ox + x, oy + y, 0, Math.round(Math.max(0, Math.min(1, v)) * 255));
                }
            }
        }
        return img;
    }

    public static BufferedImage single(float[] images, int index, int scale) {
        BufferedImage grid = grid(images, index, index + 1, 1, scale);
        return grid.getSubimage(GAP, GAP, SIDE * scale, SIDE * scale);
    }

    public static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
