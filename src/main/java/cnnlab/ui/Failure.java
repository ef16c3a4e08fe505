package cnnlab.ui;

import org.slf4j.Logger;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * How a page reports a job that did not give a result: a busy server is said so, anything unexpected is logged with
 * a short reference that the page shows instead of a stack trace (so a student can quote it and the admin find it).
 */
public final class Failure {
    private Failure() { }

    /** The exception inside the wrappers that futures add. */
    public static Throwable cause(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }

    /** The job pool was full or the job took too long: nothing is wrong with the input, try again. */
    public static boolean busy(Throwable error) {
        return refused(error) || cause(error) instanceof TimeoutException;
    }

    /** The job pool was full and never took the job: trying again soon costs the server nothing it had started. */
    public static boolean refused(Throwable error) {
        return cause(error) instanceof RejectedExecutionException;
    }

    /** Logs an unexpected failure of {@code what} with a new reference and returns that reference (8 characters). */
    public static String logged(Logger log, String what, Throwable error) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("{} failed [{}]", what, id, cause(error));
        return id;
    }
}
