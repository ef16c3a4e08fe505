package cnnlab.jobs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
                all.add(jobs.submit(SlowJob.of(() -> { }, release, 1)));
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
        jobs.submit(SlowJob.of(running::countDown, release, 0));
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

    /** Whom the fair runners of the tests below think is submitting, and the owners of their jobs in the order they ran. */
    private final AtomicReference<String> who = new AtomicReference<>();
    private final List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A job of {@code owner} that counts down {@code started}, records its owner in {@link #ran} and blocks until {@code release}. */
    private CompletableFuture<Integer> slow(JobRunner jobs, String owner, int cost, CountDownLatch started, CountDownLatch release) {
        who.set(owner);
        return jobs.submit(JobRunner.Urgency.NOW, cost, SlowJob.of(() -> {
            ran.add(owner);
            started.countDown();
        }, release, cost));
    }

    @Test
    void oneOwnerFloodingTheRunnerLeavesAThreadForAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1), started = new CountDownLatch(1);
        try (JobRunner jobs = new JobRunner(2, 16, 100, who::get, new Foreground())) {
            for (int i = 0; i < 6; i++) slow(jobs, "flood", 1, started, release);
            assertTrue(started.await(5, TimeUnit.SECONDS));
            CountDownLatch student = new CountDownLatch(1);
            CompletableFuture<Integer> reading = slow(jobs, "student", 1, student, new CountDownLatch(0));
            // the flood's jobs are all still blocked: the student's reading ran on the thread left free
            assertTrue(student.await(5, TimeUnit.SECONDS), "the student's job started while the flood held its thread; ran: " + ran);
            assertEquals(1, reading.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("flood", "student"), ran);
            release.countDown();
        }
    }

    @Test
    void whenAThreadFreesTheOwnerServedLongestAgoGoesNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1), started = new CountDownLatch(1);
        try (JobRunner jobs = new JobRunner(1, 16, 100, who::get, new Foreground())) {
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) all.add(slow(jobs, "flood", 1, started, release));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            all.add(slow(jobs, "student", 1, new CountDownLatch(1), release));
            release.countDown();
            for (CompletableFuture<Integer> f : all) f.get(5, TimeUnit.SECONDS);
            assertEquals(List.of("flood", "student", "flood", "flood", "flood"), ran);
        }
    }

    @Test
    void anOwnerPastItsBudgetIsRefusedWhileAnotherIsServed() throws Exception {
        CountDownLatch release = new CountDownLatch(1), started = new CountDownLatch(1);
        try (JobRunner jobs = new JobRunner(2, 64, 8, who::get, new Foreground())) {
            CompletableFuture<Integer> first = slow(jobs, "flood", 5, started, release);
            assertTrue(started.await(5, TimeUnit.SECONDS));
            CompletableFuture<Integer> second = slow(jobs, "flood", 3, new CountDownLatch(1), release);   // 8 in flight: taken
            CompletableFuture<Integer> third = slow(jobs, "flood", 1, new CountDownLatch(1), release);    // 9: refused
            ExecutionException e = assertThrows(ExecutionException.class, () -> third.get(5, TimeUnit.SECONDS));
            assertInstanceOf(RejectedExecutionException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("your earlier requests"), e.getCause().getMessage());

            // another owner is served meanwhile, even with one job dearer than the whole budget
            assertEquals(20, slow(jobs, "student", 20, new CountDownLatch(1), new CountDownLatch(0)).get(5, TimeUnit.SECONDS));

            second.cancel(false);   // cancelled while it waited: its units are free again
            CompletableFuture<Integer> again = slow(jobs, "flood", 3, new CountDownLatch(1), release);
            release.countDown();
            assertEquals(5, first.get(5, TimeUnit.SECONDS));
            assertEquals(3, again.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("flood", "student", "flood"), ran, "the cancelled job never ran");
        }
    }
}
