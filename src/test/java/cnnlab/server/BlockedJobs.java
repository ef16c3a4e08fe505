package cnnlab.server;

import cnnlab.Lab;
import cnnlab.jobs.JobRunner;
import cnnlab.jobs.SlowJob;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fake slow jobs on the running lab's quick-job pool, submitted as the API client at an address: they block until
 * closed, so another client's request meets the pool exactly as a flood left it, however fast the machine.
 */
final class BlockedJobs implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<CompletableFuture<Integer>> jobs = new ArrayList<>();

    /** {@code count} jobs of {@code cost} units each from {@code address}; returns once the first one runs. */
    BlockedJobs(String address, int count, int cost) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        JobRunner runner = Lab.current().jobs();
        ApiClient.serving(address, () -> {
            for (int i = 0; i < count; i++) {
                jobs.add(runner.submit(JobRunner.Urgency.NOW, cost, SlowJob.of(started::countDown, release, cost)));
            }
            return null;
        });
        if (!started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the blocked jobs never started");
    }

    /** Releases the jobs and waits until each has finished (or was refused). */
    @Override
    public void close() throws Exception {
        release.countDown();
        for (CompletableFuture<Integer> f : jobs) f.handle((v, x) -> v).get(10, TimeUnit.SECONDS);
    }
}
