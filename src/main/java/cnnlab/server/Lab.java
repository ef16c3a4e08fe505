package cnnlab.server;

import cnnlab.digits.DigitClassifier;
import cnnlab.jobs.JobRunner;
import cnnlab.nn.ModelFiles;
import cnnlab.nn.NativeThreads;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The application's long-lived services, created once per server from the models folder and shared by every
 * session. Views and REST handlers reach them through {@link #current()}; there is no DI container.
 */
public final class Lab implements AutoCloseable {
    private static volatile Lab current;

    private final DigitClassifier digits;
    private final JobRunner jobs;

    private Lab(DigitClassifier digits, JobRunner jobs) {
        this.digits = digits;
        this.jobs = jobs;
    }

    /** Loads every shipped model from {@code models} and makes the result the current lab. */
    public static synchronized Lab start(Path models) {
        if (current != null) return current;
        NativeThreads.useOneBlasThread();
        current = new Lab(new DigitClassifier(ModelFiles.load(models.resolve(ModelFiles.MNIST))), new JobRunner(2, 256));
        return current;
    }

    public static Lab current() {
        return Objects.requireNonNull(current, "the lab is not started");
    }

    public DigitClassifier digits() {
        return digits;
    }

    public JobRunner jobs() {
        return jobs;
    }

    @Override
    public synchronized void close() {
        jobs.close();
        digits.close();
        if (current == this) current = null;
    }

    /** Stops and forgets the current lab (tests, shutdown). */
    public static synchronized void stopCurrent() {
        if (current != null) current.close();
    }
}
