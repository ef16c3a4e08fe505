package cnnlab.features;

import cnnlab.jobs.LiveRun;
import cnnlab.jobs.LongJobs;
import cnnlab.nn.LectureWeights;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Activation maximisation for the whole server: makes visualisations for the tabs that ask, runs them on the
 * shared long-job slots, and remembers finished renders (least recently used first out, bounded in bytes) so the
 * lecture's default figure appears at once for the next student.
 */
public final class FeaturesService {
    /** At most 25 frames a second reach the browser; the computation may take many more steps in between. */
    static final long FRAME_INTERVAL_MS = 40;

    private final LectureWeights weights;
    private final LongJobs jobs;
    private final long cacheBytes;
    private final LinkedHashMap<String, Render> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cached;

    public FeaturesService(LectureWeights weights, LongJobs jobs, long cacheBytes) {
        this.weights = weights;
        this.jobs = jobs;
        this.cacheBytes = cacheBytes;
    }

    /**
     * A new visualisation: one tab's ascent, which films itself for the GIF (nothing runs until its
     * {@link LiveRun#start}). Once finished, its render is kept for the next student with these settings.
     */
    public LiveRun<Ascent, AscentFrame> prepare(AscentSettings settings, float[] drawing) {
        if (settings.start() == Start.DRAWING && drawing == null) {
            throw new IllegalArgumentException("draw a digit on the digits page first, then start from it");
        }
        Ascent ascent = new Ascent(weights, settings, drawing);
        return new LiveRun<>(jobs, ascent, Ascent::frame, FRAME_INTERVAL_MS, last -> remember(new Render(last, ascent.film())));
    }

    /** A finished render of exactly these settings, if some tab made one (renders from a drawing are never kept). */
    public synchronized Optional<Render> cached(AscentSettings settings) {
        return Optional.ofNullable(cache.get(settings.cacheKey()));
    }

    synchronized void remember(Render render) {
        AscentSettings s = render.last().settings();
        if (s.start() == Start.DRAWING || render.bytes() > cacheBytes) return;
        Render old = cache.put(s.cacheKey(), render);
        if (old != null) cached -= old.bytes();
        cached += render.bytes();
        for (Iterator<Map.Entry<String, Render>> it = cache.entrySet().iterator(); cached > cacheBytes && it.hasNext(); ) {
            cached -= it.next().getValue().bytes();
            it.remove();
        }
    }
}
