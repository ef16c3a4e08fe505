package cnnlab.jobs;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NicenessTest {
    /** The kernel's view of the test thread's nice value; the tests need Linux and a test run at normal priority. */
    private static int ownNice() {
        OptionalInt nice = Niceness.ofCurrentThread();
        assumeTrue(nice.isPresent(), "needs Linux /proc");
        assumeTrue(nice.getAsInt() < Niceness.BACKGROUND, "the tests already run below the background priority");
        return nice.getAsInt();
    }

    @Test
    void backgroundThreadsRunNicedAndLeaveTheirCreatorAlone() throws Exception {
        int mine = ownNice();
        ExecutorService pool = Executors.newSingleThreadExecutor(Niceness.background("test-background"));
        try {
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(
                    () -> Thread.currentThread().getName() + " " + Niceness.ofCurrentThread().orElse(-99), pool);
            assertEquals("test-background-1 " + Niceness.BACKGROUND, seen.get(10, TimeUnit.SECONDS));
            assertEquals(mine, Niceness.ofCurrentThread().getAsInt(), "the nice value is the thread's, not the process's");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void heavyJobsRunBelowTheQuickWork() throws Exception {
        ownNice();
        try (LongJobs jobs = new LongJobs(1, 1)) {
            int[] nice = {-99};
            jobs.start(t -> nice[0] = Niceness.ofCurrentThread().orElse(-99)).done().get(10, TimeUnit.SECONDS);
            assertEquals(Niceness.BACKGROUND, nice[0]);
        }
    }

    @Test
    void aThreadCanLowerItselfToTheLowestPriority() throws Exception {
        ownNice();
        CompletableFuture<String> lowest = new CompletableFuture<>();
        new Thread(() -> lowest.complete(Niceness.setForCurrentThread(19) + " " + Niceness.ofCurrentThread().orElse(-99))).start();
        assertEquals("true 19", lowest.get(10, TimeUnit.SECONDS));
    }
}
