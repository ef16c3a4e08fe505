package cnnlab.vision;

import cnnlab.jobs.JobRunner;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a user's uploaded image safely: at most 10 MB, sniffed by content (not by name) as PNG, JPEG, GIF, WebP or BMP,
 * dimensions checked from the header BEFORE any pixel is decoded (a 1 KB PNG can claim 100,000 x 100,000 pixels),
 * and decoder warnings (a truncated JPEG decodes "successfully" with a grey bottom) treated as damage.
 */
public final class ImageUpload {
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_SIDE = 4096;
    static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "webp", "bmp");
    public static final String ACCEPTED = "PNG, JPEG, GIF, WebP or BMP";

    private ImageUpload() { }

    /** Reads at most {@link #MAX_BYTES} from {@code in}; more is refused without reading the rest. */
    public static BufferedImage read(InputStream in) throws ImageProblem, IOException {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) throw new ImageProblem("The file is larger than 10 MB. Please upload a smaller image.");
        return decode(bytes);
    }

    /**
     * Decodes on the job pool: a 4096 x 4096 picture is a 64 MB raster and seconds of work on a busy machine (issue
     * 19: 5-13 s on the request thread), so the pool's few threads bound how many are decoded at once. The future
     * fails with {@link ImageProblem}, or RejectedExecutionException when the server is busy.
     */
    public static CompletableFuture<BufferedImage> decode(JobRunner jobs, byte[] bytes) {
        return jobs.submit(() -> {
            try {
                return CompletableFuture.completedFuture(decode(bytes));
            } catch (ImageProblem p) {
                return CompletableFuture.failedFuture(p);
            }
        });
    }

    public static BufferedImage decode(byte[] bytes) throws ImageProblem {
        if (bytes.length == 0) throw new ImageProblem("The file is empty.");
        if (bytes.length > MAX_BYTES) throw new ImageProblem("The file is larger than 10 MB. Please upload a smaller image.");
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            ImageReader reader = null;
            while (readers.hasNext() && reader == null) {
                ImageReader r = readers.next();
                if (FORMATS.contains(r.getFormatName().toLowerCase(Locale.ROOT))) reader = r;
            }
            if (reader == null) throw new ImageProblem("This is not an image we can read. Please upload a " + ACCEPTED + " file.");
            try {
                reader.setInput(stream, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w < 1 || h < 1) throw new ImageProblem("The image has no pixels.");
                if (w > MAX_SIDE || h > MAX_SIDE) {
                    throw new ImageProblem("The image is " + w + " x " + h + " pixels; at most " + MAX_SIDE + " x " + MAX_SIDE + " are accepted.");
                }
                AtomicReference<String> warning = new AtomicReference<>();
                reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
                BufferedImage image = reader.read(0);
                if (warning.get() != null) throw new ImageProblem("The image file is damaged or incomplete (" + warning.get() + ").");
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageProblem p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            // decoders throw IIOException, EOFException, IndexOutOfBounds... on damaged files: all mean the same here
            throw new ImageProblem("The image file is damaged or incomplete and cannot be read.");
        }
    }
}
