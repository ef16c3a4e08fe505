package cnnlab.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N students at once against one server: all open the digits page first (then, when the server's memory can be read,
 * the heap after a GC is taken per session), then all play for the given seconds, then the heap is taken again while
 * their tabs are still open, and the tabs close as a browser closes them (unload beacon, socket closed).
 */
public final class LoadRun {
    private final HttpClient http;
    private final URI base;
    private final Student.Behaviour behaviour;
    /** The server's memory, or null when it cannot be read (a server elsewhere). */
    private final ServerMemory server;

    /** Heap and resident memory of the server's JVM, in bytes; zero when it cannot be read. */
    public record Memory(long heapBefore, long heapOpen, long heapPeak, long heapAfterRun, long rssOpen, long rssPeak, long rssAfterRun) {
        /** Heap per open session: (heap with the sessions open - heap before) / sessions, both after a GC. */
        public long perSession(int sessions) {
            return sessions == 0 ? 0 : (heapOpen - heapBefore) / sessions;
        }
    }

    public record Result(int sessions, int opened, LoadStats stats, Memory memory, double seconds) { }

    /** @param server the server's memory, or null to report none */
    public LoadRun(HttpClient http, URI base, ServerMemory server) {
        this(http, base, server, Student.Behaviour.STUDENT);
    }

    /** Students who only draw (no visualisations). */
    public static LoadRun drawingOnly(HttpClient http, URI base, ServerMemory server) {
        return new LoadRun(http, base, server, Student.Behaviour.DRAWING_ONLY);
    }

    LoadRun(HttpClient http, URI base, ServerMemory server, Student.Behaviour behaviour) {
        this.http = http;
        this.base = base;
        this.behaviour = behaviour;
        this.server = server;
    }

    public Result run(int n, int seconds) throws InterruptedException {
        LoadStats stats = new LoadStats();
        long heapBefore = server != null ? server.heapAfterGc() : 0;
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < n; i++) students.add(new Student(i, http, base, stats, behaviour));
        CountDownLatch opened = new CountDownLatch(n), start = new CountDownLatch(1), finished = new CountDownLatch(n),
                close = new CountDownLatch(1), closed = new CountDownLatch(n);
        AtomicInteger open = new AtomicInteger();
        long[] deadline = new long[1];
        long stagger = Math.min(50, 3000 / Math.max(1, n));   // a class opening the page within a few seconds
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "load-student");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < n; i++) {
            Student s = students.get(i);
            long delay = i * stagger;
            pool.execute(() -> {
                boolean ok = false, counted = false;
                try {
                    Thread.sleep(delay);
                    ok = s.open();
                    if (ok) open.incrementAndGet();
                    opened.countDown();
                    counted = true;
                    start.await();
                    if (ok) s.run(deadline[0]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    stats.errors.add("student failed: " + UiConnection.rootMessage(e));
                } finally {
                    if (!counted) opened.countDown();
                    finished.countDown();
                    try {
                        close.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    s.close();
                    closed.countDown();
                }
            });
        }
        try {
            if (!opened.await(120 + n, TimeUnit.SECONDS)) stats.errors.add("not every session opened within " + (120 + n) + " s");
            long heapOpen = server != null ? server.heapAfterGc() : 0, rssOpen = server != null ? server.rss() : 0;
            long heapPeak = 0, rssPeak = 0;
            long t0 = System.nanoTime();
            deadline[0] = t0 + TimeUnit.SECONDS.toNanos(seconds);
            start.countDown();
            do {
                if (server != null) {
                    heapPeak = Math.max(heapPeak, server.heapUsed());
                    rssPeak = Math.max(rssPeak, server.rss());
                }
            } while (!finished.await(250, TimeUnit.MILLISECONDS) && System.nanoTime() - deadline[0] < TimeUnit.SECONDS.toNanos(60));
            double played = (System.nanoTime() - t0) / 1e9;
            if (finished.getCount() > 0) stats.errors.add("students still busy 60 s after the end");
            long heapAfter = server != null ? server.heapAfterGc() : 0, rssAfter = server != null ? server.rss() : 0;
            for (Student s : students) {
                double rate = s.frameRate();
                if (!Double.isNaN(rate)) stats.studentFrameRate(rate);
            }
            return new Result(n, open.get(), stats, new Memory(heapBefore, heapOpen, heapPeak, heapAfter, rssOpen, rssPeak, rssAfter), played);
        } finally {
            start.countDown();
            close.countDown();
            closed.await(60, TimeUnit.SECONDS);
            pool.shutdownNow();
        }
    }
}
