package cnnlab.jobs;

import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of daemon threads whose waiting work runs by rank (lower first), then in arrival order: the
 * network's answers before its previews ({@link cnnlab.nn.BatchedInference}). Idle threads end after 30 s.
 */
public final class PriorityPool {
    private final ThreadPoolExecutor pool;
    private final AtomicLong arrivals = new AtomicLong();

    public PriorityPool(int threads, String name) {
        pool = DaemonThreads.pool(threads, name, new PriorityBlockingQueue<>());
    }

    /** Runs {@code work} after waiting work of a lower rank and of the same rank that came earlier. */
    public void execute(int rank, Runnable work) {
        pool.execute(new Ranked(rank, arrivals.incrementAndGet(), work));
    }

    /** Threads running work now. */
    public int active() {
        return pool.getActiveCount();
    }

    /** Work not yet started. */
    public int waiting() {
        return pool.getQueue().size();
    }

    /** Finishes what was handed in, takes nothing more. */
    public void shutdown() {
        pool.shutdown();
    }

    /** Drops waiting work and interrupts running work. */
    public void shutdownNow() {
        pool.shutdownNow();
    }

    private record Ranked(int rank, long arrival, Runnable work) implements Runnable, Comparable<Ranked> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Ranked o) {
            return rank != o.rank ? Integer.compare(rank, o.rank) : Long.compare(arrival, o.arrival);
        }
    }
}
