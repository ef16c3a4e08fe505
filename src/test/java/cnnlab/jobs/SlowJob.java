package cnnlab.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** Fake slow work for the job pools' tests: it says it started, then blocks until released (no sleeps, no clocks). */
public final class SlowJob {
    private SlowJob() { }

    /** Work that runs {@code onStart}, waits for {@code release} and answers {@code value}. */
    public static <T> Supplier<CompletableFuture<T>> of(Runnable onStart, CountDownLatch release, T value) {
        return () -> {
            onStart.run();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // the runner is closing
            }
            return CompletableFuture.completedFuture(value);
        };
    }
}
