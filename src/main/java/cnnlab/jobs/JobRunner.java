package cnnlab.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The shared pool that does the server's quick work so that UI threads never compute. Bounded in threads (the
 * machine has few cores and many users) and in queue length: past that, work is refused with a clear "busy" error
 * instead of queueing without end. Work that someone waits for ({@link Urgency#NOW}) goes before live previews
 * ({@link Urgency#LIVE}), and a live preview is refused while two per thread of this runner's jobs are unfinished
 * (queued, running, or still on their way through the network's batch and the threads that show results): those
 * later queues are where a busy server spends its time. Under load
 * the previews thin out, not the answers.
 */
public final class JobRunner implements AutoCloseable {
    /** How soon work is wanted; the pool runs them in this order (by ordinal). */
    public enum Urgency {
        /** Someone waits for the answer: a settled drawing, a sentence, a clip, an API call. */
        NOW,
        /** A preview of work in progress (a stroke being drawn): worth doing only when nothing else waits. */
        LIVE
    }

    private final PriorityPool pool;
    private final Foreground foreground;
    private final int threads, queueCapacity;
    /**
     * waiting: accepted, not yet started; held: accepted, and its thread not yet free again (what the capacity
     * bounds: counted here, not from the pool's active threads, which flicker while a new thread starts);
     * unfinished: accepted, result not yet complete.
     */
    private final AtomicInteger waiting = new AtomicInteger(), held = new AtomicInteger(), unfinished = new AtomicInteger();

    public JobRunner(int threads, int queueCapacity) {
        this(threads, queueCapacity, new Foreground());
    }

    /** {@code foreground} counts this runner's jobs from submission to completion (heavy jobs step aside for them). */
    public JobRunner(int threads, int queueCapacity, Foreground foreground) {
        this.foreground = foreground;
        this.threads = threads;
        this.queueCapacity = queueCapacity;
        pool = new PriorityPool(threads, "lab-job");
    }

    /** Runs {@code work} on the pool as {@link Urgency#NOW}; the future fails with RejectedExecutionException when the server is full. */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> work) {
        return submit(Urgency.NOW, work);
    }

    /**
     * Runs {@code work} on the pool, before any waiting work of a lower urgency; the future fails with
     * RejectedExecutionException when the server is full (for a live preview: when it is busy). Work whose
     * future was cancelled while it waited is skipped.
     */
    public <T> CompletableFuture<T> submit(Urgency urgency, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (urgency == Urgency.LIVE && !welcomesPreviews()) return refused(result, "the server is busy, try again in a moment");
        if (held.incrementAndGet() > queueCapacity + threads) {   // every thread busy and the queue full
            held.decrementAndGet();
            return refused(result, "the server is busy, try again in a moment");
        }
        waiting.incrementAndGet();
        unfinished.incrementAndGet();
        foreground.begin();
        result.whenComplete((v, x) -> {
            unfinished.decrementAndGet();
            foreground.end();
        });
        try {
            pool.execute(urgency.ordinal(), () -> {
                waiting.decrementAndGet();
                try {
                    if (result.isDone()) return;   // cancelled while it waited: its page has gone or moved on
                    work.get().whenComplete((v, x) -> {
                        if (x != null) result.completeExceptionally(x);
                        else result.complete(v);
                    });
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                } finally {
                    held.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {   // shut down
            waiting.decrementAndGet();
            held.decrementAndGet();
            result.completeExceptionally(new RejectedExecutionException("the server is shutting down"));
        }
        return result;
    }

    private static <T> CompletableFuture<T> refused(CompletableFuture<T> result, String why) {
        result.completeExceptionally(new RejectedExecutionException(why));
        return result;
    }

    /** Whether a live preview would be taken now: fewer than two jobs per thread are unfinished. */
    public boolean welcomesPreviews() {
        return unfinished.get() < 2 * threads;
    }

    /** Quick work waiting for a thread. */
    public int waiting() {
        return waiting.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
