package cnnlab.features;

import cnnlab.nn.InputGradients;
import cnnlab.nn.InputGradients.Depth;
import cnnlab.nn.LectureCnn;
import cnnlab.nn.LectureWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * The network work of an ascent step (forward, objective, backward to the pixels), split by pictures into parts
 * that run side by side, each on its own buffers: every picture's objective depends on that picture only, so the
 * parts never talk. On the two-core lab machine one part per core halves a step when the server is quiet; when it
 * is busy, the parts queue behind other work and a step costs about what one part would. Part 0 always runs on the
 * calling thread, so a full pool can delay a step but never deadlock it.
 */
final class AscentPasses implements AutoCloseable {
    /** Below this many pictures per part a split costs more than it saves. */
    static final int MIN_PART = 4;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), r -> {
        Thread t = new Thread(r, "ascent-part");
        t.setDaemon(true);
        return t;
    });

    private final int[] from;
    private final InputGradients[] nets;
    private final Objective[] objectives;
    private final Target target;

    AscentPasses(LectureWeights weights, Target target, Measure measure, int[] units, int parts) {
        this.target = target;
        int n = units.length, p = Math.max(1, Math.min(parts, n / MIN_PART));
        from = new int[p + 1];
        for (int k = 0; k <= p; k++) from[k] = (int) ((long) n * k / p);
        nets = new InputGradients[p];
        objectives = new Objective[p];
        for (int k = 0; k < p; k++) {
            nets[k] = new InputGradients(weights, from[k + 1] - from[k]);
            objectives[k] = new Objective(target, measure, java.util.Arrays.copyOfRange(units, from[k], from[k + 1]));
        }
    }

    /** How many parts run side by side. */
    int parts() {
        return nets.length;
    }

    /** Each picture's objective after a forward pass of {@code images} (the state {@link #gradient} continues from). */
    float[] values(float[] images) {
        return concat(k -> {
            nets[k].forward(slice(images, k, LectureCnn.PIXELS), target.depth());
            return objectives[k].values(nets[k]);
        }, 1);
    }

    /** The pixel gradient of every picture's objective, after {@link #values} gave {@code values}. */
    float[] gradient(float[] values) {
        return concat(k -> objectives[k].gradient(nets[k], slice(values, k, 1)), LectureCnn.PIXELS);
    }

    /** The network's 10 logits for every picture. */
    float[] logits(float[] images) {
        return concat(k -> {
            nets[k].forward(slice(images, k, LectureCnn.PIXELS), Depth.OUTPUT);
            return nets[k].activation(Depth.OUTPUT).data().asFloat();
        }, LectureCnn.CLASSES);
    }

    private float[] slice(float[] all, int k, int per) {
        return nets.length == 1 ? all : java.util.Arrays.copyOfRange(all, from[k] * per, from[k + 1] * per);
    }

    /** Runs {@code part} for every part (part 0 here, the others on the pool) and joins their results in order. */
    private float[] concat(IntFunction<float[]> part, int per) {
        if (nets.length == 1) return part.apply(0);
        List<CompletableFuture<float[]>> others = new ArrayList<>();
        for (int k = 1; k < nets.length; k++) {
            int kk = k;
            others.add(CompletableFuture.supplyAsync(() -> part.apply(kk), POOL));
        }
        float[] out = new float[from[nets.length] * per];
        System.arraycopy(part.apply(0), 0, out, 0, (from[1] - from[0]) * per);
        for (int k = 1; k < nets.length; k++) {
            System.arraycopy(others.get(k - 1).join(), 0, out, from[k] * per, (from[k + 1] - from[k]) * per);
        }
        return out;
    }

    @Override
    public void close() {
        for (int k = 0; k < nets.length; k++) {
            objectives[k].close();
            nets[k].close();
        }
    }
}
