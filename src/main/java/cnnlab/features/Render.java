package cnnlab.features;

import cnnlab.jobs.LiveRun;
import cnnlab.nn.LectureCnn;
import cnnlab.vision.AnimatedGif;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A visualisation as far as it got: its last frame and a film of the pictures at regular steps (one byte per pixel),
 * from which the animated GIF is made. Finished renders are what the cache keeps.
 */
public record Render(AscentFrame last, List<byte[]> film) {
    public Render {
        film = List.copyOf(film);
    }

    /** What a visualisation has to download so far: its newest frame and its ascent's film (empty before a frame). */
    public static Optional<Render> of(LiveRun<?, AscentFrame> visualisation) {
        return visualisation.latest().map(last -> new Render(last, ((Ascent) visualisation.state()).film()));
    }

    public static byte[] quantise(float[] images) {
        byte[] q = new byte[images.length];
        for (int i = 0; i < q.length; i++) q[i] = (byte) Math.round(Math.max(0, Math.min(1, images[i])) * 255);
        return q;
    }

    public long bytes() {
        return (long) film.size() * last.images().length + last.images().length * 4L;
    }

    /** The film of pictures {@code from..to-1} as an animated GIF (the last frame held for two seconds). */
    public byte[] gif(int from, int to, int columns, int scale) {
        List<BufferedImage> frames = new ArrayList<>();
        for (byte[] q : film) {
            float[] images = new float[q.length];
            for (int i = 0; i < q.length; i++) images[i] = (q[i] & 0xff) / 255f;
            frames.add(Pictures.grid(images, from, to, columns, scale));
        }
        return AnimatedGif.encode(frames, 80, 2000);
    }

    public int pictures() {
        return last.images().length / LectureCnn.PIXELS;
    }
}
