package cnnlab.jobs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobRunnerTest {
    @Test
    void runsWorkOffTheCallersThread() throws Exception {
        try (JobRunner jobs = new JobRunner(2, 4)) {
            String caller = Thread.currentThread().getName();
            String worker = jobs.submit(() -> CompletableFuture.completedFuture(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
            assertFalse(worker.equals(caller));
            assertTrue(worker.startsWith("lab-job-"));
        }
    }

    @Test
    void aFullQueueRefusesWithABusyMessage() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (JobRunner jobs = new JobRunner(1, 2)) {
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                all.add(jobs.submit(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return CompletableFuture.completedFuture(1);
                }));
            }
            // one running + two queued fit; the other two are refused at once
            ExecutionException e = assertThrows(ExecutionException.class, () -> all.get(4).get(1, TimeUnit.SECONDS));
            assertInstanceOf(RejectedExecutionException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("busy"));
            release.countDown();
            assertEquals(1, all.get(0).get(5, TimeUnit.SECONDS));
        }
    }

    /** Blocks the runner's only thread until {@code release} opens; returns once the blocker runs. */
    private static void occupy(JobRunner jobs, CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        jobs.submit(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.completedFuture(0);
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
    }

    @Test
    void workSomeoneWaitsForGoesBeforeLivePreviews() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (JobRunner jobs = new JobRunner(1, 8)) {
            occupy(jobs, release);
            List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> live = jobs.submit(JobRunner.Urgency.LIVE, () -> {
                order.add("live");
                return CompletableFuture.completedFuture(null);
            });
            CompletableFuture<Void> now = jobs.submit(JobRunner.Urgency.NOW, () -> {
                order.add("now");
                return CompletableFuture.completedFuture(null);
            });
            release.countDown();
            CompletableFuture.allOf(live, now).get(5, TimeUnit.SECONDS);
            assertEquals(List.of("now", "live"), order);
        }
    }

    @Test
    void aLivePreviewIsRefusedBehindAQueueButAnAnswerIsNot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (JobRunner jobs = new JobRunner(1, 8)) {
            occupy(jobs, release);
            jobs.submit(() -> CompletableFuture.completedFuture(1));   // one waits: the short queue of a one-thread runner
            CompletableFuture<Integer> live = jobs.submit(JobRunner.Urgency.LIVE, () -> CompletableFuture.completedFuture(2));
            CompletableFuture<Integer> answer = jobs.submit(() -> CompletableFuture.completedFuture(3));
            ExecutionException e = assertThrows(ExecutionException.class, () -> live.get(1, TimeUnit.SECONDS));
            assertInstanceOf(RejectedExecutionException.class, e.getCause());
            assertEquals(2, jobs.waiting());
            release.countDown();
            assertEquals(3, answer.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void workCancelledWhileWaitingNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (JobRunner jobs = new JobRunner(1, 8)) {
            occupy(jobs, release);
            java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
            CompletableFuture<Integer> gone = jobs.submit(() -> {
                ran.set(true);
                return CompletableFuture.completedFuture(1);
            });
            gone.cancel(false);
            CompletableFuture<Integer> after = jobs.submit(() -> CompletableFuture.completedFuture(2));
            release.countDown();
            assertEquals(2, after.get(5, TimeUnit.SECONDS));
            assertFalse(ran.get());
            assertEquals(0, jobs.waiting());
        }
    }
}
