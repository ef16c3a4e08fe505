package cnnlab.bench.load;

import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory of the JVM the server runs in: its Java heap (through the JVM's memory bean, local or over JMX) and its
 * resident set size (from /proc).
 */
public final class ServerMemory {
    private final MemoryMXBean heap;
    private final Path status;

    ServerMemory(MemoryMXBean heap, long pid) {
        this.heap = heap;
        this.status = Path.of("/proc", String.valueOf(pid), "status");
    }

    /** Heap in use now, in bytes (garbage included). */
    long heapUsed() {
        return heap.getHeapMemoryUsage().getUsed();
    }

    /** Heap in use after full collections, in bytes: what is really held. */
    long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            heap.gc();
            Thread.sleep(150);
        }
        return heapUsed();
    }

    /** Resident set size (VmRSS), in bytes; 0 where /proc is missing. */
    long rss() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (Exception e) {
            // not Linux, or the process has ended
        }
        return 0;
    }
}
