package cnnlab.dream;

import cnnlab.features.Units;
import cnnlab.jobs.Release;
import cnnlab.jobs.Stepwise;
import cnnlab.nn.OffHeapMemory;
import cnnlab.vision.FeatureLayer;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.Picture;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deep Dream (Mordvintsev et al. 2015) as the lecture describes it: change the picture so that what a layer already
 * sees, it sees more. Multi-scale like the original: the picture is dreamt on at {@code octaves} sizes, smallest
 * first; after each octave only the added detail is carried up to the next size, so large patterns grow at the small
 * sizes and fine ones at the large. One {@link #advance()} is one gradient step.
 */
public final class Dream implements Stepwise {
    static final String PICTURE = "picture", OBJECTIVE = "objective";
    /** Below this the conv stacks have nothing left to see (the lecture CNN needs 10 px for one conv2 output). */
    static final int MIN_OCTAVE_SIDE = 24;
    /** The GIF: about this many frames, each at most {@link #FILM_SIDE} px, so a film stays under ~5 MB in memory. */
    static final int FILM_FRAMES = 24, FILM_SIDE = 256;

    private final FeatureNetwork net;
    private final DreamSettings settings;
    private final Picture base;
    private final List<int[]> sizes = new ArrayList<>();   // smallest first: {width, height}
    private final INDArray mask;
    private final Random rng;
    private final List<List<Double>> objectives = new ArrayList<>();
    private int octave, stepInOctave, steps;
    private Picture detail;
    private SameDiff sd;
    private INDArray pixels;
    private final List<BufferedImage> film = new ArrayList<>();

    public Dream(FeatureNetwork net, Picture source, DreamSettings settings) {
        this.net = net;
        this.settings = settings;
        this.base = source.withChannels(net.channels()).fitLongSide(settings.size());
        FeatureLayer layer = net.layer(settings.layer());
        this.mask = filterMask(layer, settings.filters());
        this.rng = new Random(settings.seed());
        for (int k = settings.octaves() - 1; k >= 0; k--) {
            double f = Math.pow(settings.octaveScale(), k);
            int w = (int) Math.round(base.width() / f), h = (int) Math.round(base.height() / f);
            if (Math.min(w, h) >= MIN_OCTAVE_SIDE || k == 0) sizes.add(new int[] {w, h});
        }
        int[] smallest = sizes.get(0);
        detail = Picture.blank(smallest[0], smallest[1], base.channels());
        record();
    }

    private void record() {
        Picture p = picture();
        BufferedImage small = (Math.max(p.width(), p.height()) > FILM_SIDE ? p.fitLongSide(FILM_SIDE) : p).toImage();
        BufferedImage compact = new BufferedImage(small.getWidth(), small.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        compact.getGraphics().drawImage(small, 0, 0, null);
        synchronized (film) {
            film.add(compact);
        }
    }

    /** The dream so far as pictures for an animated GIF, from the source picture to the latest. */
    public List<BufferedImage> film() {
        synchronized (film) {
            return List.copyOf(film);
        }
    }

    /** 1 for each chosen filter of the layer, 0 elsewhere: throws IllegalArgumentException for a bad list. */
    private static INDArray filterMask(FeatureLayer layer, String filters) {
        float[] m = new float[layer.filters()];
        if (DreamSettings.ALL.equalsIgnoreCase(filters.strip())) {
            java.util.Arrays.fill(m, 1f);
        } else {
            for (int f : Units.parse(filters, layer.filters())) m[f] = 1f;
        }
        return Nd4j.create(m, new long[] {1, 1, 1, m.length}, 'c');
    }

    public DreamSettings settings() {
        return settings;
    }

    /** The octaves actually dreamt (small pictures drop the octaves that would be too small to see anything). */
    public int octaves() {
        return sizes.size();
    }

    public int totalSteps() {
        return sizes.size() * settings.stepsPerOctave();
    }

    public int step() {
        return steps;
    }

    /** 0-based octave being dreamt (the last one once finished). */
    public int octave() {
        return Math.min(octave, sizes.size() - 1);
    }

    public boolean finished() {
        return octave >= sizes.size();
    }

    /** The objective before each step, one list per octave (mean activation measure over the chosen filters). */
    public List<List<Double>> objectives() {
        List<List<Double>> copy = new ArrayList<>();
        for (List<Double> o : objectives) copy.add(List.copyOf(o));
        return copy;
    }

    public void advance() {
        if (finished()) return;
        if (sd == null) startOctave();
        int j = settings.jitter();
        int dx = j == 0 ? 0 : rng.nextInt(2 * j + 1) - j, dy = j == 0 ? 0 : rng.nextInt(2 * j + 1) - j;
        current().roll(dx, dy).copyInto(pixels);
        OutAndGrad r = sd.calculateGradientsAndOutputs(Map.of(), List.of(OBJECTIVE), List.of(PICTURE));
        objectives.get(octave).add(r.getOutputs().get(OBJECTIVE).getDouble(0));
        INDArray g = r.getGradients().get(PICTURE);
        // DeepDream's step normalisation: every step moves pixels by about stepSize, however weak the layer's response
        double meanAbs = g.norm1Number().doubleValue() / g.length();
        pixels.addi(g.muli(settings.stepSize() / (meanAbs + 1e-8)));
        Release.all(r.getGradients(), r.getOutputs());
        Transforms.min(Transforms.max(pixels, 0.0, false), 1.0, false);
        Picture.of(pixels).roll(-dx, -dy).copyInto(pixels);
        steps++;
        if (++stepInOctave == settings.stepsPerOctave()) endOctave();
        if (steps % Math.max(1, totalSteps() / FILM_FRAMES) == 0 || finished()) record();
        OffHeapMemory.collectIfGrown();
    }

    private void startOctave() {
        int[] size = sizes.get(octave);
        Picture start = baseAt(size).plus(detail);
        sd = SameDiff.create();
        SDVariable picture = sd.var(PICTURE, start.tensor());
        SDVariable a = net.build(sd, picture, List.of(settings.layer())).get(settings.layer()).mul(sd.constant(mask));
        double chosen = mask.sumNumber().doubleValue();
        SDVariable measure = settings.objective() == DreamSettings.Objective.SQUARES ? a.mul(a) : sd.math().abs(a);
        // mean over positions and chosen filters: comparable across octaves and filter counts
        sd.identity(OBJECTIVE, measure.mean().mul(mask.length() / chosen));
        sd.setLossVariables(OBJECTIVE);
        pixels = sd.getVariable(PICTURE).getArr();
        if (stepInOctave == 0) objectives.add(new ArrayList<>());
    }

    private void endOctave() {
        Picture done = Picture.of(pixels);
        int[] size = sizes.get(octave);
        detail = done.minus(baseAt(size));
        sd = null;
        pixels = null;
        stepInOctave = 0;
        octave++;
        if (!finished()) {
            int[] next = sizes.get(octave);
            detail = detail.resize(next[0], next[1]);
        } else {
            detail = done.minus(base);   // keep the last picture
        }
    }

    private Picture baseAt(int[] size) {
        return base.resize(size[0], size[1]);
    }

    /** The picture being dreamt, at its octave's size (the full size once finished). */
    public Picture current() {
        if (pixels != null) return Picture.of(pixels);
        if (finished()) return clip(base.plus(detail));
        int[] size = sizes.get(octave);
        return clip(baseAt(size).plus(detail));
    }

    /** The picture at full size, for display and download. */
    public Picture picture() {
        return current().resize(base.width(), base.height());
    }

    private static Picture clip(Picture p) {
        float[] v = p.pixels().clone();
        for (int i = 0; i < v.length; i++) v[i] = Math.max(0f, Math.min(1f, v[i]));
        return new Picture(p.width(), p.height(), p.channels(), v);
    }

    /** Drops the graph between jobs; the progress is kept as detail, so {@link #advance()} resumes mid-octave. */
    @Override
    public void close() {
        if (pixels != null) detail = Picture.of(pixels).minus(baseAt(sizes.get(octave)));
        sd = null;
        pixels = null;
    }

    @Override
    public String what() {
        return "Deep Dream";
    }
}
