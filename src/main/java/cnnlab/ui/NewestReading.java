package cnnlab.ui;

import com.vaadin.flow.component.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A page's reading of input that keeps changing (a stroke, a sentence, a clip, a position), where only the newest
 * input matters. The page asks here instead of submitting to the job pool itself:
 * <ul>
 * <li>at most one of its readings is in flight; a request made meanwhile waits, and a newer request replaces the
 * waiting one, which is never sent;</li>
 * <li>a reading that comes back while a newer request waits is dropped, and the waiting one is sent; a reading in
 * flight when the page {@link #cancel cancels} (it detaches, or its input became unreadable) is dropped too;</li>
 * <li>results and failures reach the page on its UI thread, a failure unwrapped by {@link Failure#cause}: the page
 * tells a busy server ({@link Failure#busy}) and a problem with the input from the unexpected, which it reports
 * under a {@link Failure#logged} reference. A cancelled reading is never reported.</li>
 * </ul>
 * Why the newest request waits rather than cancelling the reading in flight: the pool cannot stop a job that has
 * started (a forward pass is not interruptible), so cancelling would only hide its result while it keeps its thread,
 * and every keystroke or stroke would add a job beside it; the pool's queue would then grow with how fast students
 * type, not with how many there are. Waiting costs the newest input at most one reading (milliseconds). Why a reading
 * that something newer waits behind is dropped, not shown: it answers input the student has already changed, and on
 * the Go page it would even have the network answer a position that is no longer on the board.
 * <p>
 * Requests may come from any thread (an upload's request thread too); the job is submitted on the requesting thread,
 * or for a waiting request on the page's UI thread, so the pool charges it to the page's session either way.
 */
public final class NewestReading<R> {
    private final Executor page;
    /** Guarded by this: the request whose job was sent and is not yet settled on the page, and the one waiting. */
    private Request<R> inFlight, waiting;

    /** {@code page} runs the page's work on its UI thread, later. */
    public NewestReading(Executor page) {
        this.page = page;
    }

    /** Readings for {@code page}: results reach its UI, and whatever is in flight or waiting is cancelled when it detaches. */
    public static <R> NewestReading<R> on(Component page) {
        NewestReading<R> reading = new NewestReading<>(UiAccess.on(page));
        page.addDetachListener(e -> reading.cancel());
        return reading;
    }

    /**
     * Reads the newest input: {@code job} submits it (to the job pool, through the service that owns it) now if no
     * reading is in flight, else once the one in flight is back, unless a newer request replaces this one first. Its
     * result goes to {@code shown}, its failure to {@code failed}, on the page's thread, only if nothing newer was
     * requested meanwhile.
     *
     * @return completes once this request's job is over (answered, failed or cancelled) or it was replaced unsent
     */
    public CompletableFuture<Void> request(Supplier<CompletableFuture<R>> job, Consumer<? super R> shown, Consumer<Throwable> failed) {
        Request<R> r = new Request<>(job, shown, failed);
        Request<R> replaced;
        boolean now;
        synchronized (this) {
            now = inFlight == null;
            replaced = waiting;
            if (now) {
                inFlight = r;
                waiting = null;
            } else {
                waiting = r;
            }
        }
        if (replaced != null) replaced.over.complete(null);
        if (now) send(r);
        return r.over;
    }

    /** Forgets the waiting request and cancels the reading in flight: a job still queued is skipped, one running is ignored. */
    public void cancel() {
        Request<R> dropped;
        CompletableFuture<R> stopped;
        synchronized (this) {
            stopped = inFlight == null ? null : inFlight.sent;   // null while being sent: send() cancels it then
            dropped = waiting;
            inFlight = waiting = null;
        }
        if (dropped != null) dropped.over.complete(null);
        if (stopped != null) stopped.cancel(false);
    }

    /** Nothing in flight and nothing waiting: every reading asked for has been shown, reported or dropped. */
    public synchronized boolean idle() {
        return inFlight == null && waiting == null;
    }

    private void send(Request<R> r) {
        CompletableFuture<R> job;
        try {
            job = r.job.get();
        } catch (RuntimeException e) {
            job = CompletableFuture.failedFuture(e);
        }
        job.whenComplete((v, x) -> r.over.complete(null));
        boolean cancelled;
        synchronized (this) {
            r.sent = job;
            cancelled = inFlight != r;   // cancelled while the job was being submitted
        }
        if (cancelled) job.cancel(false);
        job.whenComplete((result, error) -> page.execute(() -> back(r, result, error)));
    }

    /** On the page's thread: {@code r}'s job is back. */
    private void back(Request<R> r, R result, Throwable error) {
        Request<R> next;
        synchronized (this) {
            if (inFlight != r) return;   // cancelled
            next = waiting;
            inFlight = next;
            waiting = null;
        }
        if (next != null) send(next);   // the newer input wins; this reading is dropped
        else if (error == null) r.shown.accept(result);
        else r.failed.accept(Failure.cause(error));
    }

    /** One request: how to submit its job and what to do with the answer; {@code sent} is its job once submitted. */
    private static final class Request<R> {
        final Supplier<CompletableFuture<R>> job;
        final Consumer<? super R> shown;
        final Consumer<Throwable> failed;
        final CompletableFuture<Void> over = new CompletableFuture<>();
        CompletableFuture<R> sent;   // guarded by the NewestReading

        Request(Supplier<CompletableFuture<R>> job, Consumer<? super R> shown, Consumer<Throwable> failed) {
            this.job = job;
            this.shown = shown;
            this.failed = failed;
        }
    }
}
