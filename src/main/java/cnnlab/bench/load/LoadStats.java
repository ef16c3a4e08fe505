package cnnlab.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the students of one load run measured; shared by their threads. */
public final class LoadStats {
    public final Errors errors = new Errors();
    private final List<Double> classifyMs = new ArrayList<>();
    private final List<Double> openMs = new ArrayList<>();
    private final List<Double> firstFrameMs = new ArrayList<>();
    private final List<Double> framesPerSecond = new ArrayList<>();
    /** Verdicts that named another digit than the one drawn (not an error of the server, but watched). */
    public final AtomicLong verdictsWrong = new AtomicLong();
    /** Readings answered "the server is busy" before the real verdict came (the view retries by itself). */
    public final AtomicLong classifyBusy = new AtomicLong();
    public final AtomicLong vizRuns = new AtomicLong();
    public final AtomicLong vizDone = new AtomicLong();
    /** Visualisations the server refused with its "busy, try again in a moment" notice. */
    public final AtomicLong vizBusy = new AtomicLong();
    /** Visualisations shown from the server's cache (no frames stream then). */
    public final AtomicLong vizCached = new AtomicLong();
    public final AtomicLong frames = new AtomicLong();

    synchronized void classified(double ms) {
        classifyMs.add(ms);
    }

    synchronized void opened(double ms) {
        openMs.add(ms);
    }

    synchronized void firstFrame(double ms) {
        firstFrameMs.add(ms);
    }

    /** One student's frames per second over all the time it spent on the features page. */
    synchronized void studentFrameRate(double perSecond) {
        framesPerSecond.add(perSecond);
    }

    public synchronized double[] classifyMs() {
        return sorted(classifyMs);
    }

    public synchronized double[] openMs() {
        return sorted(openMs);
    }

    public synchronized double[] firstFrameMs() {
        return sorted(firstFrameMs);
    }

    public synchronized double[] framesPerSecondPerStudent() {
        return sorted(framesPerSecond);
    }

    private static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
    }
}
