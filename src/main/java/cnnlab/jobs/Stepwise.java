package cnnlab.jobs;

/** A computation that advances in small steps (an optimisation), so it can show frames and stop between steps. */
public interface Stepwise extends AutoCloseable {
    boolean finished();

    /** One step: tens to hundreds of milliseconds. */
    void advance();

    /** Frees the step's buffers (network graphs); called when the job ends, finished or not. */
    @Override
    void close();

    /** What this computation is, for the admin page's job list. */
    default String what() {
        return getClass().getSimpleName();
    }
}
