package cnnlab.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * The server's slots for heavy, long jobs (gradient-ascent visualisations, dreams, styles): a fixed number run at once
 * (the machine has two cores shared by a class), the rest wait in a bounded queue and can see their place in it.
 * <p>
 * The queue is fair across owners (browser sessions): when a slot frees, the waiting job whose owner has the fewest
 * jobs running goes next, first come first served among equals. So a student with five tabs gets one slot while
 * others wait, not both; and each owner may keep only a few jobs waiting. Jobs stop cooperatively: they poll
 * {@link Ticket#cancelled()} between steps, so a cancel takes effect within one step. Separate from {@link JobRunner}
 * so that long jobs never delay the quick ones (classifying a drawing).
 */
public final class LongJobs implements AutoCloseable {
    /** The work of one job; it should return soon after its ticket is cancelled. */
    @FunctionalInterface
    public interface Job {
        void run(Ticket ticket) throws Exception;
    }

    private final int slots;
    private final int capacity;
    private final int perOwner;
    private final Supplier<String> currentOwner;
    private final Foreground foreground;
    /** The longest a job waits for quick work before its next step. */
    static final long STEP_ASIDE_MAX_MS = 100;
    private final ThreadPoolExecutor workers;
    /** Guarded by this: waiting tickets in arrival order, and who is running what. */
    private final List<Ticket> waiting = new ArrayList<>();
    private final List<Ticket> running = new ArrayList<>();
    /** Guarded by this: when each owner with work here last got a slot, counted in {@link #turns}. */
    private final Map<String, Long> lastServed = new HashMap<>();
    private long arrivals, turns;
    private boolean closed;

    /** One owner for every job (tests, tools); first come first served. */
    public LongJobs(int slots, int queueCapacity) {
        this(slots, queueCapacity, queueCapacity, () -> "anyone");
    }

    /**
     * @param perOwner      how many jobs one owner may have waiting at once
     * @param currentOwner  names the owner of a job being started (called on the starting thread)
     */
    public LongJobs(int slots, int queueCapacity, int perOwner, Supplier<String> currentOwner) {
        this(slots, queueCapacity, perOwner, currentOwner, new Foreground());
    }

    /** @param foreground quick work that these jobs step aside for, between steps ({@link Ticket#stepAside()}) */
    public LongJobs(int slots, int queueCapacity, int perOwner, Supplier<String> currentOwner, Foreground foreground) {
        this.foreground = foreground;
        if (slots < 1 || queueCapacity < 1 || perOwner < 1) throw new IllegalArgumentException("slots, capacity and perOwner must be positive");
        this.slots = slots;
        this.capacity = queueCapacity;
        this.perOwner = perOwner;
        this.currentOwner = currentOwner;
        // jobs are handed over only when a slot is free, so this queue holds at most a hand-over in progress
        workers = DaemonThreads.pool(slots, "lab-long-job", new LinkedBlockingQueue<>());
    }

    /** Queues a job owned by the current owner; throws RejectedExecutionException with a reason a user can read. */
    public Ticket start(Job job) {
        return start("job", job);
    }

    /** As {@link #start(Job)}, with a short description of the job for the admin page. */
    public synchronized Ticket start(String what, Job job) {
        if (closed) throw new RejectedExecutionException("the server is shutting down");
        String owner = String.valueOf(currentOwner.get());
        if (waiting.size() >= capacity) {
            throw new RejectedExecutionException("the server is busy with other visualisations, try again in a moment");
        }
        long mine = waiting.stream().filter(t -> t.owner.equals(owner)).count();
        if (mine >= perOwner) {
            throw new RejectedExecutionException("you already have " + mine + " jobs waiting for the server; stop one or let it start first");
        }
        Ticket ticket = new Ticket(what, owner, job, arrivals++);
        waiting.add(ticket);
        dispatch();
        return ticket;
    }

    /** Hands waiting jobs to free slots, fairest first. Holds the lock. */
    private void dispatch() {
        while (!closed && running.size() < slots && !waiting.isEmpty()) {
            Ticket next = order().get(0);
            waiting.remove(next);
            running.add(next);
            lastServed.put(next.owner, turns++);
            next.startedAt = Instant.now();
            workers.execute(next);
        }
    }

    /**
     * The order in which the waiting jobs would start if nothing finished. Each pick goes to the owner with the fewest
     * jobs running (or already picked), then to the one served longest ago (never served first), then by arrival: so
     * equal owners take turns, and one owner's jobs keep their own order. Holds the lock; n is at most the queue's
     * capacity, so the quadratic walk is cheap.
     */
    private List<Ticket> order() {
        Map<String, Integer> load = new HashMap<>();
        for (Ticket t : running) load.merge(t.owner, 1, Integer::sum);
        Map<String, Long> served = new HashMap<>(lastServed);
        long turn = turns;
        List<Ticket> left = new ArrayList<>(waiting), picked = new ArrayList<>(left.size());
        while (!left.isEmpty()) {
            Ticket best = null;
            for (Ticket t : left) {
                if (best == null || before(t, best, load, served)) best = t;
            }
            left.remove(best);
            picked.add(best);
            load.merge(best.owner, 1, Integer::sum);
            served.put(best.owner, turn++);
        }
        return picked;
    }

    private static boolean before(Ticket a, Ticket b, Map<String, Integer> load, Map<String, Long> served) {
        int la = load.getOrDefault(a.owner, 0), lb = load.getOrDefault(b.owner, 0);
        if (la != lb) return la < lb;
        long sa = served.getOrDefault(a.owner, -1L), sb = served.getOrDefault(b.owner, -1L);
        if (sa != sb) return sa < sb;
        return a.arrival < b.arrival;
    }

    private synchronized void finished(Ticket t) {
        running.remove(t);
        forgetIfIdle(t.owner);
        dispatch();
    }

    private synchronized boolean leaveQueue(Ticket t) {
        boolean left = waiting.remove(t);
        forgetIfIdle(t.owner);
        return left;
    }

    /** An owner with nothing running or waiting competes with no one: its turn history can go. */
    private void forgetIfIdle(String owner) {
        if (running.stream().noneMatch(t -> t.owner.equals(owner)) && waiting.stream().noneMatch(t -> t.owner.equals(owner))) {
            lastServed.remove(owner);
        }
    }

    private synchronized int position(Ticket t) {
        return waiting.contains(t) ? order().indexOf(t) + 1 : 0;
    }

    /** Jobs running now. */
    public synchronized int running() {
        return running.size();
    }

    /** Jobs waiting for a slot. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Running jobs, then waiting ones in the order they would start (for the admin page). */
    public synchronized List<Ticket> tickets() {
        List<Ticket> all = new ArrayList<>(running);
        all.addAll(order());
        return all;
    }

    @Override
    public void close() {
        List<Ticket> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(waiting);
            waiting.clear();
            running.forEach(t -> t.cancelled = true);
        }
        dropped.forEach(t -> t.done.completeExceptionally(new CancellationException()));
        workers.shutdownNow();
    }

    /** After {@link #close()}: waits up to {@code timeout} for running jobs to end; false if some still run. */
    public boolean awaitStopped(java.time.Duration timeout) throws InterruptedException {
        return workers.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** One submitted job: its owner, its place in the queue, its cancellation flag and its completion. */
    public final class Ticket implements Runnable {
        private final String what;
        private final String owner;
        private final Job job;
        private final long arrival;
        private final Instant queuedAt = Instant.now();
        private volatile Instant startedAt;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile boolean cancelled;

        private Ticket(String what, String owner, Job job, long arrival) {
            this.what = what;
            this.owner = owner;
            this.job = job;
            this.arrival = arrival;
        }

        @Override
        public void run() {
            Throwable failure = null;
            boolean ran = !cancelled;
            if (ran) {
                try {
                    job.run(this);
                } catch (Throwable t) {
                    failure = t;
                }
            }
            finished(this);   // before completing: whoever waits on done() sees the slot free
            if (failure != null) done.completeExceptionally(failure);
            else if (!ran) done.completeExceptionally(new CancellationException());
            else done.complete(null);
        }

        /** Asks the job to stop; a job still waiting leaves the queue at once. */
        public void cancel() {
            cancelled = true;
            if (leaveQueue(this)) done.completeExceptionally(new CancellationException());
        }

        public boolean cancelled() {
            return cancelled;
        }

        /** Call between steps: waits (at most 100 ms) while quick work is in flight. */
        public void stepAside() {
            try {
                foreground.stepAside(STEP_ASIDE_MAX_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // the server is stopping: close() has cancelled this job
            }
        }

        /** 0 while running (or finished), otherwise the number of jobs that would start before this one, plus one. */
        public int position() {
            return done.isDone() ? 0 : LongJobs.this.position(this);
        }

        /** Completes when the job has returned (normally, by failure, or cancelled before it started). */
        public CompletableFuture<Void> done() {
            return done;
        }

        public String what() {
            return what;
        }

        /** Whose job this is (a browser session's display name). */
        public String owner() {
            return owner;
        }

        public Instant queuedAt() {
            return queuedAt;
        }

        /** When it got a slot; null while waiting. */
        public Instant startedAt() {
            return startedAt;
        }

        @Override
        public String toString() {
            return what + " of " + owner + " #" + arrival;
        }
    }
}
