package cnnlab.features;

import cnnlab.jobs.LiveRun;
import cnnlab.jobs.LongJobs;
import cnnlab.nn.LectureWeights;
import cnnlab.nn.ShippedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisualisationTest {
    private static LongJobs jobs;
    private static LectureWeights weights;

    @BeforeAll
    static void setUp() {
        jobs = new LongJobs(2, 8);
        weights = LectureWeights.of(ShippedModel.network());
    }

    @AfterAll
    static void tearDown() {
        jobs.close();
    }

    private static AscentSettings settings(long seed, int steps) {
        return new AscentSettings(Target.CONV2, Measure.SUM, Units.range(0, 4), Constraints.NONE, false, Start.NOISE, seed, steps,
                0.05, Optimiser.ADAM);
    }

    @Test
    void framesStreamWhileItRunsAndTheLastOneIsTheEnd() throws Exception {
        FeaturesService service = new FeaturesService(weights, jobs, 1 << 20);
        LiveRun<Ascent, AscentFrame> v = service.prepare(settings(11, 300), null);
        List<AscentFrame> frames = new CopyOnWriteArrayList<>();
        v.start(frames::add).get(60, TimeUnit.SECONDS);
        assertTrue(frames.size() >= 2, "a first frame and a last one at least: " + frames.size());
        assertEquals(0, frames.get(0).step());
        AscentFrame last = frames.get(frames.size() - 1);
        assertTrue(last.finished());
        assertTrue(v.isFinished());
        for (int i = 1; i < frames.size(); i++) assertTrue(frames.get(i).step() > frames.get(i - 1).step(), "steps only go forward");
        Render r = Render.of(v).orElseThrow();
        assertEquals(Ascent.FILM_FRAMES + 1, r.film().size(), "the start and 60 evenly spaced steps");
        assertArrayEquals(Render.quantise(last.images()), r.film().get(r.film().size() - 1));
        assertEquals(r.last(), service.cached(settings(11, 300)).orElseThrow().last(), "a finished render is cached");
    }

    @Test
    void stopKeepsTheStateAndResumeEndsWhereAnUninterruptedRunEnds() throws Exception {
        FeaturesService service = new FeaturesService(weights, jobs, 1 << 20);
        LiveRun<Ascent, AscentFrame> v = service.prepare(settings(12, 400), null);
        List<AscentFrame> frames = new CopyOnWriteArrayList<>();
        var done = v.start(frames::add);
        while (frames.isEmpty()) Thread.sleep(2);
        v.stop();
        done.get(10, TimeUnit.SECONDS);
        assertFalse(v.isActive());
        int stoppedAt = v.latest().orElseThrow().step();
        assertTrue(stoppedAt < 400, "stopped early, at " + stoppedAt);
        assertTrue(service.cached(settings(12, 400)).isEmpty(), "an unfinished run is not cached");
        v.start(frames::add).get(60, TimeUnit.SECONDS);
        assertTrue(v.isFinished());

        LiveRun<Ascent, AscentFrame> straight = new FeaturesService(weights, jobs, 1 << 20).prepare(settings(12, 400), null);
        straight.start(f -> { }).get(60, TimeUnit.SECONDS);
        assertArrayEquals(straight.latest().orElseThrow().images(), v.latest().orElseThrow().images());
    }

    @Test
    void theCacheKeepsTheNewestWithinItsBytesAndNeverADrawing() throws Exception {
        FeaturesService service = new FeaturesService(weights, jobs, 200_000);   // about two 4-picture renders
        for (int seed = 20; seed < 23; seed++) service.prepare(settings(seed, 20), null).start(f -> { }).get(30, TimeUnit.SECONDS);
        assertTrue(service.cached(settings(20, 20)).isEmpty(), "the oldest went out");
        assertTrue(service.cached(settings(22, 20)).isPresent());
        AscentSettings fromDrawing = new AscentSettings(Target.OUTPUT, Measure.LOGIT, new int[]{8}, Constraints.NONE, false,
                Start.DRAWING, 1, 10, 0.05, Optimiser.ADAM);
        assertThrows(IllegalArgumentException.class, () -> service.prepare(fromDrawing, null));
        service.prepare(fromDrawing, new float[784]).start(f -> { }).get(30, TimeUnit.SECONDS);
        assertTrue(service.cached(fromDrawing).isEmpty(), "a student's drawing stays theirs");
    }
}
