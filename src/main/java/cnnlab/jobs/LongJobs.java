package cnnlab.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's slots for heavy, long jobs (gradient-ascent visualisations): a fixed number run at once (the machine
 * has two cores shared by a class), the rest wait in a bounded first-come queue and can see their place in it. Jobs
 * stop cooperatively: they poll {@link Ticket#cancelled()} between steps, so a cancel takes effect within one step.
 * Separate from {@link JobRunner} so that long jobs never delay the quick ones (classifying a drawing).
 */
public final class LongJobs implements AutoCloseable {
    /** The work of one job; it should return soon after its ticket is cancelled. */
    @FunctionalInterface
    public interface Job {
        void run(Ticket ticket) throws Exception;
    }

    private final ThreadPoolExecutor pool;
    private final AtomicInteger running = new AtomicInteger();

    public LongJobs(int slots, int queueCapacity) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(slots, slots, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queueCapacity), r -> {
            Thread t = new Thread(r, "lab-long-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues {@code job}; throws RejectedExecutionException ("busy") when the queue is full. */
    public Ticket start(Job job) {
        Ticket ticket = new Ticket(job);
        try {
            pool.execute(ticket);
        } catch (RejectedExecutionException e) {
            throw new RejectedExecutionException("the server is busy with other visualisations, try again in a moment");
        }
        return ticket;
    }

    /** Jobs running now. */
    public int running() {
        return running.get();
    }

    /** Jobs waiting for a slot. */
    public int waiting() {
        return pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** One submitted job: its place in the queue, its cancellation flag and its completion. */
    public final class Ticket implements Runnable {
        private final Job job;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile boolean cancelled, started;

        private Ticket(Job job) {
            this.job = job;
        }

        @Override
        public void run() {
            if (cancelled) {
                done.completeExceptionally(new CancellationException());
                return;
            }
            started = true;
            running.incrementAndGet();
            Throwable failure = null;
            try {
                job.run(this);
            } catch (Throwable t) {
                failure = t;
            }
            running.decrementAndGet();   // before completing: whoever waits on done() sees the slot free
            if (failure == null) done.complete(null);
            else done.completeExceptionally(failure);
        }

        /** Asks the job to stop; a job still waiting leaves the queue at once. */
        public void cancel() {
            cancelled = true;
            if (!started && pool.remove(this)) done.completeExceptionally(new CancellationException());
        }

        public boolean cancelled() {
            return cancelled;
        }

        /** 0 while running (or finished), otherwise the number of jobs ahead of this one plus one. */
        public int position() {
            if (started || done.isDone()) return 0;
            List<Runnable> queue = new ArrayList<>(pool.getQueue());
            int i = queue.indexOf(this);
            return i < 0 ? 0 : i + 1;
        }

        /** Completes when the job has returned (normally, by failure, or cancelled before it started). */
        public CompletableFuture<Void> done() {
            return done;
        }
    }
}
