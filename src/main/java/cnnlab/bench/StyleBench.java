package cnnlab.bench;

import cnnlab.dream.Dream;
import cnnlab.dream.DreamSettings;
import cnnlab.nn.ModelFiles;
import cnnlab.nn.OffHeapMemory;
import cnnlab.style.StyleSettings;
import cnnlab.style.StyleTransfer;
import cnnlab.vision.BuiltInImage;
import cnnlab.vision.FeatureNetwork;
import cnnlab.vision.FeatureNetworks;
import cnnlab.vision.Picture;

import org.bytedeco.javacpp.Pointer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import static cnnlab.bench.Timing.print;

/**
 * {@code bench style}: seconds per style-transfer iteration (Tübingen in the style of The Starry Night) at 128 and
 * 256 px for every feature network and both optimisers (an L-BFGS iteration may evaluate the loss more than once),
 * milliseconds per Deep Dream step at each octave of a 256 px dream (the cat, default layer), medians; and the peak
 * resident size of a 512 px transfer with the collections {@link OffHeapMemory} asked for to keep it there.
 */
public final class StyleBench {
    private final Path models;

    public StyleBench(Path models) {
        this.models = models;
    }

    public void run(PrintStream out) {
        FeatureNetworks networks = FeatureNetworks.load(models, ModelFiles.load(models.resolve(ModelFiles.MNIST)));
        Picture content = BuiltInImage.byId("tubingen").orElseThrow().picture(3);
        Picture style = BuiltInImage.byId("starry-night").orElseThrow().picture(3);
        Picture cat = BuiltInImage.byId("chelsea").orElseThrow().picture(3);
        for (FeatureNetwork net : networks.all()) {
            String id = net.id();
            for (int size : new int[] {128, 256}) {
                for (StyleSettings.Optimiser o : StyleSettings.Optimiser.values()) {
                    StyleSettings s = StyleSettings.defaults(id).withSize(size).withOptimiser(o).withIterations(1000);
                    StyleTransfer t = new StyleTransfer(net, content, style, s);
                    int warm = 3, n = size == 128 ? 15 : 8;
                    double[] ms = new double[n];
                    for (int i = 0; i < warm; i++) t.advance();
                    for (int i = 0; i < n; i++) {
                        long a = System.nanoTime();
                        t.advance();
                        ms[i] = (System.nanoTime() - a) / 1e6;
                    }
                    t.close();
                    Arrays.sort(ms);
                    print(out, "style_" + id + "_" + size + "px_" + o.name().toLowerCase() + "_s_per_iteration", ms[n / 2] / 1000);
                }
            }
            DreamSettings ds = DreamSettings.defaults(id, net.dreamLayer()).withSize(256).withSteps(8, 0.02);
            Dream d = new Dream(net, cat, ds);
            double[][] perOctave = new double[d.octaves()][ds.stepsPerOctave()];
            while (!d.finished()) {
                int octave = d.octave(), step = d.step() % ds.stepsPerOctave();
                long a = System.nanoTime();
                d.advance();
                perOctave[octave][step] = (System.nanoTime() - a) / 1e6;
            }
            for (int o = 0; o < perOctave.length; o++) {
                double[] ms = Arrays.copyOfRange(perOctave[o], 1, perOctave[o].length);   // the first step builds the graph
                Arrays.sort(ms);
                print(out, "dream_" + id + "_octave" + (o + 1) + "_ms_per_step", ms[ms.length / 2]);
            }
        }
        // memory: the largest size, 60 iterations; resident size sampled after every iteration
        StyleTransfer big = new StyleTransfer(networks.styleDefault(), content, style,
                StyleSettings.defaults(networks.styleDefault().id()).withSize(StyleSettings.MAX_SIZE).withIterations(60));
        long peak = 0;
        int before = OffHeapMemory.collections();
        while (!big.finished()) {
            big.advance();
            peak = Math.max(peak, Pointer.physicalBytes());
        }
        big.close();
        print(out, "style_" + networks.styleDefault().id() + "_512px_60_iterations_peak_rss_mb", peak >> 20);
        out.println("style_512px_offheap_collections=" + (OffHeapMemory.collections() - before));
    }
}
