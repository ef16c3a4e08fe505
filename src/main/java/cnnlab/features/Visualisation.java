package cnnlab.features;

import cnnlab.jobs.LongJobs;
import cnnlab.nn.LectureWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One browser tab's visualisation: an ascent that runs as a long job, streams frames while it runs, can be stopped
 * and resumed from where it stopped, and films itself for the GIF. The network buffers exist only while a job runs.
 */
public final class Visualisation {
    /** At most 25 frames a second reach the browser; the computation may take many more steps in between. */
    static final long FRAME_INTERVAL_NANOS = 40_000_000L;
    /** About this many pictures make the film (the GIF), evenly spread over the steps. */
    static final int FILM_FRAMES = 60;

    private final FeaturesService service;
    private final LectureWeights weights;
    private final AscentSettings settings;
    private final float[] drawing;
    private final List<byte[]> film = new ArrayList<>();
    /** Held by the job for its whole run: a resumed job waits for a stopping one to finish its step. */
    private final Object stepping = new Object();
    private Ascent ascent;
    private volatile AscentFrame latest;
    private volatile LongJobs.Ticket ticket;

    Visualisation(FeaturesService service, LectureWeights weights, AscentSettings settings, float[] drawing) {
        this.service = service;
        this.weights = weights;
        this.settings = settings;
        this.drawing = drawing == null ? null : drawing.clone();
    }

    public AscentSettings settings() {
        return settings;
    }

    /**
     * Starts (or resumes) the ascent on the server's long-job slots; {@code frames} is called from the job's thread
     * with each new frame, at most every 40 ms and always for the last one. Throws RejectedExecutionException when
     * the server's queue is full. The future completes when the job ends, normally or by {@link #stop()}.
     */
    public synchronized CompletableFuture<Void> start(Consumer<AscentFrame> frames) {
        if (isActive()) throw new IllegalStateException("already running");
        if (isFinished()) return CompletableFuture.completedFuture(null);
        LongJobs.Ticket t = service.jobs().start("feature visualisation", job -> run(job, frames));
        ticket = t;
        return t.done();
    }

    private void run(LongJobs.Ticket job, Consumer<AscentFrame> frames) {
        synchronized (stepping) {
            if (ascent == null) {
                ascent = new Ascent(weights, settings, drawing);
                record();
            }
            try {
                int filmEvery = Math.max(1, settings.steps() / FILM_FRAMES);
                emit(frames);
                long last = System.nanoTime();
                while (!ascent.finished() && !job.cancelled()) {
                    job.stepAside();   // a student's quick reading goes first
                    ascent.advance();
                    if (ascent.step() % filmEvery == 0 || ascent.finished()) record();
                    long now = System.nanoTime();
                    if (now - last >= FRAME_INTERVAL_NANOS && !ascent.finished()) {
                        emit(frames);
                        last = now;
                    }
                }
                emit(frames);
            } finally {
                ascent.close();
            }
            if (ascent.finished()) service.remember(render().orElseThrow());
        }
    }

    private void record() {
        byte[] q = Render.quantise(ascent.images());
        synchronized (film) {
            film.add(q);
        }
    }

    private void emit(Consumer<AscentFrame> frames) {
        AscentFrame f = ascent.frame();
        latest = f;
        frames.accept(f);
    }

    /** Asks the running job to stop after its current step; the state stays for {@link #start} to resume. */
    public void stop() {
        LongJobs.Ticket t = ticket;
        if (t != null) t.cancel();
    }

    /** Running or waiting for a slot. */
    public boolean isActive() {
        LongJobs.Ticket t = ticket;
        return t != null && !t.done().isDone();
    }

    /** 0 when running (or not queued), else the place in the server's queue. */
    public int queuePosition() {
        LongJobs.Ticket t = ticket;
        return t == null || t.done().isDone() ? 0 : t.position();
    }

    public boolean isFinished() {
        AscentFrame f = latest;
        return f != null && f.finished();
    }

    public Optional<AscentFrame> latest() {
        return Optional.ofNullable(latest);
    }

    /** What there is to download so far (empty before the first frame). */
    public Optional<Render> render() {
        AscentFrame f = latest;
        if (f == null) return Optional.empty();
        synchronized (film) {
            return Optional.of(new Render(f, film));
        }
    }
}
