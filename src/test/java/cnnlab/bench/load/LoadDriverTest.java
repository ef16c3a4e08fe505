package cnnlab.bench.load;

import cnnlab.server.RunningLab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver behind {@code bench load}, run small against the real server so that it cannot rot silently: two
 * students over real sessions (HTTP + push WebSocket) draw digits, get the right verdicts, and receive visualisation
 * frames, without a single error. Speed is the bench's business, not asserted here.
 * Tagged e2e with the browser tests: it needs the packaged frontend (the server's bootstrap page), not Chromium.
 */
@Tag("e2e")
@Tag("load")
class LoadDriverTest {
    @Test
    void twoStudentsDrawAndWatchWithoutErrors() throws Exception {
        // quicker than a real student: one digit per visit, short thinking, five seconds of frames
        Student.Behaviour quick = new Student.Behaviour(1, 200, 16, 100, 5000);
        LoadRun run = new LoadRun(HttpClient.newHttpClient(), URI.create(RunningLab.url()), null, quick);

        LoadRun.Result r = run.run(2, 8);

        LoadStats s = r.stats();
        assertEquals(2, r.opened(), "sessions opened; errors: " + s.errors.counts());
        assertEquals(0, s.errors.total(), () -> "errors: " + s.errors.counts());
        assertTrue(s.classifyMs().length >= 2, "each student had a digit read: " + s.classifyMs().length);
        assertEquals(0, s.verdictsWrong.get(), "the shipped model reads the drawn 1, 0 and 7 as such");
        assertTrue(s.vizRuns.get() >= 2, "each student started a visualisation: " + s.vizRuns.get());
        assertTrue(s.frames.get() > 0, "visualisation frames arrived over push");
        assertTrue(s.firstFrameMs().length >= 1, "a visualisation showed its first frame");
    }
}
