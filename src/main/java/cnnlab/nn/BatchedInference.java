package cnnlab.nn;

import cnnlab.jobs.PriorityPool;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * How the server shares one network between many users. DL4J networks are not thread-safe (deeplearning4j
 * #9993), so exactly one thread ever touches the network: requests from all sessions queue up, and that thread
 * takes everything waiting (up to {@code maxBatch}) and runs it as ONE forward pass. With one user that is a
 * batch of one; under load, concurrent drawings share a pass, which costs far less per image than separate
 * passes (per-op overhead dominates this small network). The pass is {@link InputGradients}' forward: one
 * im2col matrix product per layer on buffers allocated once, faster than the DL4J network's own (which it matches:
 * BatchedInferenceTest). The queue is bounded: when it is full, callers are told the server is busy instead of
 * piling up work. Answers someone waits for are handed back before live previews: under load the threads that show
 * results (and write them to the browsers) are the queue that matters.
 */
public final class BatchedInference implements AutoCloseable {
    private record Request(float[] image, boolean preview, CompletableFuture<LayerActivations> result) { }

    private final LectureWeights weights;
    /** Forward passes by batch size; only the worker thread touches them. */
    private final java.util.Map<Integer, InputGradients> passes = new java.util.HashMap<>();
    private final int maxBatch;
    private final BlockingQueue<Request> queue;
    private final Thread worker;
    /** Callers' continuations (UI updates, JSON writing) run here, never on the thread that owns the network. */
    private final PriorityPool completions;
    private volatile boolean running = true;

    public BatchedInference(MultiLayerNetwork net, int maxBatch, int queueCapacity) {
        this(net, maxBatch, queueCapacity, 2);
    }

    BatchedInference(MultiLayerNetwork net, int maxBatch, int queueCapacity, int completionThreads) {
        this.weights = LectureWeights.of(net);   // a copy: the network object itself is never run here
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.worker = new Thread(this::serve, "inference-" + System.identityHashCode(this));
        this.worker.setDaemon(true);
        this.completions = new PriorityPool(completionThreads, worker.getName() + "-results");
        this.worker.start();
    }

    /** Runs a 28x28 image (row-major, 0..1) through the network; completes with every layer's output. */
    public CompletableFuture<LayerActivations> submit(float[] image) {
        return submit(image, false);
    }

    /** As {@link #submit(float[])} for a live preview: its answer is handed back after any awaited ones. */
    public CompletableFuture<LayerActivations> submitPreview(float[] image) {
        return submit(image, true);
    }

    private CompletableFuture<LayerActivations> submit(float[] image, boolean preview) {
        if (image.length != LectureCnn.PIXELS) {
            throw new IllegalArgumentException("expected " + LectureCnn.PIXELS + " pixels, got " + image.length);
        }
        CompletableFuture<LayerActivations> result = new CompletableFuture<>();
        if (!running || !queue.offer(new Request(image.clone(), preview, result))) {
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
                for (Request r : batch) deliver(r, () -> r.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        failLeftovers();
        passes.values().forEach(InputGradients::close);
        passes.clear();
    }

    private void failLeftovers() {
        Request r;
        while ((r = queue.poll()) != null) r.result().completeExceptionally(new RejectedExecutionException("the server is shutting down"));
    }

    private void run(List<Request> batch) {
        int n = batch.size();
        InputGradients pass = passFor(n);
        float[] x = new float[pass.batch() * LectureCnn.PIXELS];   // zero images fill the rest of the pass
        for (int i = 0; i < n; i++) System.arraycopy(batch.get(i).image(), 0, x, i * LectureCnn.PIXELS, LectureCnn.PIXELS);
        pass.forward(x, InputGradients.Depth.OUTPUT);
        List<LayerActivations> answers = pass.layerActivations(x, n);
        for (int i = 0; i < n; i++) {
            LayerActivations answer = answers.get(i);
            CompletableFuture<LayerActivations> result = batch.get(i).result();
            deliver(batch.get(i), () -> result.complete(answer));
        }
    }

    /** Completes on a results thread: whatever the caller chained on (UI updates, pushes) runs there; awaited answers first. */
    private void deliver(Request r, Runnable completion) {
        completions.execute(r.preview() ? 1 : 0, completion);
    }

    /** Results computed but not yet handed back (for tests). */
    int waitingDeliveries() {
        return completions.waiting();
    }

    /**
     * The forward pass for {@code n} images: buffers for a power-of-two batch (1, 2, 4, ... maxBatch), made on first
     * use by the worker thread and kept, so a busy server allocates nothing per request.
     */
    private InputGradients passFor(int n) {
        int size = 1;
        while (size < n) size *= 2;
        size = Math.min(size, maxBatch);
        return passes.computeIfAbsent(size, b -> InputGradients.forwardOnly(weights, b));
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

    /** After {@link #close()}: its worker has ended, so nothing reads the network any more. */
    public boolean isStopped() {
        return !worker.isAlive();
    }
}
