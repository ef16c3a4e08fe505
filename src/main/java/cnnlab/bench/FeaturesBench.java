package cnnlab.bench;

import cnnlab.features.Ascent;
import cnnlab.features.AscentSettings;
import cnnlab.features.Constraints;
import cnnlab.features.Measure;
import cnnlab.features.Optimiser;
import cnnlab.features.Start;
import cnnlab.features.Target;
import cnnlab.features.Units;
import cnnlab.nn.LectureWeights;
import cnnlab.nn.ModelFiles;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import static cnnlab.bench.Timing.medianMs;
import static cnnlab.bench.Timing.print;

/**
 * {@code bench features}: what gradient ascent on the input costs, as rows comparable with
 * ../shared/bench/peer_torch.py: ascent_conv2_b12_ms (one step, 12 images each maximising its conv2 filter's
 * a^k = Σ a^k_ij, normalised-gradient update and clamp), ascent_class_l1_ms (one step, 10 images each maximising
 * its class logit minus 0.01 Σ|x|), viz_conv2_12x200_s (the lecture's whole figure: 12 filters x 200 Adam steps,
 * from noise to the last step). Also frame_ms: one frame for the screen (copy plus the network's verdicts).
 */
public final class FeaturesBench {
    private final Path models;

    public FeaturesBench(Path models) {
        this.models = models;
    }

    public void run(PrintStream out) {
        LectureWeights weights = LectureWeights.of(ModelFiles.load(models.resolve(ModelFiles.MNIST)));
        AscentSettings filters = new AscentSettings(Target.CONV2, Measure.SUM, Units.range(0, 12), Constraints.NONE, false,
                Start.NOISE, 1, AscentSettings.MAX_STEPS, 0.1, Optimiser.NORMALISED);
        AscentSettings classes = new AscentSettings(Target.OUTPUT, Measure.LOGIT, Units.range(0, 10), Constraints.NONE.withL1(0.01),
                false, Start.NOISE, 1, AscentSettings.MAX_STEPS, 0.1, Optimiser.NORMALISED);
        try (Ascent a = new Ascent(weights, filters, null)) {
            print(out, "ascent_conv2_b12_ms", medianMs(50, 300, a::advance));
            print(out, "frame_ms", medianMs(20, 100, a::frame));
        }
        try (Ascent a = new Ascent(weights, classes, null)) {
            print(out, "ascent_class_l1_ms", medianMs(50, 300, a::advance));
        }
        double[] runs = new double[5];
        for (int r = -1; r < runs.length; r++) {
            long t0 = System.nanoTime();
            try (Ascent a = new Ascent(weights, AscentSettings.DEFAULT, null)) {
                while (!a.finished()) a.advance();
            }
            if (r >= 0) runs[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(runs);
        print(out, "viz_conv2_12x200_s", runs[runs.length / 2]);
    }
}
