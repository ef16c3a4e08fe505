package cnnlab.gallery;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.UUID;

/** PNGs made from a seed, so that a test (or another process) can make the same bytes again and compare. */
public final class TestPictures {
    private TestPictures() { }

    /** A noise picture of 16..143 px a side (sizes vary so that saves take different times). */
    public static byte[] png(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 16 + r.nextInt(128), h = 16 + r.nextInt(128);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(1 << 24));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decodes a PNG fully (null if it is not one): proof that a stored file is whole. */
    public static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** A student seen once: the quota never stops a test that is about something else. */
    public static Saver anyone() {
        return Saver.session(UUID.randomUUID().toString(), null);
    }

    public static Submission submission(String title, long seed) {
        return new Submission(title, "", Kind.DREAM, "seed " + seed, "dream", png(seed));
    }
}
