package cnnlab.dream;

import cnnlab.vision.ImageBytes;
import cnnlab.vision.Picture;

import java.util.List;

/** What the page shows of a dream at one moment: the picture (and a JPEG of it to push), where it is, the curve. */
public record DreamFrame(Picture picture, byte[] preview, int step, int totalSteps, int octave, int octaves,
                         List<List<Double>> objectives, boolean finished) {
    public static DreamFrame of(Dream d) {
        Picture p = d.picture();
        return new DreamFrame(p, ImageBytes.jpeg(p.toImage(), 0.9f), d.step(), d.totalSteps(), d.octave(), d.octaves(),
                d.objectives(), d.finished());
    }

    /** The latest value of the objective (NaN before the first step). */
    public double objective() {
        for (int i = objectives.size() - 1; i >= 0; i--) {
            List<Double> o = objectives.get(i);
            if (!o.isEmpty()) return o.get(o.size() - 1);
        }
        return Double.NaN;
    }
}
