package cnnlab.jobs;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The server's pools: a fixed number of daemon threads (they never keep the JVM alive), each ending after 30 s idle. */
final class DaemonThreads {
    private DaemonThreads() { }

    /** {@code threads} threads named {@code name}-1, {@code name}-2, ..., taking work from {@code queue}. */
    static ThreadPoolExecutor pool(int threads, String name, BlockingQueue<Runnable> queue) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
