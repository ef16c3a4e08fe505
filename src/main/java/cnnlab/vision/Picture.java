package cnnlab.vision;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;

/**
 * A picture as the networks see it: {@code height x width x channels} floats, row-major HWC, nominally 0..1 (a
 * dream's detail layer may leave that range; {@link #toImage()} clips). One channel is grey, three are RGB.
 */
public record Picture(int width, int height, int channels, float[] pixels) {
    public Picture {
        if (width < 1 || height < 1 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("bad picture shape " + width + "x" + height + "x" + channels);
        }
        if (pixels.length != width * height * channels) throw new IllegalArgumentException("pixel count does not match shape");
    }

    public static Picture blank(int width, int height, int channels) {
        return new Picture(width, height, channels, new float[width * height * channels]);
    }

    /** Reads an image's colours (or its luminance for one channel). */
    public static Picture of(BufferedImage image, int channels) {
        int w = image.getWidth(), h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] p = new float[w * h * channels];
        for (int i = 0; i < argb.length; i++) {
            int c = argb[i];
            float r = ((c >> 16) & 255) / 255f, g = ((c >> 8) & 255) / 255f, b = (c & 255) / 255f;
            if (channels == 1) {
                p[i] = 0.299f * r + 0.587f * g + 0.114f * b;
            } else {
                p[3 * i] = r;
                p[3 * i + 1] = g;
                p[3 * i + 2] = b;
            }
        }
        return new Picture(w, h, channels, p);
    }

    /** A 28x28 digit drawing (ink 1, paper 0, as the lecture CNN reads it) in the requested channels. */
    public static Picture ofDigit(float[] digit, int side, int channels) {
        Picture grey = new Picture(side, side, 1, digit.clone());
        return channels == 1 ? grey : grey.withChannels(3);
    }

    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            int r, g, b;
            if (channels == 1) {
                r = g = b = byteOf(pixels[i]);
            } else {
                r = byteOf(pixels[3 * i]);
                g = byteOf(pixels[3 * i + 1]);
                b = byteOf(pixels[3 * i + 2]);
            }
            rgb[i] = (r << 16) | (g << 8) | b;
        }
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    private static int byteOf(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }

    public Picture withChannels(int to) {
        if (to == channels) return this;
        int n = width * height;
        float[] p = new float[n * to];
        for (int i = 0; i < n; i++) {
            if (to == 1) {
                p[i] = 0.299f * pixels[3 * i] + 0.587f * pixels[3 * i + 1] + 0.114f * pixels[3 * i + 2];
            } else {
                p[3 * i] = p[3 * i + 1] = p[3 * i + 2] = pixels[i];
            }
        }
        return new Picture(width, height, to, p);
    }

    /** Scaled so that the longer side is {@code side} pixels (never below 1 px on the shorter side). */
    public Picture fitLongSide(int side) {
        double f = (double) side / Math.max(width, height);
        return resize(Math.max(1, (int) Math.round(width * f)), Math.max(1, (int) Math.round(height * f)));
    }

    /**
     * Resampled to {@code w x h}: area averaging when shrinking (no aliasing of fine strokes), bilinear when growing.
     * Works on the floats, so a dream's detail (which may be negative) survives the octave changes.
     */
    public Picture resize(int w, int h) {
        if (w == width && h == height) return this;
        float[] out = new float[w * h * channels];
        double sx = (double) width / w, sy = (double) height / h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    out[(y * w + x) * channels + c] = sx > 1 || sy > 1 ? area(x * sx, y * sy, sx, sy, c) : bilinear((x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5, c);
                }
            }
        }
        return new Picture(w, h, channels, out);
    }

    private float bilinear(double fx, double fy, int c) {
        fx = Math.max(0, Math.min(width - 1, fx));
        fy = Math.max(0, Math.min(height - 1, fy));
        int x0 = (int) fx, y0 = (int) fy, x1 = Math.min(width - 1, x0 + 1), y1 = Math.min(height - 1, y0 + 1);
        double ax = fx - x0, ay = fy - y0;
        double top = at(x0, y0, c) * (1 - ax) + at(x1, y0, c) * ax;
        double bottom = at(x0, y1, c) * (1 - ax) + at(x1, y1, c) * ax;
        return (float) (top * (1 - ay) + bottom * ay);
    }

    /** Mean over the source rectangle [x0, x0+sx) x [y0, y0+sy), weighting partly covered pixels. */
    private float area(double x0, double y0, double sx, double sy, int c) {
        double sum = 0, weight = 0;
        for (int y = (int) y0; y < Math.min(height, Math.ceil(y0 + sy)); y++) {
            double wy = Math.min(y + 1, y0 + sy) - Math.max(y, y0);
            for (int x = (int) x0; x < Math.min(width, Math.ceil(x0 + sx)); x++) {
                double wx = Math.min(x + 1, x0 + sx) - Math.max(x, x0);
                sum += at(x, y, c) * wx * wy;
                weight += wx * wy;
            }
        }
        return (float) (sum / weight);
    }

    /** Shifted by (dx, dy) with wrap-around (DeepDream's jitter: the next step sees the picture moved). */
    public Picture roll(int dx, int dy) {
        float[] out = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            int ty = Math.floorMod(y + dy, height);
            for (int x = 0; x < width; x++) {
                int tx = Math.floorMod(x + dx, width);
                System.arraycopy(pixels, (y * width + x) * channels, out, (ty * width + tx) * channels, channels);
            }
        }
        return new Picture(width, height, channels, out);
    }

    public float at(int x, int y, int c) {
        return pixels[(y * width + x) * channels + c];
    }

    public Picture plus(Picture other) {
        check(other);
        float[] p = pixels.clone();
        for (int i = 0; i < p.length; i++) p[i] += other.pixels[i];
        return new Picture(width, height, channels, p);
    }

    public Picture minus(Picture other) {
        check(other);
        float[] p = pixels.clone();
        for (int i = 0; i < p.length; i++) p[i] -= other.pixels[i];
        return new Picture(width, height, channels, p);
    }

    private void check(Picture other) {
        if (other.width != width || other.height != height || other.channels != channels) {
            throw new IllegalArgumentException("pictures differ in shape");
        }
    }

    /** As a network input: [1, height, width, channels]. */
    public INDArray tensor() {
        return Nd4j.create(pixels.clone(), new long[] {1, height, width, channels}, 'c').castTo(DataType.FLOAT);
    }

    /** Writes the pixels into an existing [1,height,width,channels] array (a graph's picture variable). */
    public void copyInto(INDArray target) {
        INDArray t = tensor();
        target.assign(t);
        t.close();
    }

    public static Picture of(INDArray nhwc) {
        long[] s = nhwc.shape();
        return new Picture((int) s[2], (int) s[1], (int) s[3], nhwc.dup('c').data().asFloat());
    }
}
