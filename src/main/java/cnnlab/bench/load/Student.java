package cnnlab.bench.load;

import cnnlab.digits.DigitsView;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scripted student in one browser tab: on "Draw a digit" draws digits stroke by stroke (the draw pad's events,
 * throttled as the pad throttles them), reads each verdict, clears the pad; then opens "What does the CNN learn?"
 * with a seed of its own (so the server computes rather than shows its cache), watches the frames stream in for a
 * while, and goes back to drawing.
 * <p>
 * Classify latency is from the pad's last event of a digit (pen up) to the message that shows that drawing's
 * verdict: like the pad, the student numbers its events, and the page marks the verdict with the number of the
 * drawing it is for (data-drawing).
 */
final class Student {
    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(15);
    private static final AtomicInteger SEEDS = new AtomicInteger((int) (System.nanoTime() & 0xFFFFFF) + 1000);
    private static final int[][][] DIGITS = {one(), zero(), seven()};
    private static final int[] LABELS = {1, 0, 7};

    private final int index;
    private final HttpClient http;
    private final URI base;
    private final LoadStats stats;
    private final Random random;
    private final Behaviour behaviour;
    private UiConnection tab;

    /** Pacing of the script, in milliseconds. */
    record Behaviour(int digitsPerVisit, int thinkMs, int pointMs, int throttleMs, int watchMs) {
        static final Behaviour STUDENT = new Behaviour(3, 800, 16, 100, 8000);
        /** Draws only, never visits the features page: separates the readings' cost from the rest of a class's load. */
        static final Behaviour DRAWING_ONLY = new Behaviour(3, 800, 16, 100, 0);
    }

    /** A drawing the pad sent: its number, when it was dispatched and, once read, when its verdict came. */
    private static final class Sent {
        final long seq;
        final long dispatched = System.nanoTime();
        long answered;
        String verdict;

        Sent(long seq) {
            this.seq = seq;
        }
    }

    private long seq;
    private Sent awaited;   // the digit's last drawing, until its verdict shows
    private boolean clearRequested;
    // the features page
    private boolean onFeatures;
    private int framesThisVisit;
    private long firstFrameAt;

    Student(int index, HttpClient http, URI base, LoadStats stats, Behaviour behaviour) {
        this.index = index;
        this.http = http;
        this.base = base;
        this.stats = stats;
        this.behaviour = behaviour;
        this.random = new Random(index * 7919L + 17);
    }

    /** Opens the digits page; false (and an error counted) if that failed. */
    boolean open() {
        long t0 = System.nanoTime();
        try {
            tab = UiConnection.open(http, base, "", "", stats.errors, TIMEOUT);
        } catch (Exception e) {
            stats.errors.add("open failed: " + UiConnection.rootMessage(e));
            return false;
        }
        tab.observe(this::onMessage);
        if (tab.tree().byId("pad") < 0) {
            stats.errors.add("digits page without a draw pad");
            return false;
        }
        stats.opened((System.nanoTime() - t0) / 1e6);
        return true;
    }

    /** Plays the student until {@code deadline} (System.nanoTime()), finishing the action under way. */
    void run(long deadline) throws InterruptedException {
        tab.pump(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(1000)));   // not all in step
        int digit = index % DIGITS.length;
        while (System.nanoTime() < deadline && !tab.isClosed()) {
            for (int i = 0; i < behaviour.digitsPerVisit && System.nanoTime() < deadline && !tab.isClosed(); i++) {
                drawAndRead(digit);
                digit = (digit + 1) % DIGITS.length;
                think(behaviour.thinkMs);
                clearPad();
                think(behaviour.thinkMs / 2);
            }
            if (System.nanoTime() >= deadline || tab.isClosed()) break;
            if (behaviour.watchMs <= 0) continue;
            watchVisualisation();
            if (!backToDigits()) break;
        }
    }

    void close() {
        if (tab != null) tab.close();
    }

    // ------------------------------------------------------------------------------------------------ digits

    private void drawAndRead(int digit) throws InterruptedException {
        int pad = tab.tree().byId("pad");
        List<List<Integer>> strokes = new ArrayList<>();
        long lastSent = Long.MIN_VALUE / 2;
        Sent last = null;
        int[][] shape = DIGITS[digit];
        for (int s = 0; s < shape.length; s++) {
            List<Integer> stroke = new ArrayList<>();
            strokes.add(stroke);
            int[] points = shape[s];
            for (int p = 0; p < points.length; p += 2) {
                if (p > 0) think(behaviour.pointMs);
                stroke.add(points[p]);
                stroke.add(points[p + 1]);
                // pointerdown and pointermove: at most one event per preview interval, which the server may raise
                if (System.nanoTime() - lastSent >= TimeUnit.MILLISECONDS.toNanos(previewInterval(pad))) {
                    send(pad, strokes, false);
                    lastSent = System.nanoTime();
                }
            }
            last = send(pad, strokes, true);   // pointerup: always, and settled (the pad asks for a reading of every stroke's end)
            lastSent = System.nanoTime();
            if (s < shape.length - 1) think(150);
        }
        Sent finalDrawing = last;
        awaited = finalDrawing;
        long deadline = finalDrawing.dispatched + TIMEOUT;
        boolean answered = tab.await(() -> finalDrawing.answered != 0, deadline);
        awaited = null;
        if (!answered) {
            if (!tab.isClosed()) stats.errors.add("no verdict within 15 s");
            return;
        }
        stats.classified((finalDrawing.answered - finalDrawing.dispatched) / 1e6);
        String verdict = finalDrawing.verdict;
        if (!verdict.startsWith("It's a ")) stats.errors.add("verdict: " + verdict + " / " + tab.tree().textById("confidence"));
        else if (!verdict.equals("It's a " + LABELS[digit])) stats.verdictsWrong.incrementAndGet();
    }

    /** The pad's preview interval as the server last set it (the pad's own default before that). */
    private long previewInterval(int pad) {
        String ms = tab.tree().property(pad, "throttleMs");
        try {
            return ms.isEmpty() ? behaviour.throttleMs : Long.parseLong(ms);
        } catch (NumberFormatException e) {
            return behaviour.throttleMs;
        }
    }

    private Sent send(int pad, List<List<Integer>> strokes, boolean settled) {
        ObjectNode drawing = UiConnection.JSON.createObjectNode();
        drawing.put("width", 280);
        drawing.put("height", 280);
        drawing.put("pen", 20);
        var array = drawing.putArray("strokes");
        for (List<Integer> s : strokes) {
            var a = array.addArray();
            s.forEach(a::add);
        }
        Sent sent = new Sent(++seq);
        ObjectNode data = UiConnection.JSON.createObjectNode();
        data.put("event.detail.drawing", drawing.toString());
        data.put("event.detail.settled", settled);
        data.put("event.detail.seq", sent.seq);
        tab.event(pad, "drawing-changed", data);
        return sent;
    }

    /** Clicks Clear; the server asks the pad to clear, and the pad (emulated here) sends the empty drawing. */
    private void clearPad() throws InterruptedException {
        int clear = tab.tree().byId("clear");
        if (clear < 0) {
            stats.errors.add("no clear button");
            return;
        }
        clearRequested = false;
        tab.click(clear);
        if (!tab.await(() -> clearRequested, System.nanoTime() + TIMEOUT)) {
            if (!tab.isClosed()) stats.errors.add("the server never asked the pad to clear");
            return;
        }
        send(tab.tree().byId("pad"), List.of(), true);
        if (!tab.await(() -> DigitsView.PROMPT.equals(tab.tree().textById("verdict")), System.nanoTime() + TIMEOUT) && !tab.isClosed()) {
            stats.errors.add("clear did not bring the prompt back: " + tab.tree().textById("verdict"));
        }
    }

    // ------------------------------------------------------------------------------------------------ features

    private void watchVisualisation() throws InterruptedException {
        long t0 = System.nanoTime();
        framesThisVisit = 0;
        firstFrameAt = 0;
        onFeatures = true;
        tab.navigate("features", "seed=" + SEEDS.incrementAndGet(), "client");
        // the whole watch even past the deadline: a visit cut short would look like a visualisation without frames
        tab.await(() -> finished() || busy(), t0 + TimeUnit.MILLISECONDS.toNanos(behaviour.watchMs));
        long onPage = System.nanoTime() - t0;
        onFeatures = false;
        stats.vizRuns.incrementAndGet();
        String status = tab.tree().textById("status");
        if (busy()) stats.vizBusy.incrementAndGet();
        else if (status.contains("from the cache")) stats.vizCached.incrementAndGet();
        else if (finished()) stats.vizDone.incrementAndGet();
        if (firstFrameAt != 0) stats.firstFrame((firstFrameAt - t0) / 1e6);
        else if (!busy() && !tab.isClosed() && !status.contains("Waiting")) stats.errors.add("no frame in " + onPage / 1_000_000 + " ms; status: " + status);
        stats.frames.addAndGet(framesThisVisit);
        framesTotal += framesThisVisit;
        secondsOnFeatures += onPage / 1e9;
    }

    private int framesTotal;
    private double secondsOnFeatures;

    /** This student's frames per second over all its time on the features page, or NaN if it never went there. */
    double frameRate() {
        return secondsOnFeatures == 0 ? Double.NaN : framesTotal / secondsOnFeatures;
    }

    private boolean finished() {
        return tab.tree().textById("status").startsWith("Done");
    }

    private boolean busy() {
        return tab.tree().textById("notice").contains("busy");
    }

    private boolean backToDigits() throws InterruptedException {
        tab.navigate("", "", "client");
        if (!tab.await(() -> tab.idle() && tab.tree().byId("pad") >= 0, System.nanoTime() + TIMEOUT)) {
            if (!tab.isClosed()) stats.errors.add("digits page did not come back");
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ messages

    private void onMessage(long nanos, JsonNode m, NodeTree.Applied applied, List<JsonNode> answered) {
        NodeTree tree = tab.tree();
        if (isReading(tree, applied)) {
            int verdictNode = tree.byId("verdict");
            String verdict = tree.text(verdictNode);
            if (verdict.equals("Hmm…") && tree.textById("confidence").contains("busy")) stats.classifyBusy.incrementAndGet();
            Sent a = awaited;
            if (a != null && a.answered == 0 && drawingShown(tree, verdictNode) >= a.seq) {
                a.verdict = verdict;
                a.answered = nanos;
            }
        }
        if (onFeatures) {
            int pictures = tree.byId("pictures");
            boolean frame = false;
            for (int n : applied.dataPuts()) frame |= pictures >= 0 && "feature-maps".equals(tree.tag(n)) && tree.within(n, pictures);
            if (frame) {
                framesThisVisit++;
                if (firstFrameAt == 0) firstFrameAt = nanos;
            }
        }
        JsonNode execute = m.get("execute");
        if (execute != null && execute.toString().contains("clear")) clearRequested = true;
    }

    /** The number of the drawing whose verdict the page shows, or -1. */
    private static long drawingShown(NodeTree tree, int verdictNode) {
        try {
            return Long.parseLong(tree.value(verdictNode, NodeTree.ATTRIBUTES, "data-drawing"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The message shows a reading: it changed the verdict card or the picture of what the network saw. */
    private static boolean isReading(NodeTree tree, NodeTree.Applied applied) {
        int[] parts = {tree.byId("verdict"), tree.byId("confidence"), tree.byId("probabilities"), tree.byId("network-input")};
        for (int n : applied.touched()) {
            for (int p : parts) if (p >= 0 && tree.within(n, p)) return true;
        }
        return false;
    }

    private void think(int ms) throws InterruptedException {
        tab.pump(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms));
    }

    // ------------------------------------------------------------------------------------------------ digits drawn

    /** A vertical bar through the pad's middle, top to bottom (as the end-to-end test draws a 1). */
    private static int[][] one() {
        int[] s = new int[42];
        for (int i = 0; i <= 20; i++) {
            s[2 * i] = 140;
            s[2 * i + 1] = 40 + 10 * i;
        }
        return new int[][]{s};
    }

    /** An upright ellipse, closed (as the end-to-end test draws a 0). */
    private static int[][] zero() {
        int n = 36;
        int[] s = new int[2 * (n + 2)];
        for (int i = 0; i <= n + 1; i++) {
            double t = 2 * Math.PI * i / n - Math.PI / 2;
            s[2 * i] = 140 + (int) Math.round(62 * Math.cos(t));
            s[2 * i + 1] = 140 + (int) Math.round(95 * Math.sin(t));
        }
        return new int[][]{s};
    }

    /** A 7 with a crossbar (bench digits' seven), its corners filled in every 10 pad units as a pen would. */
    private static int[][] seven() {
        return new int[][]{densify(new int[]{70, 60, 120, 58, 170, 57, 215, 60, 200, 100, 180, 140, 160, 185, 145, 230}),
                densify(new int[]{110, 145, 190, 140})};
    }

    private static int[] densify(int[] corners) {
        List<Integer> out = new ArrayList<>(List.of(corners[0], corners[1]));
        for (int i = 2; i < corners.length; i += 2) {
            double dx = corners[i] - corners[i - 2], dy = corners[i + 1] - corners[i - 1];
            int steps = Math.max(1, (int) Math.round(Math.hypot(dx, dy) / 10));
            for (int k = 1; k <= steps; k++) {
                out.add((int) Math.round(corners[i - 2] + dx * k / steps));
                out.add((int) Math.round(corners[i - 1] + dy * k / steps));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
