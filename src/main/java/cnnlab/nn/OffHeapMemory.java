package cnnlab.nn;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps ND4J's off-heap garbage bounded during long optimisations. Every ND4J array owns native memory that is freed
 * only when the garbage collector finds its tiny Java object dead, and nothing makes the collector run: the Java heap
 * hardly grows while native memory does. A 512 px style transfer (SameDiff allocates every intermediate array anew
 * each step) reached 20 GB of resident memory this way on a 24 GB machine.
 * <p>
 * So after each step we compare the process's resident size with its low-water mark and collect (at most four times
 * a second) while it is more than {@link #HEADROOM} above it. The mark is the lowest size seen in the last 30 s, so
 * memory that stays in use (more sessions, caches) raises it and does not make us collect forever. Measured on a
 * 512 px transfer: resident size held at ~2 GB instead of growing without bound, and steps got faster, not slower.
 */
public final class OffHeapMemory {
    static final long HEADROOM = Long.getLong("cnnlab.offheap.headroom.mb", 512) << 20;
    private static final long WINDOW_NANOS = 30_000_000_000L, MIN_INTERVAL_NANOS = 250_000_000L;
    private static long lowWater = Long.MAX_VALUE, lowWaterAt, lastCollection;
    private static int collections;

    private OffHeapMemory() { }

    /** Cheap when nothing is needed (reads the resident size); runs System.gc() when memory has grown too much. */
    public static void collectIfGrown() {
        long resident = Pointer.physicalBytes(), now = System.nanoTime();
        synchronized (OffHeapMemory.class) {
            if (resident <= lowWater || now - lowWaterAt > WINDOW_NANOS) {
                lowWater = resident;
                lowWaterAt = now;
            }
            if (resident - lowWater < HEADROOM || now - lastCollection < MIN_INTERVAL_NANOS) return;
            lastCollection = now;
            collections++;
        }
        System.gc();
    }

    /** How many collections this has asked for (for benchmarks and tests). */
    public static synchronized int collections() {
        return collections;
    }
}
