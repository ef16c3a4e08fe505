package cnnlab.jobs;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heavy jobs step aside while quick work submitted to the job runner is in flight, and only then. */
class ForegroundTest {
    @Test
    void quickWorkCountsFromSubmissionToCompletion() throws Exception {
        Foreground foreground = new Foreground();
        try (JobRunner runner = new JobRunner(1, 8, foreground)) {
            CompletableFuture<String> reading = new CompletableFuture<>();
            CompletableFuture<String> done = runner.submit(() -> reading);   // e.g. waiting for the inference queue
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (foreground.inFlight() != 1 && System.nanoTime() < deadline) Thread.sleep(1);
            assertEquals(1, foreground.inFlight());

            CountDownLatch aside = new CountDownLatch(1);
            Thread heavy = new Thread(() -> {
                try {
                    foreground.stepAside(60_000);
                    aside.countDown();
                } catch (InterruptedException ignored) {
                    // test over
                }
            });
            heavy.start();
            assertFalse(aside.await(200, TimeUnit.MILLISECONDS), "the heavy job waits while the reading is in flight");
            reading.complete("It's a 1");
            assertEquals("It's a 1", done.get(5, TimeUnit.SECONDS));
            assertTrue(aside.await(5, TimeUnit.SECONDS), "and goes on once it is done");
            assertEquals(0, foreground.inFlight());
        }
    }

    @Test
    void theWaitIsBoundedSoHeavyJobsStillAdvance() throws Exception {
        Foreground foreground = new Foreground();
        foreground.begin();   // quick work that never ends
        long t0 = System.nanoTime();
        foreground.stepAside(50);
        assertTrue(System.nanoTime() - t0 >= 45_000_000L, "waited about the bound");
        foreground.end();
        t0 = System.nanoTime();
        foreground.stepAside(10_000);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "no quick work: no wait");
    }
}
