package cnnlab.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The shared pool that does the server's quick work so that UI threads never compute. Bounded in threads (the
 * machine has few cores and many users) and in queue length: past that, work is refused with a clear "busy" error
 * instead of queueing without end. Work that someone waits for ({@link Urgency#NOW}) goes before live previews
 * ({@link Urgency#LIVE}), and a live preview is refused while two per thread of this runner's jobs are unfinished
 * (queued, running, or still on their way through the network's batch and the threads that show results): those
 * later queues are where a busy server spends its time. Under load the previews thin out, not the answers.
 * <p>
 * Fair across owners, as {@link LongJobs} is for heavy jobs (issue 19: four big WAVs from one client moved another
 * student's sentence from 16 ms to 6 s):
 * <ul>
 * <li>An owner is whoever the work is for, named by the supplier given here on the submitting thread: a browser
 * session, or for an API call the client's address (a script can make new sessions at will, not new addresses;
 * students behind one NAT share their API share, as they share the API's rate limit).</li>
 * <li>One owner holds at most all threads but one (at least one). Jobs are not pre-empted, so with two threads one
 * owner on both while others wait is exactly the attack; the price is that a lone student's jobs run one at a time,
 * which work of milliseconds does not feel.</li>
 * <li>When a thread frees, the next job is the most urgent, then the one whose owner holds the fewest threads, then
 * the one whose owner was served longest ago (never first), then the earliest: owners take turns.</li>
 * <li>A job has a cost, in units of a quick reading (a drawing, a sentence, a 1 s clip); a long high-rate WAV costs
 * several. An owner may have at most {@code costPerOwner} accepted and not yet done: past that it is refused with a
 * message saying that its own earlier work is the reason, while other owners are still served. An owner with
 * nothing in flight is always taken, so a job dearer than the budget runs, alone.</li>
 * </ul>
 */
public final class JobRunner implements AutoCloseable {
    /** How soon work is wanted; the pool runs them in this order (by ordinal). */
    public enum Urgency {
        /** Someone waits for the answer: a settled drawing, a sentence, a clip, an API call. */
        NOW,
        /** A preview of work in progress (a stroke being drawn): worth doing only when nothing else waits. */
        LIVE
    }

    private static final String BUSY = "the server is busy, try again in a moment";
    private static final String OWN_BACKLOG = "the server is still working on your earlier requests; wait for their answers before sending more";

    private final ThreadPoolExecutor workers;
    private final Foreground foreground;
    private final int threads, queueCapacity, threadsPerOwner, costPerOwner;
    private final Supplier<String> currentOwner;
    /**
     * Guarded by this: accepted jobs not yet handed to a thread, in arrival order; threads handed a job and not yet
     * free again (with the waiting jobs, what the capacity bounds: counted here, not from the pool's active threads,
     * which flicker while a new thread starts); the owners with jobs here.
     */
    private final List<Job> waiting = new ArrayList<>();
    private int busy;
    private final Map<String, Owner> owners = new HashMap<>();
    private long turns;
    private boolean closed;
    /** Accepted, result not yet complete (previews are refused while many are). */
    private final AtomicInteger unfinished = new AtomicInteger();
    private final AtomicLong arrivals = new AtomicLong();

    /** One owner for every job (tests, tools): all threads, no budget. */
    public JobRunner(int threads, int queueCapacity) {
        this(threads, queueCapacity, new Foreground());
    }

    /** One owner for every job; {@code foreground} counts its jobs from submission to completion (heavy jobs step aside for them). */
    public JobRunner(int threads, int queueCapacity, Foreground foreground) {
        this(threads, queueCapacity, threads, Integer.MAX_VALUE, () -> "anyone", foreground);
    }

    /**
     * Fair across the owners that {@code currentOwner} names (called on the submitting thread): each holds at most
     * all threads but one, and has at most {@code costPerOwner} units in flight.
     */
    public JobRunner(int threads, int queueCapacity, int costPerOwner, Supplier<String> currentOwner, Foreground foreground) {
        this(threads, queueCapacity, Math.max(1, threads - 1), costPerOwner, currentOwner, foreground);
    }

    private JobRunner(int threads, int queueCapacity, int threadsPerOwner, int costPerOwner, Supplier<String> currentOwner, Foreground foreground) {
        if (threads < 1 || queueCapacity < 0 || costPerOwner < 1) throw new IllegalArgumentException("threads and costPerOwner must be positive");
        this.threads = threads;
        this.queueCapacity = queueCapacity;
        this.threadsPerOwner = threadsPerOwner;
        this.costPerOwner = costPerOwner;
        this.currentOwner = currentOwner;
        this.foreground = foreground;
        // jobs are handed over only when a thread is free, so this queue holds at most a hand-over in progress
        workers = DaemonThreads.pool(threads, "lab-job", new LinkedBlockingQueue<>());
    }

    /** Runs {@code work} on the pool as {@link Urgency#NOW}; the future fails with RejectedExecutionException when the server is full. */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> work) {
        return submit(Urgency.NOW, work);
    }

    /** As {@link #submit(Urgency, int, Supplier)} for work of one unit. */
    public <T> CompletableFuture<T> submit(Urgency urgency, Supplier<CompletableFuture<T>> work) {
        return submit(urgency, 1, work);
    }

    /**
     * Runs {@code work} on the pool, before any waiting work of a lower urgency; the future fails with
     * RejectedExecutionException when the server is full (for a live preview: when it is busy), or when the current
     * owner already has work of {@code costPerOwner} units in flight. Work whose future was cancelled while it waited
     * is skipped.
     *
     * @param cost in units of a quick reading (at least 1)
     */
    public <T> CompletableFuture<T> submit(Urgency urgency, int cost, Supplier<CompletableFuture<T>> work) {
        if (cost < 1) throw new IllegalArgumentException("cost must be at least 1");
        String owner = String.valueOf(currentOwner.get());
        CompletableFuture<T> result = new CompletableFuture<>();
        Job job = new Job(owner, urgency, cost, arrivals.getAndIncrement(), () -> {
            try {
                work.get().whenComplete((v, x) -> {
                    if (x != null) result.completeExceptionally(x);
                    else result.complete(v);
                });
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, result);
        String refusal = accept(job);
        if (refusal != null) {
            result.completeExceptionally(new RejectedExecutionException(refusal));
            return result;
        }
        result.whenComplete((v, x) -> {
            unfinished.decrementAndGet();
            foreground.end();
            leave(job);
        });
        dispatch();
        return result;
    }

    /** Queues the job, or says why not. */
    private synchronized String accept(Job job) {
        if (closed) return "the server is shutting down";
        if (job.urgency == Urgency.LIVE && !welcomesPreviews()) return BUSY;
        if (waiting.size() + busy >= queueCapacity + threads) return BUSY;   // every thread busy and the queue full
        Owner o = owners.computeIfAbsent(job.owner, k -> new Owner());
        if (o.cost > 0 && o.cost + job.cost > costPerOwner) return OWN_BACKLOG;   // o has work here, so it is kept
        o.cost += job.cost;
        waiting.add(job);
        unfinished.incrementAndGet();
        foreground.begin();
        return null;
    }

    /** Hands waiting jobs to free threads, fairest first. */
    private synchronized void dispatch() {
        while (!closed && busy < threads) {
            Job next = null;
            for (Job j : waiting) {
                if (owners.get(j.owner).running < threadsPerOwner && (next == null || before(j, next))) next = j;
            }
            if (next == null) return;
            waiting.remove(next);
            Owner o = owners.get(next.owner);
            o.running++;
            o.lastServed = turns++;
            busy++;
            Job job = next;
            workers.execute(() -> run(job));
        }
    }

    private void run(Job job) {
        try {
            if (!job.result.isDone()) job.work.run();   // else cancelled while it waited: its page has gone or moved on
        } finally {
            released(job);
        }
    }

    private boolean before(Job a, Job b) {
        if (a.urgency != b.urgency) return a.urgency.ordinal() < b.urgency.ordinal();
        Owner oa = owners.get(a.owner), ob = owners.get(b.owner);
        if (oa.running != ob.running) return oa.running < ob.running;
        if (oa.lastServed != ob.lastServed) return oa.lastServed < ob.lastServed;
        return a.arrival < b.arrival;
    }

    /** A job's thread is free again. */
    private synchronized void released(Job job) {
        busy--;
        owners.get(job.owner).running--;
        settle(job);
        dispatch();
    }

    /** A job's future completed: if it was still waiting (cancelled), it leaves the queue and its owner's budget. */
    private synchronized void leave(Job job) {
        if (waiting.remove(job)) settle(job);
    }

    /** The job no longer counts against its owner; an owner with nothing here competes with no one and is forgotten. */
    private void settle(Job job) {
        Owner o = owners.get(job.owner);
        o.cost -= job.cost;
        if (o.cost == 0) owners.remove(job.owner);
    }

    /** Whether a live preview would be taken now: fewer than two jobs per thread are unfinished. */
    public boolean welcomesPreviews() {
        return unfinished.get() < 2 * threads;
    }

    /** Quick work waiting for a thread. */
    public synchronized int waiting() {
        return waiting.size();
    }

    @Override
    public void close() {
        List<Job> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(waiting);
        }
        dropped.forEach(j -> j.result.completeExceptionally(new RejectedExecutionException("the server is shutting down")));
        workers.shutdownNow();
    }

    /** After {@link #close()}: waits up to {@code timeout} for running jobs to end; false if some still run. */
    public boolean awaitStopped(java.time.Duration timeout) throws InterruptedException {
        return workers.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** An owner's share now: threads held, units accepted and not yet done, and when it last got a thread (-1: never). */
    private static final class Owner {
        int running, cost;
        long lastServed = -1;
    }

    /** Accepted work: {@code work} completes {@code result}; arrival orders an owner's jobs. */
    private record Job(String owner, Urgency urgency, int cost, long arrival, Runnable work, CompletableFuture<?> result) { }
}
