package cnnlab.digits;

/** A greyscale raster, row-major, 0 = background, 1 = full ink. */
public record GrayImage(int width, int height, float[] pixels) {
    public GrayImage {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("pixels must hold width*height values");
        }
    }

    public static GrayImage blank(int width, int height) {
        return new GrayImage(width, height, new float[width * height]);
    }

    public float at(int x, int y) {
        return pixels[y * width + x];
    }

    public float sum() {
        float s = 0;
        for (float p : pixels) s += p;
        return s;
    }
}
