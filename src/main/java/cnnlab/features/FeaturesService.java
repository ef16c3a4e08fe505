package cnnlab.features;

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

    /** A new visualisation (nothing runs until its {@link Visualisation#start}). */
    public Visualisation prepare(AscentSettings settings, float[] drawing) {
        if (settings.start() == Start.DRAWING && drawing == null) {
            throw new IllegalArgumentException("draw a digit on the digits page first, then start from it");
        }
        return new Visualisation(this, weights, settings, drawing);
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

    public synchronized int cachedRenders() {
        return cache.size();
    }

    public LongJobs jobs() {
        return jobs;
    }

    public LectureWeights weights() {
        return weights;
    }
}
