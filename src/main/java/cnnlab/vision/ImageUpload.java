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
    /** The largest picture the pages keep: twice their largest working size (512 px), for a clean last downscale. */
    public static final int WORKING_SIDE = 1024;
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
     * Decodes on the job pool, and shrinks there to at most {@link #WORKING_SIDE} px: a 4096 x 4096 picture is a 64 MB
     * raster and seconds of work on a busy machine (issue 19: 5-13 s on the request thread), so the pool's few threads
     * bound how many are decoded at once; and the pages work at 512 px at most, so keeping the full picture would only
     * make every later step (thumbnail, preview, each run's input: 200 MB of floats apiece at full size, on the page's
     * thread) pay for pixels nobody sees. The future fails with {@link ImageProblem}, or RejectedExecutionException
     * when the server is busy.
     */
    public static CompletableFuture<BufferedImage> decode(JobRunner jobs, byte[] bytes) {
        return jobs.submit(() -> {
            try {
                return CompletableFuture.completedFuture(fitLongSide(decode(bytes), WORKING_SIDE));
            } catch (ImageProblem p) {
                return CompletableFuture.failedFuture(p);
            }
        });
    }

    /**
     * {@code image} with its long side at most {@code side} px (itself when it already fits), as RGB: halved with
     * bilinear filtering until within twice the goal, then scaled once, so every source pixel counts (a single
     * bilinear step from 4096 to 1024 would skip three pixels in four and alias).
     */
    public static BufferedImage fitLongSide(BufferedImage image, int side) {
        BufferedImage out = image;
        while (Math.max(out.getWidth(), out.getHeight()) > side) {
            int longSide = Math.max(out.getWidth(), out.getHeight());
            double scale = longSide > 2 * side ? 0.5 : (double) side / longSide;
            out = scaled(out, Math.max(1, (int) Math.round(out.getWidth() * scale)), Math.max(1, (int) Math.round(out.getHeight() * scale)));
        }
        return out;
    }

    private static BufferedImage scaled(BufferedImage in, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(in, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
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
