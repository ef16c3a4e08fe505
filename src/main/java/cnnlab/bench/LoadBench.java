package cnnlab.bench;

import cnnlab.bench.load.LoadRun;
import cnnlab.bench.load.LoadStats;
import cnnlab.bench.load.ServerMemory;
import cnnlab.bench.load.ServerProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cnnlab.bench.Timing.print;
import static cnnlab.bench.load.LoadStats.mean;
import static cnnlab.bench.load.LoadStats.percentile;

/**
 * {@code bench load}: N students at once over real Vaadin sessions (HTTP + the push WebSocket, see
 * {@link cnnlab.bench.load.UiConnection}), each drawing digits and watching visualisations; for each N prints, prefixed
 * {@code nN_}: classify latency percentiles (pen up to verdict), visualisation frames per second per student,
 * errors, and, unless the server runs elsewhere ({@code --url}), its heap and RSS and the heap one open session costs.
 * The server runs in a JVM of its own, as in a lab, so that the simulated students' work is not counted as its own.
 */
public final class LoadBench {
    private final Path models;
    private final List<Integer> sessions;
    private final int seconds;
    private final URI url;

    private final boolean drawOnly;

    public LoadBench(Path models, List<Integer> sessions, int seconds, URI url, boolean drawOnly) {
        this.drawOnly = drawOnly;
        this.models = models;
        this.sessions = sessions;
        this.seconds = seconds;
        this.url = url;
    }

    public void run(PrintStream out) throws Exception {
        ServerProcess server = null;
        URI base = url;
        ServerMemory memory = null;
        if (base == null) {
            server = ServerProcess.start(models);
            base = server.url();
            try {
                memory = server.memory();
            } catch (IOException | LinkageError e) {   // a JRE without the attach API: latencies still count
                out.println("server_memory=unavailable (" + e.getMessage() + ")");
            }
        }
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            LoadRun load = drawOnly ? LoadRun.drawingOnly(http, base, memory) : new LoadRun(http, base, memory);
            out.println("server=" + (server != null ? "a JVM of its own (" + base + ")" : base));
            out.println("seconds=" + seconds);
            out.println("students=" + (drawOnly ? "draw only" : "draw and watch visualisations"));
            // a short round first, not reported: class loading and JIT of a fresh server
            LoadRun.Result warm = load.run(2, Math.min(seconds, 8));
            out.println("warmup_errors=" + warm.stats().errors.total());
            for (int n : sessions) report(out, load.run(n, seconds));
        } finally {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    // the figures are printed already; a failed stop must not hide them
                    out.println("server_close_failed=" + e);
                }
            }
        }
        out.println("threads=" + Runtime.getRuntime().availableProcessors() + " (cores seen by the JVM)");
    }

    private static void report(PrintStream out, LoadRun.Result r) {
        String p = "n" + r.sessions() + "_";
        LoadStats s = r.stats();
        out.println(p + "sessions_open=" + r.opened());
        print(out, p + "open_p50_ms", percentile(s.openMs(), 50));
        double[] c = s.classifyMs();
        out.println(p + "classify_count=" + c.length);
        print(out, p + "classify_p50_ms", percentile(c, 50));
        print(out, p + "classify_p95_ms", percentile(c, 95));
        print(out, p + "classify_p99_ms", percentile(c, 99));
        print(out, p + "classify_max_ms", percentile(c, 100));
        out.println(p + "verdicts_wrong=" + s.verdictsWrong.get());
        out.println(p + "classify_busy=" + s.classifyBusy.get());
        out.println(p + "viz_runs=" + s.vizRuns.get());
        out.println(p + "viz_done=" + s.vizDone.get());
        out.println(p + "viz_busy=" + s.vizBusy.get());
        out.println(p + "viz_cached=" + s.vizCached.get());
        out.println(p + "viz_frames=" + s.frames.get());
        double[] fps = s.framesPerSecondPerStudent();
        print(out, p + "viz_frames_per_s_per_user_mean", mean(fps));
        print(out, p + "viz_frames_per_s_per_user_min", percentile(fps, 0));
        print(out, p + "viz_frames_per_s_per_user_max", percentile(fps, 100));
        double[] first = s.firstFrameMs();
        print(out, p + "viz_first_frame_p50_ms", percentile(first, 50));
        print(out, p + "viz_first_frame_p95_ms", percentile(first, 95));
        out.println(p + "errors=" + s.errors.total());
        for (Map.Entry<String, Long> e : s.errors.counts().entrySet()) out.println(p + "error=" + e.getValue() + "x " + e.getKey());
        LoadRun.Memory m = r.memory();
        if (m.heapOpen() > 0) {
            print(out, p + "heap_before_mb", m.heapBefore() / 1048576.0);
            print(out, p + "heap_sessions_open_mb", m.heapOpen() / 1048576.0);
            print(out, p + "session_heap_kb", m.perSession(r.opened()) / 1024.0);
            print(out, p + "heap_peak_mb", m.heapPeak() / 1048576.0);
            print(out, p + "heap_after_run_mb", m.heapAfterRun() / 1048576.0);
            print(out, p + "rss_sessions_open_mb", m.rssOpen() / 1048576.0);
            print(out, p + "rss_peak_mb", m.rssPeak() / 1048576.0);
            print(out, p + "rss_after_run_mb", m.rssAfterRun() / 1048576.0);
        }
        print(out, p + "played_s", r.seconds());
    }
}
