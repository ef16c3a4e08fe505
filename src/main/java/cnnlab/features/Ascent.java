package cnnlab.features;

import cnnlab.jobs.Stepwise;
import cnnlab.nn.LectureCnn;
import cnnlab.nn.LectureWeights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Gradient ASCENT on the input (lecture section 1): the trained weights stay fixed and a batch of images is moved,
 * step by step, towards x* = argmax_x objective(x) - penalty(x), the images in one or two forward/backward passes
 * side by side ({@link AscentPasses}). Holds the
 * whole state (images, optimiser moments, random generator, objective curves, the film), so a stopped run resumes
 * exactly where it left off and the same settings always give the same pictures.
 *
 * <p>Not thread-safe: one job drives it at a time (only {@link #film()} may be read from another thread).
 */
public final class Ascent implements Stepwise {
    private static final int SIDE = LectureCnn.SIDE, AREA = LectureCnn.PIXELS;
    private static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;
    /** About this many pictures make the film (the GIF), evenly spread over the steps. */
    static final int FILM_FRAMES = 60;

    private final AscentSettings settings;
    private final int pictures;
    private final LectureWeights weights;
    private final int[] units;
    private AscentPasses passes;
    private final Constraints[] constraints;
    private final float[] x, m, v;
    private final Random jitter;
    private final float[][] curves;
    /** The objective of each picture as last measured; null until the network first sees them. */
    private float[] lastValues;
    private int step;
    private final int filmEvery;
    /** The pictures at the start and every {@link #filmEvery} steps, one byte per pixel ({@link Render#quantise}). */
    private final List<byte[]> film = new ArrayList<>();

    /**
     * Cheap: the network is not touched until the first step or frame, so a run waiting for a slot on the server holds
     * only its pictures, not the network buffers.
     *
     * @param drawing the user's 28x28 drawing, needed only when the settings start from it
     */
    public Ascent(LectureWeights weights, AscentSettings settings, float[] drawing) {
        this.settings = settings;
        this.weights = weights;
        this.pictures = settings.pictures();
        units = new int[pictures];
        constraints = new Constraints[pictures];
        for (int i = 0; i < pictures; i++) {
            units[i] = settings.unitOf(i);
            constraints[i] = settings.constraintsOf(i);
        }
        x = startImages(settings, drawing, pictures);
        m = new float[x.length];
        v = new float[x.length];
        jitter = new Random(settings.seed() * 31 + 7);
        curves = new float[pictures][settings.steps() + 1];
        filmEvery = Math.max(1, settings.steps() / FILM_FRAMES);
        record();
    }

    private static float[] startImages(AscentSettings s, float[] drawing, int pictures) {
        float[] x = new float[pictures * AREA];
        switch (s.start()) {
            case NOISE -> {
                Random r = new Random(s.seed());
                for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
            }
            case BLANK -> { }
            case DRAWING -> {
                if (drawing == null || drawing.length != AREA) throw new IllegalArgumentException("draw a digit on the digits page first");
                for (int i = 0; i < pictures; i++) System.arraycopy(drawing, 0, x, i * AREA, AREA);
            }
        }
        return x;
    }

    public AscentSettings settings() {
        return settings;
    }

    public int step() {
        return step;
    }

    @Override
    public boolean finished() {
        return step >= settings.steps();
    }

    /** One ascent step for every picture. */
    @Override
    public void advance() {
        if (finished()) return;
        int j = settings.constraints().jitter();
        int dy = j == 0 ? 0 : jitter.nextInt(2 * j + 1) - j, dx = j == 0 ? 0 : jitter.nextInt(2 * j + 1) - j;
        float[] seen = j == 0 ? x : roll(x, dy, dx);
        float[] values = network().values(seen);
        for (int i = 0; i < pictures; i++) curves[i][step] = values[i];
        lastValues = values;
        float[] g = passes.gradient(values);
        if (j != 0) g = roll(g, -dy, -dx);
        for (int i = 0; i < pictures; i++) constraints[i].addGradient(x, g, i * AREA, SIDE);
        if (settings.optimiser() == Optimiser.ADAM) adam(g);
        else normalised(g);
        int blur = settings.constraints().blurEvery();
        step++;
        if (blur > 0 && step % blur == 0) blur();
        if (finished()) {
            lastValues = currentValues();
            for (int i = 0; i < pictures; i++) curves[i][step] = lastValues[i];
        }
        if (step % filmEvery == 0 || finished()) record();
    }

    private void record() {
        byte[] q = Render.quantise(x);
        synchronized (film) {
            film.add(q);
        }
    }

    /** The pictures so far as the GIF shows them: the start, then about {@value #FILM_FRAMES} evenly spaced steps. */
    public List<byte[]> film() {
        synchronized (film) {
            return List.copyOf(film);
        }
    }

    /**
     * The objective of each picture as it is now, without jitter. Each step records the value it saw before moving
     * (one forward pass per step, not two); only the start and the end are measured separately.
     */
    private float[] currentValues() {
        return network().values(x);
    }

    private void normalised(float[] g) {
        for (int i = 0; i < pictures; i++) {
            double mean = 0;
            for (int p = i * AREA; p < (i + 1) * AREA; p++) mean += Math.abs(g[p]);
            mean /= AREA;
            double scale = settings.stepSize() / (mean + EPS);
            for (int p = i * AREA; p < (i + 1) * AREA; p++) x[p] = clamp(x[p] + (float) (scale * g[p]));
        }
    }

    private void adam(float[] g) {
        int t = step + 1;
        double c1 = 1 - Math.pow(BETA1, t), c2 = 1 - Math.pow(BETA2, t), lr = settings.stepSize();
        for (int p = 0; p < x.length; p++) {
            m[p] = (float) (BETA1 * m[p] + (1 - BETA1) * g[p]);
            v[p] = (float) (BETA2 * v[p] + (1 - BETA2) * g[p] * g[p]);
            x[p] = clamp(x[p] + (float) (lr * (m[p] / c1) / (Math.sqrt(v[p] / c2) + EPS)));
        }
    }

    private static float clamp(float value) {
        return value < 0 ? 0 : value > 1 ? 1 : value;
    }

    /** Each image shifted by (dy, dx), wrapping round. */
    static float[] roll(float[] images, int dy, int dx) {
        float[] out = new float[images.length];
        for (int base = 0; base < images.length; base += AREA) {
            for (int y = 0; y < SIDE; y++) {
                int ty = Math.floorMod(y + dy, SIDE);
                for (int c = 0; c < SIDE; c++) out[base + ty * SIDE + Math.floorMod(c + dx, SIDE)] = images[base + y * SIDE + c];
            }
        }
        return out;
    }

    /** 3x3 binomial blur (1 2 1 / 4 each way), edges clamped: removes the high-frequency patterns ascent loves. */
    private void blur() {
        float[] tmp = new float[AREA];
        for (int base = 0; base < x.length; base += AREA) {
            for (int y = 0; y < SIDE; y++) {
                for (int c = 0; c < SIDE; c++) {
                    tmp[y * SIDE + c] = (x[base + y * SIDE + Math.max(c - 1, 0)] + 2 * x[base + y * SIDE + c]
                            + x[base + y * SIDE + Math.min(c + 1, SIDE - 1)]) / 4;
                }
            }
            for (int y = 0; y < SIDE; y++) {
                for (int c = 0; c < SIDE; c++) {
                    x[base + y * SIDE + c] = (tmp[Math.max(y - 1, 0) * SIDE + c] + 2 * tmp[y * SIDE + c]
                            + tmp[Math.min(y + 1, SIDE - 1) * SIDE + c]) / 4;
                }
            }
        }
    }

    /** A copy of the current state for the screen; with the network's verdict on each picture. */
    public AscentFrame frame() {
        if (lastValues == null) {   // before the first step: the start's objective is the curves' first point
            lastValues = currentValues();
            for (int i = 0; i < pictures; i++) curves[i][0] = lastValues[i];
        }
        float[] logits = network().logits(x);
        int[] verdict = new int[pictures];
        float[] confidence = new float[pictures];
        for (int i = 0; i < pictures; i++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            int best = 0;
            for (int c = 0; c < 10; c++) {
                if (logits[i * 10 + c] > max) {
                    max = logits[i * 10 + c];
                    best = c;
                }
            }
            for (int c = 0; c < 10; c++) sum += Math.exp(logits[i * 10 + c] - max);
            verdict[i] = best;
            confidence[i] = (float) (1 / sum);
        }
        float[][] soFar = new float[pictures][];
        for (int i = 0; i < pictures; i++) soFar[i] = Arrays.copyOf(curves[i], step + 1);
        return new AscentFrame(settings, step, x.clone(), lastValues.clone(), soFar, verdict, confidence);
    }

    /** Mean |x| of each picture: the "ink" the L1 constraint penalises. */
    public static double[] ink(float[] images) {
        double[] ink = new double[images.length / AREA];
        for (int p = 0; p < images.length; p++) ink[p / AREA] += Math.abs(images[p]) / AREA;
        return ink;
    }

    /** The network buffers, allocated on first use after construction or {@link #close()}. */
    private AscentPasses network() {
        if (passes == null) {
            passes = new AscentPasses(weights, settings.target(), settings.measure(), units, Runtime.getRuntime().availableProcessors());
        }
        return passes;
    }

    /** The pictures as they are now (a copy). */
    public float[] images() {
        return x.clone();
    }

    /**
     * Frees the off-heap network buffers (up to ~80 MB for 100 pictures) but keeps the state: a stopped run waiting
     * for "Resume" costs only its pictures. The next step allocates them again.
     */
    @Override
    public void close() {
        if (passes == null) return;
        passes.close();
        passes = null;
    }

    @Override
    public String what() {
        return "feature visualisation";
    }
}
