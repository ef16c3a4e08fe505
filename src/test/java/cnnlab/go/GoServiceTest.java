package cnnlab.go;

import cnnlab.jobs.JobRunner;
import cnnlab.nn.ModelFiles;
import cnnlab.nn.ShippedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped Go networks as the page uses them: predictions over legal moves, the first layer, the card's figures. */
class GoServiceTest {
    static GoService go;
    /** One thread and no queue: a job holding it makes the service busy. */
    static JobRunner jobs;

    @BeforeAll
    static void load() {
        jobs = new JobRunner(1, 0);
        go = GoService.load(ShippedModel.MODELS, jobs);
    }

    @AfterAll
    static void close() {
        jobs.close();
    }

    @Test
    void bothShippedNetworksAreThereWithTheirHeldOutAccuracy() {
        for (PolicyNet n : PolicyNet.values()) {
            assertTrue(go.has(n), n.id());
            PolicyFacts f = go.facts(n).orElseThrow(() -> new AssertionError("no accuracy in the card of " + n.id()));
            assertTrue(f.top1() > 0 && f.top1() <= f.top5() && f.top5() <= 1, f.toString());
            assertTrue(f.positions() > 40_000, "measured on the held-out games, not a sample: " + f);
        }
    }

    @Test
    void predictionsCoverLegalMovesOnlyAndRankTheFavouriteFirst() throws Exception {
        GameOnBoard game = new GameOnBoard();
        game.load(Sgf.parse(SgfTest.resource("shusaku-001.sgf")), "Shusaku");
        game.goTo(80);
        Board b = game.board();
        Map<PolicyNet, MovePrediction> predictions = go.predict(b);
        assertEquals(2, predictions.size());
        for (MovePrediction p : predictions.values()) {
            double sum = 0;
            for (int i = 0; i < Board.POINTS; i++) {
                boolean legal = b.isLegal(Move.at(b.toPlay(), i / Board.SIZE, i % Board.SIZE));
                if (!legal) assertEquals(0f, p.probabilities()[i], "illegal point " + i);
                sum += p.probabilities()[i];
            }
            assertEquals(1.0, sum, 1e-4);
            var top = p.top(5);
            assertEquals(5, top.size());
            assertEquals(1, p.rank(top.get(0).point()));
            for (int i = 1; i < top.size(); i++) {
                assertTrue(p.rank(top.get(i).point()) <= i + 1, "ties share a rank");
                assertTrue(top.get(i).probability() <= top.get(i - 1).probability());
            }
            int occupied = b.moves().get(0).point();
            assertEquals(0, p.rank(occupied), "an occupied point has no rank");
        }
    }

    @Test
    void thePooledNetworkCannotTellNeighbouringPointsApart() {
        // the lecture's point, measured: after 2x2 pooling and upsampling, the four points of a block get one value
        Board b = new Board();
        b.setup(Stone.BLACK, 3, 3);
        b.setup(Stone.WHITE, 3, 15);
        b.setToPlay(Stone.BLACK);
        float[] pooled = go.predict(b).get(PolicyNet.POOLED).probabilities(), unpooled = go.predict(b).get(PolicyNet.UNPOOLED).probabilities();
        int blocksEqual = 0, unpooledEqual = 0, blocks = 0;
        for (int r = 0; r + 1 < Board.SIZE; r += 2) {
            for (int c = 0; c + 1 < Board.SIZE; c += 2) {
                int p = r * Board.SIZE + c;
                int[] block = {p, p + 1, p + Board.SIZE, p + Board.SIZE + 1};
                if (java.util.Arrays.stream(block).anyMatch(q -> b.at(q) != Stone.EMPTY)) continue;
                blocks++;
                if (java.util.Arrays.stream(block).allMatch(q -> pooled[q] == pooled[p])) blocksEqual++;
                if (java.util.Arrays.stream(block).allMatch(q -> unpooled[q] == unpooled[p])) unpooledEqual++;
            }
        }
        assertEquals(blocks, blocksEqual, "every empty 2x2 block of the pooled network's map has one value");
        assertTrue(unpooledEqual < blocks / 10, "the unpooled network tells them apart: " + unpooledEqual + " of " + blocks);
    }

    @Test
    void theFirstLayerIsTheNetworksOwnConvolution() {
        Board b = new Board();
        b.setup(Stone.BLACK, 3, 3);
        b.setup(Stone.WHITE, 15, 15);
        for (PolicyNet n : PolicyNet.values()) {
            GoService.FirstLayer layer = go.firstLayer(n, b);
            assertEquals(PolicyNet.FILTERS, layer.filters());
            assertEquals(PolicyNet.FILTERS * Board.POINTS, layer.maps().length);
            assertEquals(5, layer.kernel());
            MultiLayerNetwork net = ModelFiles.load(ShippedModel.MODELS.resolve(n.file()));   // independently of the service
            float[] w = net.getLayer(0).getParam("W").slice(7).dup('c').data().asFloat();
            assertArrayEquals(w, layer.filter(7), 0f, "filter 7's weights, plane by plane");
            for (float v : layer.maps()) assertTrue(v >= 0, "after ReLU");
        }
    }

    @Test
    void uploadedRecordsAreReadOnTheBoundedJobPool() throws Exception {
        SgfGame game = readWhenFree(SgfTest.resource("shusaku-001.sgf").getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
        assertEquals(191, game.moves().size());
        byte[] bomb = ("(;GM[1]SZ[19]AB" + "[aa:ss]".repeat(142_000) + ")").getBytes(StandardCharsets.US_ASCII);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> readWhenFree(bomb).get(30, TimeUnit.SECONDS));
        assertInstanceOf(SgfProblem.class, refused.getCause());

        // a record is read by the pool or not at all: with its only thread taken, the service is busy
        CountDownLatch running = new CountDownLatch(1), release = new CountDownLatch(1);
        try {
            // refused while the last reading's thread is still on its way back to the pool
            while (jobs.submit(() -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CompletableFuture.completedFuture(null);
            }).isCompletedExceptionally()) {
                Thread.sleep(10);
            }
            running.await();
            ExecutionException busy = assertThrows(ExecutionException.class, () -> go.readRecord(bomb).get(30, TimeUnit.SECONDS));
            assertInstanceOf(RejectedExecutionException.class, busy.getCause());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aPositionIsReadOnTheJobPoolWithTheFirstLayerOnlyWhenAsked() throws Exception {
        Board b = new Board();
        b.setup(Stone.BLACK, 3, 3);
        b.setup(Stone.WHITE, 15, 15);
        PositionReading plain = whenFree(() -> go.read(b, null)).get(30, TimeUnit.SECONDS);
        assertSame(b, plain.board());
        assertNull(plain.firstLayer(), "not asked for");
        for (PolicyNet n : PolicyNet.values()) {
            assertArrayEquals(go.predict(b).get(n).probabilities(), plain.predictions().get(n).probabilities(), 0f, n.id());
        }
        PositionReading withLayer = whenFree(() -> go.read(b, PolicyNet.POOLED)).get(30, TimeUnit.SECONDS);
        assertArrayEquals(go.firstLayer(PolicyNet.POOLED, b).maps(), withLayer.firstLayer().maps(), 0f);
    }

    /** Reads a record once the one-thread, no-queue pool takes it. */
    private static CompletableFuture<SgfGame> readWhenFree(byte[] file) throws InterruptedException {
        return whenFree(() -> go.readRecord(file));
    }

    /** Submits {@code job} until the one-thread, no-queue pool takes it (its thread is freed just after the last answer). */
    private static <T> CompletableFuture<T> whenFree(java.util.function.Supplier<CompletableFuture<T>> job) throws InterruptedException {
        for (int i = 0; ; i++) {
            CompletableFuture<T> f = job.get();
            if (!f.isCompletedExceptionally() || i == 500) return f;
            try {
                f.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (!(e.getCause() instanceof RejectedExecutionException)) return f;
            }
            Thread.sleep(10);
        }
    }
}
