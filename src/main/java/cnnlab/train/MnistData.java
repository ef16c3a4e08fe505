package cnnlab.train;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * MNIST in the original IDX format (gzipped or not): images as floats in 0..1 (0 = background), labels 0..9.
 */
public record MnistData(float[][] images, int[] labels) {
    public static final int IMAGE_MAGIC = 2051, LABEL_MAGIC = 2049;

    public int size() {
        return labels.length;
    }

    /** Reads {@code <prefix>-images-idx3-ubyte[.gz]} and the matching labels, e.g. prefix "train" or "t10k". */
    public static MnistData read(Path dir, String prefix) throws IOException {
        Path images = find(dir, prefix + "-images-idx3-ubyte");
        Path labels = find(dir, prefix + "-labels-idx1-ubyte");
        try (InputStream im = open(images); InputStream lb = open(labels)) {
            return read(im, lb, Integer.MAX_VALUE);
        }
    }

    /** Reads at most {@code limit} examples from two IDX streams (closed by the caller). */
    public static MnistData read(InputStream imageStream, InputStream labelStream, int limit) throws IOException {
        DataInputStream im = new DataInputStream(imageStream);
        DataInputStream lb = new DataInputStream(labelStream);
        if (im.readInt() != IMAGE_MAGIC) throw new IOException("not an IDX image file (magic 2051 expected)");
        if (lb.readInt() != LABEL_MAGIC) throw new IOException("not an IDX label file (magic 2049 expected)");
        int n = im.readInt(), rows = im.readInt(), cols = im.readInt();
        int nLabels = lb.readInt();
        if (n != nLabels) throw new IOException("images (" + n + ") and labels (" + nLabels + ") differ in count");
        if (rows != 28 || cols != 28) throw new IOException("expected 28x28 images, found " + rows + "x" + cols);
        n = Math.min(n, limit);
        float[][] x = new float[n][rows * cols];
        int[] y = new int[n];
        byte[] buf = new byte[rows * cols];
        for (int i = 0; i < n; i++) {
            im.readFully(buf);
            for (int p = 0; p < buf.length; p++) x[i][p] = (buf[p] & 0xff) / 255f;
            y[i] = lb.readUnsignedByte();
            if (y[i] > 9) throw new IOException("label " + y[i] + " out of range at " + i);
        }
        return new MnistData(x, y);
    }

    static InputStream open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        return p.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : new java.io.BufferedInputStream(in, 1 << 16);
    }

    private static Path find(Path dir, String base) throws IOException {
        for (String candidate : new String[]{base + ".gz", base}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) return p;
        }
        throw new IOException("missing " + base + "[.gz] in " + dir.toAbsolutePath());
    }
}
