package cnnlab.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed job becomes a busy message or a logged reference, never a stack trace on the page. */
class FailureTest {
    @Test
    void unwrapsFutureWrappersAndTellsBusyFromBroken() {
        IllegalStateException broken = new IllegalStateException("bug");
        assertSame(broken, Failure.cause(new CompletionException(new ExecutionException(broken))));
        assertTrue(Failure.busy(new CompletionException(new RejectedExecutionException("full"))));
        assertTrue(Failure.busy(new TimeoutException()));
        assertFalse(Failure.busy(new CompletionException(broken)));
        assertTrue(Failure.refused(new CompletionException(new RejectedExecutionException("full"))));
        assertFalse(Failure.refused(new TimeoutException()), "a job that timed out may have run: not simply refused");
    }

    @Test
    void anUnexpectedFailureIsLoggedUnderTheReferenceThePageShows() {
        List<Object[]> errors = new ArrayList<>();
        org.slf4j.Logger log = (org.slf4j.Logger) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {org.slf4j.Logger.class}, (proxy, method, args) -> {
                    if (method.getName().equals("error")) errors.add(args);
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
        IllegalStateException broken = new IllegalStateException("bug");
        String id = Failure.logged(log, "reading a sentence", new CompletionException(broken));
        assertTrue(id.matches("[0-9a-f]{8}"), id);
        assertEquals(1, errors.size());
        Object[] call = errors.get(0);
        Object[] values = (Object[]) call[1];
        assertEquals("reading a sentence failed [" + id + "]",
                org.slf4j.helpers.MessageFormatter.arrayFormat((String) call[0], values).getMessage());
        assertSame(broken, values[values.length - 1], "the cause itself is logged, with its stack trace");
    }
}
