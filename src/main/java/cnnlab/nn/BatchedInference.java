package cnnlab.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * How the server shares one network between many users. DL4J networks are not thread-safe (deeplearning4j
 * #9993), so exactly one thread ever touches the network: requests from all sessions queue up, and that thread
 * takes everything waiting (up to {@code maxBatch}) and runs it as ONE forward pass. With one user that is a
 * batch of one; under load, concurrent drawings share a pass, which costs far less per image than separate
 * passes (per-op overhead dominates this small network). The queue is bounded: when it is full, callers are
 * told the server is busy instead of piling up work.
 */
public final class BatchedInference implements AutoCloseable {
    private record Request(float[] image, CompletableFuture<LayerActivations> result) { }

    private final MultiLayerNetwork net;
    private final int maxBatch;
    private final BlockingQueue<Request> queue;
    private final Thread worker;
    /** Callers' continuations (UI updates, JSON writing) run here, never on the thread that owns the network. */
    private final ExecutorService completions;
    private volatile boolean running = true;

    public BatchedInference(MultiLayerNetwork net, int maxBatch, int queueCapacity) {
        this.net = net;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.worker = new Thread(this::serve, "inference-" + System.identityHashCode(this));
        this.worker.setDaemon(true);
        this.completions = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, worker.getName() + "-results");
            t.setDaemon(true);
            return t;
        });
        this.worker.start();
    }

    /** Runs a 28x28 image (row-major, 0..1) through the network; completes with every layer's output. */
    public CompletableFuture<LayerActivations> submit(float[] image) {
        if (image.length != LectureCnn.PIXELS) {
            throw new IllegalArgumentException("expected " + LectureCnn.PIXELS + " pixels, got " + image.length);
        }
        CompletableFuture<LayerActivations> result = new CompletableFuture<>();
        if (!running || !queue.offer(new Request(image.clone(), result))) {
            result.completeExceptionally(new RejectedExecutionException("the server is busy, try again in a moment"));
        }
        return result;
    }

    private void serve() {
        List<Request> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                batch.removeIf(r -> r.result().isDone());   // cancelled while queued: nobody waits for it
                if (!batch.isEmpty()) run(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                for (Request r : batch) completions.execute(() -> r.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        failLeftovers();
    }

    private void failLeftovers() {
        Request r;
        while ((r = queue.poll()) != null) r.result().completeExceptionally(new RejectedExecutionException("the server is shutting down"));
    }

    private void run(List<Request> batch) {
        int b = batch.size();
        float[] x = new float[b * LectureCnn.PIXELS];
        for (int i = 0; i < b; i++) System.arraycopy(batch.get(i).image(), 0, x, i * LectureCnn.PIXELS, LectureCnn.PIXELS);
        INDArray input = Nd4j.create(x, new long[]{b, 1, LectureCnn.SIDE, LectureCnn.SIDE}, DataType.FLOAT);
        // feedForward returns [input, layer0, ..., layer5], each [b, ...] and detached from workspaces
        List<INDArray> outputs = net.feedForward(input, false);
        int layers = LectureCnn.LAYERS.size();
        float[][] flat = new float[layers][];
        try {
            for (int l = 0; l < layers; l++) {
                float[] all = copyOut(outputs.get(l + 1));
                if (all.length != b * LectureCnn.LAYERS.get(l).size()) {
                    throw new IllegalStateException("layer " + l + " has an unexpected shape: " + outputs.get(l + 1).shapeInfoToString());
                }
                flat[l] = all;
            }
        } finally {
            // ND4J frees off-heap buffers only when the GC finalises their Java objects; a busy server with a
            // large heap would grow by hundreds of MB before that. Release them now: everything is copied out.
            Set<INDArray> done = Collections.newSetFromMap(new IdentityHashMap<>());
            done.add(input);
            done.addAll(outputs);
            done.forEach(BatchedInference::release);
        }
        for (int i = 0; i < b; i++) {
            List<float[]> perLayer = new ArrayList<>(layers);
            for (int l = 0; l < layers; l++) {
                int size = LectureCnn.LAYERS.get(l).size();
                float[] a = new float[size];
                System.arraycopy(flat[l], i * size, a, 0, size);
                perLayer.add(a);
            }
            LayerActivations answer = new LayerActivations(batch.get(i).image(), List.copyOf(perLayer));
            CompletableFuture<LayerActivations> result = batch.get(i).result();
            completions.execute(() -> result.complete(answer));
        }
    }

    /** The values of a whole array, in row-major order, without an intermediate ND4J copy when it is contiguous. */
    private static float[] copyOut(INDArray a) {
        if (a.ordering() == 'c' && a.offset() == 0 && a.data().length() == a.length() && !a.isView()) return a.data().asFloat();
        INDArray c = a.dup('c');
        try {
            return c.data().asFloat();
        } finally {
            release(c);
        }
    }

    private static void release(INDArray a) {
        if (a != null && a.closeable()) a.close();
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failLeftovers();   // requests offered while the worker was stopping
        completions.shutdown();
    }
}
