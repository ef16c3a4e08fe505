package cnnlab.ui;

import cnnlab.jobs.JobRunner;
import cnnlab.jobs.SlowJob;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page's readings with real threads: a single "page" thread stands in for the UI thread, jobs are futures the test
 * completes from other threads (or a real job pool), and nothing waits on a clock except to fail a hung test.
 */
class NewestReadingTest {
    private final ExecutorService pageThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "page"));
    private final NewestReading<String> reading = new NewestReading<>(pageThread);
    /** What reached the page, and on which thread. */
    private final List<String> shown = new CopyOnWriteArrayList<>();
    private final List<Throwable> failed = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    /** The jobs sent, by name, as futures the test completes. */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<String>> jobs = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pageThread.shutdownNow();
    }

    /** A job that records being sent (checking that no other job is in flight then) and waits for the test. */
    private Supplier<CompletableFuture<String>> job(String name) {
        return () -> {
            assertTrue(jobs.stream().allMatch(CompletableFuture::isDone), "another reading was still in flight when " + name + " was sent");
            sent.add(name);
            CompletableFuture<String> f = new CompletableFuture<>();
            jobs.add(f);
            return f;
        };
    }

    private CompletableFuture<Void> request(String name) {
        return reading.request(job(name), r -> {
            threads.add(Thread.currentThread().getName());
            shown.add(r);
        }, e -> {
            threads.add(Thread.currentThread().getName());
            failed.add(e);
        });
    }

    /** Runs {@code action} on the page thread and waits for it, and for whatever the page thread had queued before. */
    private <T> T onPage(Supplier<T> action) throws Exception {
        return CompletableFuture.supplyAsync(action, pageThread).get(10, TimeUnit.SECONDS);
    }

    /** Completes job {@code index} from another thread (as a pool thread would), then lets the page catch up. */
    private void answer(int index, String value) throws Exception {
        CompletableFuture.runAsync(() -> jobs.get(index).complete(value)).get(10, TimeUnit.SECONDS);
        onPage(() -> null);
    }

    @Test
    void theNewestRequestWinsAndTheOnesBetweenAreNeverSent() throws Exception {
        List<CompletableFuture<Void>> over = onPage(() -> List.of(request("a"), request("b"), request("c")));
        assertEquals(List.of("a"), sent, "one reading in flight; the others wait");
        assertTrue(over.get(1).isDone(), "b was replaced by c before it was sent");
        assertFalse(over.get(2).isDone());

        answer(0, "reading of a");
        assertEquals(List.of(), shown, "a answers input that c has replaced: dropped");
        assertEquals(List.of("a", "c"), sent, "the newest waiting request goes next, b never");

        answer(1, "reading of c");
        assertEquals(List.of("reading of c"), shown);
        assertEquals(List.of("page"), threads, "shown on the page's thread");
        assertTrue(over.get(2).isDone());
        assertTrue(reading.idle());
    }

    @Test
    void aReadingWithNothingNewerWaitingIsShownAndTheNextRequestIsSentAtOnce() throws Exception {
        onPage(() -> request("a"));
        answer(0, "reading of a");
        assertEquals(List.of("reading of a"), shown);
        onPage(() -> request("b"));
        assertEquals(List.of("a", "b"), sent);
        answer(1, "reading of b");
        assertEquals(List.of("reading of a", "reading of b"), shown);
    }

    @Test
    void aRequestFromAnotherThreadIsSentThereAndShownOnThePage() throws Exception {
        AtomicReference<String> sentOn = new AtomicReference<>();
        CompletableFuture<Void> over = reading.request(() -> {
            sentOn.set(Thread.currentThread().getName());
            return CompletableFuture.supplyAsync(() -> "reading");
        }, r -> {
            threads.add(Thread.currentThread().getName());
            shown.add(r);
        }, failed::add);
        over.get(10, TimeUnit.SECONDS);
        onPage(() -> null);
        assertEquals(Thread.currentThread().getName(), sentOn.get(), "an upload's thread submits its own job");
        assertEquals(List.of("reading"), shown);
        assertEquals(List.of("page"), threads);
    }

    @Test
    void aFailureReachesThePageUnwrappedAndABusyPoolIsToldApart() throws Exception {
        onPage(() -> request("a"));
        IllegalStateException broken = new IllegalStateException("no model");
        CompletableFuture.runAsync(() -> jobs.get(0).completeExceptionally(new CompletionException(broken))).get(10, TimeUnit.SECONDS);
        onPage(() -> null);
        assertEquals(List.of(broken), failed);
        assertEquals(List.of("page"), threads);

        onPage(() -> request("b"));
        CompletableFuture.runAsync(() -> jobs.get(1).completeExceptionally(new RejectedExecutionException("full"))).get(10, TimeUnit.SECONDS);
        onPage(() -> null);
        assertEquals(2, failed.size());
        assertTrue(Failure.busy(failed.get(1)));
        assertEquals(List.of(), shown);
    }

    @Test
    void aJobThatCannotEvenBeSubmittedIsAFailureAndTheNextRequestStillRuns() throws Exception {
        IllegalArgumentException bad = new IllegalArgumentException("bad drawing");
        onPage(() -> reading.request(() -> {
            throw bad;
        }, shown::add, failed::add));
        onPage(() -> null);
        assertEquals(List.of(bad), failed);
        assertTrue(reading.idle());
        onPage(() -> request("b"));
        assertEquals(List.of("b"), sent);
    }

    @Test
    void cancelDropsTheWaitingRequestAndTheReadingInFlightButNotLaterOnes() throws Exception {
        List<CompletableFuture<Void>> over = onPage(() -> List.of(request("a"), request("b")));
        onPage(() -> {
            reading.cancel();
            return null;
        });
        assertTrue(jobs.get(0).isCancelled(), "a queued job is skipped by the pool once cancelled");
        assertTrue(over.get(0).isDone() && over.get(1).isDone(), "an upload waiting on either is released");
        answer(0, "too late");   // a job already running finishes anyway
        assertEquals(List.of(), shown);
        assertEquals(List.of(), failed, "a cancelled reading is not a failure to report");
        assertEquals(List.of("a"), sent, "b was never sent");
        assertTrue(reading.idle());

        onPage(() -> request("c"));
        answer(1, "reading of c");
        assertEquals(List.of("reading of c"), shown, "cancelling is not closing: the page reads on");
    }

    @Test
    void onARealPoolAJobCancelledWhileQueuedNeverRuns() throws Exception {
        try (JobRunner pool = new JobRunner(1, 8)) {
            CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
            CompletableFuture<Integer> blocker = pool.submit(SlowJob.of(started::countDown, release, 0));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            AtomicBoolean ran = new AtomicBoolean();
            CompletableFuture<Void> over = onPage(() -> reading.request(() -> pool.submit(() -> {
                ran.set(true);
                return CompletableFuture.completedFuture("read");
            }), shown::add, failed::add));
            onPage(() -> {
                reading.cancel();
                return null;
            });
            release.countDown();
            blocker.get(10, TimeUnit.SECONDS);
            over.get(10, TimeUnit.SECONDS);
            pool.submit(() -> CompletableFuture.completedFuture(1)).get(10, TimeUnit.SECONDS);   // the pool has moved past it
            onPage(() -> null);
            assertFalse(ran.get(), "the page had gone: its reading was skipped, not computed");
            assertEquals(List.of(), shown);
            assertEquals(List.of(), failed);
        }
    }

    @Test
    void onAPageResultsReachItsUiAndDetachingCancels() {
        MockVaadin.setup();
        try {
            Div page = new Div();
            UI.getCurrent().add(page);
            NewestReading<String> onPage = NewestReading.on(page);
            List<String> seen = new ArrayList<>();
            onPage.request(() -> CompletableFuture.supplyAsync(() -> "reading"), r -> {
                assertSame(UI.getCurrent(), page.getUI().orElseThrow(), "run inside the page's UI");
                seen.add(r);
            }, e -> seen.add("failed: " + e));
            UiQueue.await("the reading", 10, () -> !seen.isEmpty());
            assertEquals(List.of("reading"), seen);

            CompletableFuture<String> pending = new CompletableFuture<>();
            onPage.request(() -> pending, seen::add, e -> seen.add("failed: " + e));
            UI.getCurrent().remove(page);
            assertTrue(pending.isCancelled(), "a page that leaves cancels its reading");
            assertTrue(onPage.idle());
            MockVaadin.runUIQueue();
            assertEquals(List.of("reading"), seen, "and nothing reaches it afterwards");
        } finally {
            MockVaadin.tearDown();
        }
    }

    @Test
    void aRefusedJobIsReportedAsBusy() throws Exception {
        onPage(() -> reading.request(() -> CompletableFuture.failedFuture(new RejectedExecutionException("the server is busy")),
                shown::add, failed::add));
        onPage(() -> null);
        assertEquals(1, failed.size());
        assertInstanceOf(RejectedExecutionException.class, failed.get(0));
    }
}
