package cnnlab.jobs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The shared pool that does the server's work so that UI threads never compute. Bounded in threads (the
 * machine has few cores and many users) and in queue length: past that, a job is refused with a clear
 * "busy" error instead of queueing without end.
 */
public final class JobRunner implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final Foreground foreground;

    public JobRunner(int threads, int queueCapacity) {
        this(threads, queueCapacity, new Foreground());
    }

    /** {@code foreground} counts this runner's jobs from submission to completion (heavy jobs step aside for them). */
    public JobRunner(int threads, int queueCapacity, Foreground foreground) {
        this.foreground = foreground;
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
            Thread t = new Thread(r, "lab-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} on the pool; the future fails with RejectedExecutionException when the server is full. */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> work) {
        foreground.begin();
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(work, pool).thenCompose(f -> f);
        } catch (RejectedExecutionException e) {
            result = CompletableFuture.failedFuture(new RejectedExecutionException("the server is busy, try again in a moment"));
        }
        return result.whenComplete((v, x) -> foreground.end());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
