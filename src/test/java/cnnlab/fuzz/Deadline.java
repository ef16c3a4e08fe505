package cnnlab.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one direct call into the server's code on a worker with a deadline, so that a hang fails the try (and names
 * the input) instead of stalling the build. The deadline is far above any real call: it catches hangs, not slowness.
 */
final class Deadline {
    static final long SECONDS = 30;
    private static final ExecutorService WORKER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-call");
        t.setDaemon(true);
        return t;
    });

    private Deadline() { }

    /** The call's result, or its own exception (checked ones included) as thrown; fails the try on a hang. */
    static <T> T call(Callable<T> work, Object input) throws Exception {
        Future<T> f = WORKER.submit(work);
        try {
            return f.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return fail("no answer within " + SECONDS + " s (a hang) for " + input);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw e;
        }
    }
}
