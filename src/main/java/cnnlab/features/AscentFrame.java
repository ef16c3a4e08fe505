package cnnlab.features;

import cnnlab.nn.LectureCnn;

import java.util.Arrays;

/**
 * What the screen shows of a run at one moment: the pictures, each one's objective, its curve over the steps so
 * far, and the network's own verdict on it (top class and probability). Immutable snapshot.
 */
public record AscentFrame(AscentSettings settings, int step, float[] images, float[] objective, float[][] curves,
                          int[] verdict, float[] confidence) {

    public int pictures() {
        return objective.length;
    }

    public boolean finished() {
        return step >= settings.steps();
    }

    /** Picture i's 28x28 pixels. */
    public float[] picture(int i) {
        return Arrays.copyOfRange(images, i * LectureCnn.PIXELS, (i + 1) * LectureCnn.PIXELS);
    }

    /** A one-line description of picture i, e.g. "conv2 filter 3: a^k = 41.20 · looks like 8 (97%)". */
    public String caption(int i) {
        Target t = settings.target();
        String half = settings.compareL1() ? (i < pictures() / 2 ? " (no L1)" : " (with L1)") : "";
        return String.format(java.util.Locale.ROOT, "%s %s %d%s: %s = %.2f · looks like %d (%.0f%%)", t.id(), t.unitName(),
                settings.unitOf(i), half, settings.measure().symbol(), objective[i], verdict[i], confidence[i] * 100);
    }
}
