package cnnlab.bench.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N students at once against one server: all open the digits page first (then, when the server runs in this JVM,
 * the heap after a GC is taken per session), then all play for the given seconds, then the heap is taken again while
 * their tabs are still open, and the tabs close as a browser closes them (unload beacon, socket closed).
 */
public final class LoadRun {
    private final HttpClient http;
    private final URI base;
    private final Student.Behaviour behaviour;
    private final boolean serverInThisJvm;

    /** Heap and resident memory of this JVM, in bytes; zero when the server runs elsewhere. */
    public record Memory(long heapBefore, long heapOpen, long heapPeak, long heapAfterRun, long rssOpen, long rssPeak, long rssAfterRun) {
        /** Heap per open session: (heap with the sessions open - heap before) / sessions, both after a GC. */
        public long perSession(int sessions) {
            return sessions == 0 ? 0 : (heapOpen - heapBefore) / sessions;
        }
    }

    public record Result(int sessions, int opened, LoadStats stats, Memory memory, double seconds) { }

    public LoadRun(HttpClient http, URI base, boolean serverInThisJvm) {
        this(http, base, serverInThisJvm, Student.Behaviour.STUDENT);
    }

    /** Students who only draw (no visualisations). */
    public static LoadRun drawingOnly(HttpClient http, URI base, boolean serverInThisJvm) {
        return new LoadRun(http, base, serverInThisJvm, Student.Behaviour.DRAWING_ONLY);
    }

    LoadRun(HttpClient http, URI base, boolean serverInThisJvm, Student.Behaviour behaviour) {
        this.http = http;
        this.base = base;
        this.behaviour = behaviour;
        this.serverInThisJvm = serverInThisJvm;
    }

    public Result run(int n, int seconds) throws InterruptedException {
        LoadStats stats = new LoadStats();
        long heapBefore = serverInThisJvm ? heapAfterGc() : 0;
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
            long heapOpen = serverInThisJvm ? heapAfterGc() : 0, rssOpen = serverInThisJvm ? rss() : 0;
            long heapPeak = 0, rssPeak = 0;
            long t0 = System.nanoTime();
            deadline[0] = t0 + TimeUnit.SECONDS.toNanos(seconds);
            start.countDown();
            do {
                if (serverInThisJvm) {
                    heapPeak = Math.max(heapPeak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    rssPeak = Math.max(rssPeak, rss());
                }
            } while (!finished.await(250, TimeUnit.MILLISECONDS) && System.nanoTime() - deadline[0] < TimeUnit.SECONDS.toNanos(60));
            double played = (System.nanoTime() - t0) / 1e9;
            if (finished.getCount() > 0) stats.errors.add("students still busy 60 s after the end");
            long heapAfter = serverInThisJvm ? heapAfterGc() : 0, rssAfter = serverInThisJvm ? rss() : 0;
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

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(150);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** This process's resident set size (VmRSS), in bytes; 0 where /proc is missing. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (Exception e) {
            // not Linux
        }
        return 0;
    }
}
