package cnnlab.jobs;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongJobsTest {
    /** A job that runs until cancelled, counting down when it has started. */
    private static LongJobs.Job untilCancelled(CountDownLatch started) {
        return t -> {
            started.countDown();
            while (!t.cancelled()) Thread.sleep(5);
        };
    }

    @Test
    void onlySlotsManyRunTheRestQueueInOrder() throws Exception {
        try (LongJobs jobs = new LongJobs(2, 8)) {
            CountDownLatch started = new CountDownLatch(2);
            LongJobs.Ticket a = jobs.start(untilCancelled(started)), b = jobs.start(untilCancelled(started));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            LongJobs.Ticket c = jobs.start(untilCancelled(new CountDownLatch(1))), d = jobs.start(untilCancelled(new CountDownLatch(1)));
            assertEquals(2, jobs.running());
            assertEquals(2, jobs.waiting());
            assertEquals(0, a.position());
            assertEquals(1, c.position());
            assertEquals(2, d.position());

            c.cancel();   // leaves the queue at once
            assertThrows(CancellationException.class, () -> c.done().get(1, TimeUnit.SECONDS));
            assertEquals(1, d.position());

            a.cancel();   // a running job stops at its next check, and d moves up into the slot
            a.done().get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (d.position() != 0 && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals(0, d.position());
            b.cancel();
            d.cancel();
            b.done().get(5, TimeUnit.SECONDS);
            d.done().get(5, TimeUnit.SECONDS);
            assertEquals(0, jobs.running());
        }
    }

    @Test
    void aFullQueueSaysBusy() throws Exception {
        try (LongJobs jobs = new LongJobs(1, 1)) {
            CountDownLatch started = new CountDownLatch(1);
            LongJobs.Ticket a = jobs.start(untilCancelled(started));
            started.await(5, TimeUnit.SECONDS);
            LongJobs.Ticket b = jobs.start(untilCancelled(new CountDownLatch(1)));
            RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> jobs.start(t -> { }));
            assertTrue(e.getMessage().contains("busy"));
            a.cancel();
            b.cancel();
        }
    }

    @Test
    void aFailingJobReportsItsErrorAndFreesItsSlot() throws Exception {
        try (LongJobs jobs = new LongJobs(1, 4)) {
            LongJobs.Ticket bad = jobs.start(t -> {
                throw new IllegalStateException("boom");
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.done().get(5, TimeUnit.SECONDS));
            assertEquals("boom", e.getCause().getMessage());
            jobs.start(t -> { }).done().get(5, TimeUnit.SECONDS);
            assertEquals(0, jobs.running());
        }
    }
}
