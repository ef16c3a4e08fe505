package cnnlab.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** For browserless view tests: results reach a view from worker threads through ui.access(), run here on demand. */
public final class UiQueue {
    private UiQueue() { }

    /** Runs pushed UI updates until the condition holds, failing after {@code seconds}. */
    public static void await(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            MockVaadin.runUIQueue();
            if (condition.getAsBoolean()) return;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        fail("timed out waiting for " + what);
    }
}
