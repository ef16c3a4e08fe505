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
}
