package cnnlab.jobs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One tab's run on real {@link LongJobs} slots, driven by a counter that steps only when the test lets it. */
class LiveRunTest {
    /** Frames wanted as often as possible, or (practically) never between the first and the last. */
    private static final long EVERY_STEP = 0, ONCE_AN_HOUR = 3_600_000;

    /** Counts to {@code total}; each step takes a permit, so a test decides how far it gets (no sleeps, no clocks). */
    private static final class Counter implements Stepwise {
        final int total;
        final Semaphore permits = new Semaphore(0);
        /** The count each step started from: every number once, in order, if no step is lost or repeated. */
        final List<Integer> stepsFrom = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger closed = new AtomicInteger();
        volatile int count;
        volatile int failAt = -1;

        Counter(int total) {
            this.total = total;
        }

        @Override
        public boolean finished() {
            return count >= total;
        }

        @Override
        public void advance() {
            permits.acquireUninterruptibly();
            if (count == failAt) throw new IllegalStateException("step " + count + " failed");
            stepsFrom.add(count);
            count++;
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }

        /** Blocked in its next step, after {@code steps} done. */
        boolean waitingAfter(int steps) {
            return count == steps && permits.hasQueuedThreads();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("never happened: " + what);
            Thread.sleep(1);
        }
    }

    private static List<Integer> upTo(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void framesComeAtMostEveryIntervalButTheLastAlways() throws Exception {
        try (LongJobs jobs = new LongJobs(1, 4)) {
            Counter c = new Counter(1000);
            c.permits.release(1000);
            AtomicReference<Integer> finishedWith = new AtomicReference<>();
            LiveRun<Counter, Integer> run = new LiveRun<>(jobs, c, s -> s.count, ONCE_AN_HOUR, finishedWith::set);
            List<Integer> frames = new CopyOnWriteArrayList<>();
            run.start(frames::add).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(0, 1000), frames, "the start, then nothing until the end");
            assertEquals(1000, run.latest().orElseThrow());
            assertTrue(run.isFinished());
            assertEquals(1000, finishedWith.get(), "told the last frame before the job's future completed");

            Counter d = new Counter(5);
            d.permits.release(5);
            LiveRun<Counter, Integer> often = new LiveRun<>(jobs, d, s -> s.count, EVERY_STEP);
            List<Integer> all = new CopyOnWriteArrayList<>();
            often.start(all::add).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(0, 1, 2, 3, 4, 5), all, "a frame after every step, the last one once");
        }
    }

    @Test
    void stopKeepsTheStateAndStartResumesWithoutRepeatingOrLosingAStep() throws Exception {
        try (LongJobs jobs = new LongJobs(1, 4)) {
            Counter c = new Counter(20);
            AtomicReference<Integer> finishedWith = new AtomicReference<>();
            LiveRun<Counter, Integer> run = new LiveRun<>(jobs, c, s -> s.count, EVERY_STEP, finishedWith::set);
            List<Integer> frames = new CopyOnWriteArrayList<>();
            var first = run.start(frames::add);
            c.permits.release(5);
            await("five steps done, the sixth begun", () -> c.waitingAfter(5));
            assertTrue(run.isActive());
            run.stop();
            c.permits.release(1);   // the step in progress completes, then the job stops
            first.get(10, TimeUnit.SECONDS);
            assertFalse(run.isActive());
            assertFalse(run.isFinished());
            assertEquals(6, c.count);
            assertEquals(6, frames.get(frames.size() - 1), "the frame where it stopped is shown");
            assertEquals(6, run.latest().orElseThrow());
            assertEquals(1, c.closed.get(), "the stopped job freed its buffers");
            assertNull(finishedWith.get(), "a stopped run is not finished");

            int before = frames.size();
            c.permits.release(100);
            run.start(frames::add).get(10, TimeUnit.SECONDS);
            assertEquals(6, frames.get(before), "the resumed job starts where the first stopped");
            assertEquals(upTo(20), c.stepsFrom, "each step exactly once");
            assertTrue(run.isFinished());
            assertEquals(2, c.closed.get(), "closed again when the second job ended");
            assertEquals(20, finishedWith.get());
        }
    }

    @Test
    void aFinishedRunDoesNotStartAgain() throws Exception {
        try (LongJobs jobs = new LongJobs(1, 4)) {
            Counter c = new Counter(3);
            c.permits.release(100);
            AtomicInteger finishings = new AtomicInteger();
            LiveRun<Counter, Integer> run = new LiveRun<>(jobs, c, s -> s.count, EVERY_STEP, last -> finishings.incrementAndGet());
            run.start(f -> { }).get(10, TimeUnit.SECONDS);
            List<Integer> frames = new CopyOnWriteArrayList<>();
            var again = run.start(frames::add);
            assertTrue(again.isDone());
            again.get();
            assertEquals(List.of(), frames);
            assertEquals(upTo(3), c.stepsFrom);
            assertEquals(1, c.closed.get(), "no second job");
            assertEquals(1, finishings.get());
            assertFalse(run.isActive());
        }
    }

    @Test
    void aWaitingRunKnowsItsPlaceInTheQueue() throws Exception {
        try (LongJobs jobs = new LongJobs(1, 4)) {
            Counter a = new Counter(10), b = new Counter(1), c = new Counter(1);
            LiveRun<Counter, Integer> first = new LiveRun<>(jobs, a, s -> s.count, EVERY_STEP);
            LiveRun<Counter, Integer> second = new LiveRun<>(jobs, b, s -> s.count, EVERY_STEP);
            LiveRun<Counter, Integer> third = new LiveRun<>(jobs, c, s -> s.count, EVERY_STEP);
            var firstDone = first.start(f -> { });
            await("the first holds the only slot", () -> a.waitingAfter(0));
            var secondDone = second.start(f -> { });
            var thirdDone = third.start(f -> { });
            assertEquals(0, first.queuePosition(), "running");
            assertEquals(1, second.queuePosition());
            assertEquals(2, third.queuePosition());
            assertTrue(second.isActive(), "waiting counts as active: it can be stopped");

            second.stop();   // leaves the queue at once, without a job
            assertThrows(CancellationException.class, () -> secondDone.get(10, TimeUnit.SECONDS));
            assertFalse(second.isActive());
            assertEquals(0, second.queuePosition());
            assertEquals(0, b.closed.get(), "never ran, nothing to free");
            assertEquals(1, third.queuePosition());

            first.stop();
            a.permits.release(1);
            firstDone.get(10, TimeUnit.SECONDS);
            c.permits.release(1);
            thirdDone.get(10, TimeUnit.SECONDS);
            assertEquals(0, third.queuePosition());
            assertTrue(third.isFinished());
        }
    }

    @Test
    void aFailingStepFailsTheRunAndStillFreesItsState() throws Exception {
        try (LongJobs jobs = new LongJobs(1, 4)) {
            Counter c = new Counter(10);
            c.failAt = 3;
            c.permits.release(100);
            AtomicInteger finishings = new AtomicInteger();
            LiveRun<Counter, Integer> run = new LiveRun<>(jobs, c, s -> s.count, EVERY_STEP, last -> finishings.incrementAndGet());
            ExecutionException e = assertThrows(ExecutionException.class, () -> run.start(f -> { }).get(10, TimeUnit.SECONDS));
            assertEquals("step 3 failed", e.getCause().getMessage());
            assertEquals(1, c.closed.get());
            assertFalse(run.isActive());
            assertFalse(run.isFinished());
            assertEquals(0, finishings.get());
            assertEquals(3, run.latest().orElseThrow(), "the last frame before the failure stays");
            assertEquals(0, jobs.running(), "the slot is free again");
        }
    }
}
