package cnnlab.jobs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One browser tab's long computation on the server's {@link LongJobs} slots: it steps until finished or stopped, and hands frames to the page at most every {@code frameInterval} (always the last).
 * A stopped run keeps its state and resumes where it was. The computation's buffers are freed whenever a job ends.
 *
 * @param <S> the computation (a feature visualisation, a dream, a style transfer)
 * @param <F> what one frame shows; made on the job's thread, so it must not share mutable state with the computation
 */
public final class LiveRun<S extends Stepwise, F> {
    private final LongJobs jobs;
    private final Function<S, F> frame;
    private final long frameIntervalNanos;
    private final Consumer<F> onFinished;
    /** Held by the job for its whole run: a resumed job waits for a stopping one to finish its step. */
    private final Object stepping = new Object();
    private final S state;
    private volatile F latest;
    private volatile boolean finished;
    private volatile LongJobs.Ticket ticket;

    public LiveRun(LongJobs jobs, S state, Function<S, F> frame, long frameIntervalMillis) {
        this(jobs, state, frame, frameIntervalMillis, last -> { });
    }

    /**
     * @param onFinished given the last frame once the computation has finished, on the job's thread before the job's
     *                   future completes: the features page keeps finished renders for the next student, whichever
     *                   tab (or none) is still watching
     */
    public LiveRun(LongJobs jobs, S state, Function<S, F> frame, long frameIntervalMillis, Consumer<F> onFinished) {
        this.jobs = jobs;
        this.state = state;
        this.frame = frame;
        this.frameIntervalNanos = frameIntervalMillis * 1_000_000L;
        this.onFinished = onFinished;
    }

    /**
     * Starts (or resumes) on the server's slots; {@code frames} is called on the job's thread. Throws
     * RejectedExecutionException when the server's queue is full. The future completes when the job ends.
     */
    public synchronized CompletableFuture<Void> start(Consumer<F> frames) {
        if (isActive()) throw new IllegalStateException("already running");
        if (finished) return CompletableFuture.completedFuture(null);
        LongJobs.Ticket t = jobs.start(state.what(), job -> run(job, frames));
        ticket = t;
        return t.done();
    }

    private void run(LongJobs.Ticket job, Consumer<F> frames) {
        synchronized (stepping) {
            if (job.cancelled()) return;
            try {
                emit(frames);
                long last = System.nanoTime();
                while (!state.finished() && !job.cancelled()) {
                    job.stepAside();   // a student's quick reading goes first
                    state.advance();
                    long now = System.nanoTime();
                    if (now - last >= frameIntervalNanos && !state.finished()) {
                        emit(frames);
                        last = now;
                    }
                }
                finished = state.finished();
                emit(frames);
            } finally {
                state.close();
            }
            if (finished) onFinished.accept(latest);
        }
    }

    private void emit(Consumer<F> frames) {
        F f = frame.apply(state);
        latest = f;
        frames.accept(f);
    }

    /** Asks the running job to stop after its current step; the state stays for {@link #start} to resume. */
    public void stop() {
        LongJobs.Ticket t = ticket;
        if (t != null) t.cancel();
    }

    /** Running or waiting for a slot. */
    public boolean isActive() {
        LongJobs.Ticket t = ticket;
        return t != null && !t.done().isDone();
    }

    /** 0 when running (or not queued), else the place in the server's queue. */
    public int queuePosition() {
        LongJobs.Ticket t = ticket;
        return t == null || t.done().isDone() ? 0 : t.position();
    }

    /** The computation, for what only it knows (a dream's film); it may be stepping on another thread. */
    public S state() {
        return state;
    }

    public boolean isFinished() {
        return finished;
    }

    public Optional<F> latest() {
        return Optional.ofNullable(latest);
    }
}
