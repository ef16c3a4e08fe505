package cnnlab.style;

import cnnlab.jobs.Release;
import cnnlab.jobs.Stepwise;
import cnnlab.nn.OffHeapMemory;
import cnnlab.vision.FeatureMaps;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.Picture;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gatys et al.'s style transfer as an optimisation of the picture itself: keep one layer's filter outputs close to
 * the content image's and every style layer's Gram matrix (which filters fire together, wherever) close to the style
 * image's. One {@link #advance()} is one iteration of L-BFGS or Adam; {@link #close()} frees the graph between jobs.
 */
public final class StyleTransfer implements Stepwise {
    static final String PICTURE = "picture", TOTAL = "total", CONTENT = "content", STYLE = "style", TV = "tv";
    /** Adam moves each pixel by about this much per step at first (pixels are 0..1). */
    static final double ADAM_LEARNING_RATE = 0.02;

    private final FeatureNetwork net;
    private final StyleSettings settings;
    private final Picture content, style;
    private final int width, height, channels;
    private SameDiff sd;
    private INDArray picture;
    private Lbfgs lbfgs;
    private AdamUpdater adam;
    private INDArray adamState, adamStep;
    private int iteration;
    private StyleLossValues losses;
    private final List<StyleLossValues> history = new ArrayList<>();

    public StyleTransfer(FeatureNetwork net, Picture content, Picture style, StyleSettings settings) {
        this.net = net;
        this.settings = settings;
        this.channels = net.channels();
        this.content = content.withChannels(channels).fitLongSide(settings.size());
        this.style = style.withChannels(channels).fitLongSide(settings.size());
        this.width = this.content.width();
        this.height = this.content.height();
        picture = settings.startFromContent() ? this.content.tensor() : noise(settings.seed()).tensor();
        if (settings.optimiser() == StyleSettings.Optimiser.LBFGS) {
            lbfgs = new Lbfgs(8);
        } else {
            adamState = Nd4j.zeros(DataType.FLOAT, 1, 2 * picture.length());
            adam = (AdamUpdater) new Adam(ADAM_LEARNING_RATE).instantiate(adamState, true);
            adam.setStateViewArray(adamState, picture.shape(), 'c', true);
        }
    }

    /**
     * The loss as a graph over the picture (built when a job starts or resumes, dropped by {@link #close()}): the
     * targets are the content image's filter outputs and the style image's Gram matrices.
     */
    private SameDiff graph() {
        if (sd != null) return sd;
        FeatureNetwork.StyleLayers layers = net.styleLayers();
        Set<String> all = new LinkedHashSet<>(layers.style());
        all.add(layers.content());
        Map<String, INDArray> contentMaps = FeatureMaps.of(net, content, all);
        Map<String, INDArray> styleMaps = FeatureMaps.of(net, style, layers.style());
        SameDiff g = SameDiff.create();
        SDVariable pixels = g.var(PICTURE, picture);
        Map<String, SDVariable> features = net.build(g, pixels, all);
        SDVariable contentLoss = g.identity(CONTENT, StyleLosses.content(g, features.get(layers.content()), contentMaps.get(layers.content())));
        SDVariable styleSum = null;
        for (String layer : layers.style()) {
            long[] shape = contentMaps.get(layer).shape();
            SDVariable term = StyleLosses.style(g, features.get(layer), StyleLosses.gram(styleMaps.get(layer)), shape[1] * shape[2]);
            styleSum = styleSum == null ? term : styleSum.add(term);
        }
        SDVariable styleLoss = g.identity(STYLE, styleSum.div(layers.style().size()));
        SDVariable tv = g.identity(TV, StyleLosses.totalVariation(g, pixels, height, width));
        g.identity(TOTAL, contentLoss.mul(settings.contentWeight()).add(styleLoss.mul(settings.styleWeight()))
                .add(tv.mul(settings.tvWeight())));
        g.setLossVariables(TOTAL);
        picture = g.getVariable(PICTURE).getArr();   // the graph's own array: steps update it in place
        sd = g;
        return g;
    }

    /** Gatys et al.'s other start: white noise, seeded so a run can be repeated. */
    private Picture noise(long seed) {
        java.util.Random rng = new java.util.Random(seed);
        float[] p = new float[width * height * channels];
        for (int i = 0; i < p.length; i++) p[i] = rng.nextFloat();
        return new Picture(width, height, channels, p);
    }

    public StyleSettings settings() {
        return settings;
    }

    public int iteration() {
        return iteration;
    }

    public boolean finished() {
        return iteration >= settings.iterations();
    }

    /** Losses after the latest iteration (before the first: of the starting picture). */
    public StyleLossValues losses() {
        if (losses == null) evaluate(picture.ulike());
        return losses;
    }

    public List<StyleLossValues> history() {
        return List.copyOf(history);
    }

    public Picture picture() {
        return Picture.of(Transforms.min(Transforms.max(picture, 0.0, true), 1.0, false));
    }

    public void advance() {
        if (finished()) return;
        graph();   // (re)built before the step: the optimiser moves the graph's own picture array
        if (lbfgs != null) {
            lbfgs.step(picture, (x, g) -> evaluate(g));
        } else {
            if (adamStep == null) adamStep = picture.ulike();
            evaluate(adamStep);
            adam.applyUpdater(adamStep, iteration, 0);
            picture.subi(adamStep);
            Transforms.min(Transforms.max(picture, 0.0, false), 1.0, false);   // Adam keeps the picture displayable
        }
        iteration++;
        // report the accepted picture's losses: the last evaluation was of a rejected trial when L-BFGS stood still
        if (lbfgs != null && !lbfgs.moved()) {
            Map<String, INDArray> out = graph().output(Map.of(), TOTAL, CONTENT, STYLE, TV);
            remember(out);
            Release.all(out);
        }
        losses = new StyleLossValues(iteration, losses.content(), losses.style(), losses.totalVariation(), losses.total());
        history.add(losses);
        OffHeapMemory.collectIfGrown();
    }

    /** Loss and gradient at the current picture; the gradient is written into {@code gradient}. */
    private double evaluate(INDArray gradient) {
        OutAndGrad r = graph().calculateGradientsAndOutputs(Map.of(), List.of(TOTAL, CONTENT, STYLE, TV), List.of(PICTURE));
        gradient.assign(r.getGradients().get(PICTURE));
        remember(r.getOutputs());
        Release.all(r.getGradients(), r.getOutputs());
        return losses.total();
    }

    private void remember(Map<String, INDArray> out) {
        losses = new StyleLossValues(iteration, out.get(CONTENT).getDouble(0), out.get(STYLE).getDouble(0), out.get(TV).getDouble(0), out.get(TOTAL).getDouble(0));
    }

    /** Drops the graph; the picture and the optimiser's memory stay, so {@link #advance()} can resume. */
    @Override
    public void close() {
        sd = null;
    }

    @Override
    public String what() {
        return "Deep Style";
    }
}
