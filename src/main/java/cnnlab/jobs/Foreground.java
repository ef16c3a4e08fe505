package cnnlab.jobs;

/**
 * Quick work in flight (a drawing, a clip, a sentence to read). Heavy jobs step aside between their steps while there
 * is any, so a student's verdict does not queue for the cores behind two optimisations that keep both busy; the wait
 * is bounded, so heavy jobs still advance under a steady stream of quick work.
 */
public final class Foreground {
    private int inFlight;

    synchronized void begin() {
        inFlight++;
    }

    synchronized void end() {
        if (--inFlight == 0) notifyAll();
    }

    /** Waits while quick work is in flight, at most {@code maxWaitMillis}. */
    public synchronized void stepAside(long maxWaitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitMillis * 1_000_000L;
        while (inFlight > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) return;
            wait(left);
        }
    }

    public synchronized int inFlight() {
        return inFlight;
    }
}
