package cnnlab.jobs;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
            d.done().handle((v, x) -> null).get(5, TimeUnit.SECONDS);   // cancelled in its slot, before or while it ran
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

    @Test
    void aSecondStudentGoesBeforeTheFirstStudentsOtherTabs() throws Exception {
        AtomicReference<String> who = new AtomicReference<>("ann");
        try (LongJobs jobs = new LongJobs(1, 8, 4, who::get)) {
            CountDownLatch started = new CountDownLatch(1);
            LongJobs.Ticket a1 = jobs.start(untilCancelled(started));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            LongJobs.Ticket a2 = jobs.start(untilCancelled(new CountDownLatch(1)));
            LongJobs.Ticket a3 = jobs.start(untilCancelled(new CountDownLatch(1)));
            who.set("ben");
            CountDownLatch benStarted = new CountDownLatch(1);
            LongJobs.Ticket b1 = jobs.start(untilCancelled(benStarted));

            assertEquals(1, b1.position(), "ben arrived last but has nothing running");
            assertEquals(2, a2.position());
            assertEquals(3, a3.position());
            assertEquals(List.of(a1, b1, a2, a3), jobs.tickets());
            assertEquals("ben", b1.owner());

            a1.cancel();   // the slot goes to ben, not to ann's next tab
            assertTrue(benStarted.await(5, TimeUnit.SECONDS));
            assertEquals(0, b1.position());
            assertEquals(1, a2.position());
            for (LongJobs.Ticket t : List.of(a2, a3, b1)) t.cancel();
            b1.done().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void oneOwnerCanKeepOnlyAFewJobsWaiting() throws Exception {
        AtomicReference<String> who = new AtomicReference<>("ann");
        try (LongJobs jobs = new LongJobs(1, 8, 2, who::get)) {
            CountDownLatch started = new CountDownLatch(1);
            LongJobs.Ticket running = jobs.start(untilCancelled(started));
            started.await(5, TimeUnit.SECONDS);
            jobs.start(untilCancelled(new CountDownLatch(1)));
            jobs.start(untilCancelled(new CountDownLatch(1)));
            RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> jobs.start(t -> { }));
            assertTrue(e.getMessage().contains("already have 2 jobs waiting"), e.getMessage());
            who.set("ben");
            LongJobs.Ticket ben = jobs.start(t -> { });   // others are not refused because of ann
            assertEquals(1, ben.position());
            running.cancel();
            ben.done().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingEndsWaitingJobsAndAsksRunningOnesToStop() throws Exception {
        LongJobs jobs = new LongJobs(1, 4);
        CountDownLatch started = new CountDownLatch(1);
        LongJobs.Ticket running = jobs.start(untilCancelled(started));
        started.await(5, TimeUnit.SECONDS);
        LongJobs.Ticket queued = jobs.start(untilCancelled(new CountDownLatch(1)));
        jobs.close();
        assertThrows(CancellationException.class, () -> queued.done().get(1, TimeUnit.SECONDS));
        assertTrue(running.cancelled());
        assertThrows(RejectedExecutionException.class, () -> jobs.start(t -> { }));
    }

    @Test
    void aJobThatRunsOutOfMemoryFailsAloneAndTheOtherSessionsJobCarriesOn() throws Exception {
        AtomicReference<String> who = new AtomicReference<>("ann");
        try (LongJobs jobs = new LongJobs(2, 8, 4, who::get)) {
            CountDownLatch benStarted = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger benSteps = new java.util.concurrent.atomic.AtomicInteger();
            who.set("ben");
            LongJobs.Ticket ben = jobs.start(t -> {
                benStarted.countDown();
                while (!t.cancelled()) {
                    benSteps.incrementAndGet();
                    Thread.sleep(2);
                }
            });
            assertTrue(benStarted.await(5, TimeUnit.SECONDS));
            who.set("ann");
            LongJobs.Ticket greedy = jobs.start(t -> {
                long[][] hoard = new long[1 << 16][];
                for (int i = 0; i < hoard.length; i++) hoard[i] = new long[1 << 20];   // 512 GB: the heap gives out first
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> greedy.done().get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof OutOfMemoryError, String.valueOf(e.getCause()));
            int before = benSteps.get();
            Thread.sleep(50);
            assertTrue(benSteps.get() > before, "ben's job still steps");
            assertEquals(1, jobs.running(), "ann's slot is free again");
            jobs.start(t -> { }).done().get(5, TimeUnit.SECONDS);   // and usable
            ben.cancel();
            ben.done().get(5, TimeUnit.SECONDS);
        }
    }
}
